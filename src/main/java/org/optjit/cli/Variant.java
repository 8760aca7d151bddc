package org.optjit.cli;

import java.util.Map;
import java.util.stream.Collectors;
import org.optjit.ast.AstPrinter;

/**
 * One rule at one point of a sweep: what {@code compare} runs from every seed and reports
 * as one row.
 *
 * @param label the rule's label
 * @param point the swept hyperparameter values (empty without sweeps)
 */
record Variant(String label, Map<String, Double> point) {

    Variant {
        point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
    }

    /** "adam" or "adam lr=0.001". */
    String name() {
        return point.isEmpty() ? label : label + " " + values(" ");
    }

    /** The output folder under the run's directory: "adam" or "adam/lr=0.001". */
    String path() {
        return point.isEmpty() ? label : label + "/" + values(",");
    }

    private String values(String separator) {
        return point.entrySet().stream().map(e -> e.getKey() + "=" + AstPrinter.number(e.getValue()))
                .collect(Collectors.joining(separator));
    }
}
