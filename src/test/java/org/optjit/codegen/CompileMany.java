package org.optjit.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.optjit.Backend;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.Rule;

/**
 * Main of the child JVM started by {@link UnloadingTest}: parses and compiles {@code count}
 * distinct rules through the public API, steps each once and drops it (or, with {@code keep}, holds on to every kernel,
 * which must exhaust a small metaspace). Prints {@code compiled N} at the end.
 */
public final class CompileMany {

    private CompileMany() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        boolean keep = args.length > 1 && args[1].equals("keep");
        List<Kernel> kept = new ArrayList<>();
        float[] w = new float[1];
        float[] g = {1};
        for (int k = 0; k < count; k++) {
            Kernel kernel = Rule.parse("w -= " + k + "*g", "rule" + k + ".opt").compile(Backend.SCALAR);
            Optimizer opt = kernel.bind(Map.of());
            w[0] = 0;
            OptimizerState s = opt.newState(w);
            opt.step(w, g, s);
            if (w[0] != -(float) k) {
                throw new AssertionError("kernel " + k + " computed " + w[0]);
            }
            if (keep) {
                kept.add(kernel);
            }
        }
        System.out.println("compiled " + count + (keep ? " kept " + kept.size() : ""));
    }
}
