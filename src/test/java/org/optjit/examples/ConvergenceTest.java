package org.optjit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.Backend;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;

/**
 * Every example converges on the elongated quadratic bowl of lecture 6a and on Rosenbrock's
 * valley (the test Optax runs on every optimizer), on the interpreter. The hyperparameters
 * are the rule's defaults except where listed below: the defaults are meant for neural
 * networks (many weights, noisy gradients), not for two weights with exact gradients.
 */
class ConvergenceTest {

    /** The bowl must go from f = 17 at (-3, 1) to below this: five orders of magnitude. */
    static final double PARABOLA_THRESHOLD = 1e-4;

    /** Rosenbrock must go from f = 24.2 at (-1.2, 1) to below this (|x - 1| < 0.032). */
    static final double ROSENBROCK_THRESHOLD = 1e-3;

    /** Hyperparameters (the rest at their defaults) and a number of steps. */
    record Setup(Map<String, Double> hypers, int steps) {
    }

    private static final Setup PARABOLA_DEFAULT = new Setup(Map.of(), 5000);
    private static final Setup ROSENBROCK_DEFAULT = new Setup(Map.of(), 10000);

    /**
     * Where the defaults do not suit the bowl. The learning rates of the Adam family and of
     * the sign-based rules set the size of the final oscillation around the minimum, and
     * their defaults take too many steps to cross the 3 units to it; adadelta and adagrad
     * start with tiny steps.
     */
    private static final Map<String, Setup> PARABOLA = Map.ofEntries(
            Map.entry("sgd", new Setup(Map.of("eps", 0.01), 5000)),
            Map.entry("rmsprop_nesterov", new Setup(Map.of("eps", 3e-4), 5000)),
            Map.entry("adagrad", new Setup(Map.of("lr", 0.3), 5000)),
            Map.entry("adadelta", new Setup(Map.of("lr", 0.1, "rho", 0.95, "eps", 1e-4), 5000)),
            Map.entry("adam", new Setup(Map.of("lr", 0.01), 5000)),
            Map.entry("adamw", new Setup(Map.of("lr", 0.01), 5000)),
            Map.entry("amsgrad", new Setup(Map.of("lr", 0.01), 5000)),
            Map.entry("adamax", new Setup(Map.of("lr", 0.01), 5000)),
            Map.entry("nadam", new Setup(Map.of("lr", 0.01), 5000)),
            Map.entry("radam", new Setup(Map.of("lr", 0.01), 5000)),
            Map.entry("lion", new Setup(Map.of("lr", 1e-3), 5000)),
            Map.entry("powersign", new Setup(Map.of("lr", 3e-3), 5000)),
            Map.entry("addsign", new Setup(Map.of("lr", 0.01), 5000)));

    /**
     * Where the defaults do not suit Rosenbrock: rules whose steps do not shrink with the
     * gradient (rmsprop's family, Adam's, the sign-based ones) need a smaller learning rate
     * to settle in the narrow valley; rmsprop then needs more steps. Adadelta crawls along
     * the valley (its step size follows its own past steps): only a small lr with the
     * paper's rho = 0.95 gets there, in 20,000 steps.
     */
    private static final Map<String, Setup> ROSENBROCK = Map.ofEntries(
            Map.entry("rmsprop", new Setup(Map.of("eps", 3e-4), 20000)),
            Map.entry("rmsprop_momentum", new Setup(Map.of("eps", 3e-4), 10000)),
            Map.entry("rmsprop_nesterov", new Setup(Map.of("eps", 1e-4), 10000)),
            Map.entry("centered_rmsprop", new Setup(Map.of("lr", 1e-4), 10000)),
            Map.entry("adagrad", new Setup(Map.of("lr", 0.3), 10000)),
            Map.entry("adadelta", new Setup(Map.of("lr", 0.01, "rho", 0.95, "eps", 1e-6), 20000)),
            Map.entry("adam", new Setup(Map.of("lr", 3e-3), 10000)),
            Map.entry("adamw", new Setup(Map.of("lr", 3e-3), 10000)),
            Map.entry("amsgrad", new Setup(Map.of("lr", 0.03), 10000)),
            Map.entry("adamax", new Setup(Map.of("lr", 3e-3), 10000)),
            Map.entry("nadam", new Setup(Map.of("lr", 3e-3), 10000)),
            Map.entry("radam", new Setup(Map.of("lr", 3e-3), 10000)),
            Map.entry("lion", new Setup(Map.of("lr", 3e-4), 10000)),
            Map.entry("powersign", new Setup(Map.of("lr", 1e-3), 10000)),
            Map.entry("addsign", new Setup(Map.of("lr", 1e-3), 10000)));

    static Setup setup(String rule, Problem p) {
        return p == Problem.PARABOLA
                ? PARABOLA.getOrDefault(rule, PARABOLA_DEFAULT)
                : ROSENBROCK.getOrDefault(rule, ROSENBROCK_DEFAULT);
    }

    static double threshold(Problem p) {
        return p == Problem.PARABOLA ? PARABOLA_THRESHOLD : ROSENBROCK_THRESHOLD;
    }

    static Stream<Arguments> cases() {
        return Examples.NAMES.stream().flatMap(n -> Stream.of(Problem.values()).map(p -> Arguments.of(n, p)));
    }

    /** One optimizer step on two weights, so the loop below can drive any implementation. */
    interface Stepper {
        void step(float[] w, float[] g);
    }

    /** Runs {@code steps} steps from the problem's start and returns the final value. */
    static double minimise(Problem p, int steps, float[] w, Stepper stepper) {
        float[] g = new float[2];
        for (int k = 0; k < steps; k++) {
            p.gradient(w[0], w[1], g);
            stepper.step(w, g);
        }
        return p.value(w);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void converges(String rule, Problem p) {
        Setup s = setup(rule, p);
        Optimizer opt = Examples.compile(Examples.load(rule), Backend.INTERPRETER).bind(s.hypers());
        float[] w = p.start();
        OptimizerState state = opt.newState(w);
        double start = p.value(w);
        double end = minimise(p, s.steps(), w, (x, g) -> opt.step(x, g, state));
        assertTrue(end < threshold(p), String.format(
                "%s on %s with %s: f went from %.3g to %.3g in %d steps (w = %s, %s); the threshold is %.0e",
                rule, p, s.hypers(), start, end, s.steps(), w[0], w[1], threshold(p)));
    }
}
