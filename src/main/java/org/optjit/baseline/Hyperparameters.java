package org.optjit.baseline;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a baseline's hyperparameters off its record components, so each name is written
 * once (as the component) and the tests bind the compiled rule with exactly those values.
 */
final class Hyperparameters {

    private Hyperparameters() {
    }

    /** Every {@code double} component of {@code hypers}, by name, in declaration order. */
    static Map<String, Double> of(Record hypers) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (RecordComponent c : hypers.getClass().getRecordComponents()) {
            if (c.getType() != double.class) {
                continue;
            }
            try {
                out.put(c.getName(), (Double) c.getAccessor().invoke(hypers));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read hyperparameter " + c.getName(), e);
            }
        }
        return out;
    }
}
