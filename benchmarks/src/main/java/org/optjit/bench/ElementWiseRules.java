package org.optjit.bench;

import org.optjit.Rule;

/**
 * Prints, one a line, the named example rules that {@link ExampleRatioBench} measures:
 * those that assign {@code w} (not transforms) and are element-wise (no reductions, shape
 * values, coarse state or {@code orth}), so that one step is one fused pass over the
 * weights whose natural limit is the in-place bandwidth kernel.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.optjit.bench.ElementWiseRules rule...</pre>
 */
public final class ElementWiseRules {

    private ElementWiseRules() {
    }

    /** Whether {@code examples/<name>.opt} is an element-wise rule that assigns {@code w}. */
    static boolean measured(String name) {
        Rule rule = ExampleRules.rule(name);
        return !rule.transform() && rule.program().elementWise();
    }

    public static void main(String[] args) {
        for (String name : args) {
            if (measured(name)) {
                System.out.println(name);
            }
        }
    }
}
