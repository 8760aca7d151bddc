package org.optjit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One workload of {@code optjit suite}: a data set, a model and a budget, and the validation
 * error a rule must reach (AlgoPerf's validation target, Dahl et al. 2023). The options are
 * those of {@code train}; what they leave unset takes the data's {@link WorkloadDefaults}.
 *
 * @param name    the workload's name in tables and file names
 * @param options {@code train} options, e.g. {@code --data blobs --epochs 8}
 * @param target  the validation error to reach (a fraction, or squared error per pixel)
 */
record SuiteWorkload(String name, List<String> options, double target) {

    /** The workloads {@code --workloads} may name; the first three are the default set. */
    static final Map<String, SuiteWorkload> KNOWN = known();

    /** Small enough for four rules in well under 15 minutes on 2 cores (measured: README). */
    static final List<String> DEFAULT_SET = List.of("blobs-mlp", "curves-autoencoder", "modular-addition-small");

    private static Map<String, SuiteWorkload> known() {
        Map<String, SuiteWorkload> m = new LinkedHashMap<>();
        add(m, "blobs-mlp", 0.04, "--data", "blobs", "--layers", "32-64-5", "--epochs", "8", "--batch", "32");
        add(m, "curves-autoencoder", 0.045, "--data", "curves", "--limit", "1000,500,500", "--layers", "784-100-20-6",
                "--activation", "logistic", "--init", "sparse", "--epochs", "10", "--batch", "10");
        add(m, "modular-addition-small", 0.85, "--data", "modular-addition", "--width", "64", "--heads", "2",
                "--epochs", "40");
        add(m, "modular-addition", 0.01, "--data", "modular-addition");
        add(m, "fashion-mnist-mlp", 0.12, "--data", "fashion-mnist", "--epochs", "10");
        add(m, "fashion-mnist-lenet5", 0.10, "--data", "fashion-mnist", "--model", "lenet5", "--epochs", "10");
        return m;
    }

    private static void add(Map<String, SuiteWorkload> m, String name, double target, String... options) {
        m.put(name, new SuiteWorkload(name, List.of(options), target));
    }

    /** Parses {@code --workloads}: known names, comma-separated. */
    static List<SuiteWorkload> parse(String list) {
        List<SuiteWorkload> out = new ArrayList<>();
        for (String name : list.split(",")) {
            SuiteWorkload w = KNOWN.get(name.trim());
            if (w == null) {
                throw new UserError("--workloads: unknown workload '" + name.trim() + "' (known: "
                        + String.join(", ", KNOWN.keySet()) + ")");
            }
            out.add(w);
        }
        return out;
    }
}
