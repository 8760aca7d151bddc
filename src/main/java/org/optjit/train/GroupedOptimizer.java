package org.optjit.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.optjit.Kernel;
import org.optjit.Layout;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.RuleException;
import org.optjit.ast.AstPrinter;

/**
 * One rule applied to the whole parameter array, seen as the network's tensors
 * ({@link Layout}: each layer's weight matrix and bias vector). When the biases have
 * hyperparameter values of their own (e.g. no weight decay), they form a parameter group with
 * those values; one fused step updates every group, and reductions over {@code [all]} span
 * both, as global-norm clipping must.
 */
final class GroupedOptimizer {

    private final Optimizer optimizer;
    private final Layout layout;
    private final boolean biasGroup;
    private final Map<String, Double> initial = new HashMap<>();
    private final Map<String, Double> initialBias = new HashMap<>();

    GroupedOptimizer(Kernel kernel, Map<String, Double> hypers, Map<String, Double> biasHypers, Layout layout,
                     int threads) {
        this.optimizer = kernel.bind(hypers).threads(threads);
        this.layout = layout;
        this.biasGroup = !biasHypers.isEmpty();
        biasHypers.forEach((name, value) -> optimizer.set(org.optjit.train.model.Network.BIAS_GROUP, name, value));
        for (String name : optimizer.hyperparameterNames()) {
            initial.put(name, optimizer.get(name));
            initialBias.put(name, biasGroup ? optimizer.get(org.optjit.train.model.Network.BIAS_GROUP, name)
                    : optimizer.get(name));
        }
    }

    OptimizerState newState(float[] params) {
        return optimizer.newState(params, layout);
    }

    Layout layout() {
        return layout;
    }

    /** One training step over every tensor, then {@code t += 1}. */
    void step(float[] params, float[] grad, OptimizerState state) {
        optimizer.step(params, grad, state);
    }

    /** The weights to evaluate with (the rule's {@code evaluate}, else the weights). */
    void evalWeights(float[] params, OptimizerState state, float[] out) {
        optimizer.evalWeights(params, state, out);
    }

    /** Whether the rule says which weights to evaluate with. */
    boolean hasEvalWeights() {
        return optimizer.kernel().rule().program().evaluate() != null;
    }

    boolean has(String hyper) {
        return optimizer.hyperparameterNames().contains(hyper);
    }

    /** Fails with the names the rule does have when {@code hyper} is not one of them. */
    void requireHyper(String hyper, String why) {
        if (!has(hyper)) {
            List<String> names = optimizer.hyperparameterNames();
            throw new RuleException("rule '" + optimizer.kernel().rule().name() + "' has no hyperparameter '" + hyper
                    + "' for " + why + org.optjit.sema.Names.didYouMean(hyper, names)
                    + (names.isEmpty() ? " (it has none)" : " (it has: " + String.join(", ", names) + ")")
                    + "; choose one with --hyper");
        }
    }

    /** Sets {@code hyper} to its initial value times {@code scale} in every group. */
    void scale(String hyper, double scale) {
        optimizer.set(hyper, initial.get(hyper) * scale);
        if (biasGroup) {
            optimizer.set(org.optjit.train.model.Network.BIAS_GROUP, hyper, initialBias.get(hyper) * scale);
        }
    }

    /** The current value of {@code hyper} for the weights, or NaN when the rule has none. */
    double value(String hyper) {
        return has(hyper) ? optimizer.get(hyper) : Double.NaN;
    }

    /** The rule and current hyperparameter values, e.g. "momentum (eps=0.01, mu=0.9; biases: wd=0)". */
    String describe() {
        StringJoiner j = new StringJoiner(", ", optimizer.kernel().rule().name() + " (", ")");
        for (String name : optimizer.hyperparameterNames()) {
            j.add(name + "=" + AstPrinter.number(optimizer.get(name)));
        }
        String s = j.toString();
        if (biasGroup) {
            StringJoiner b = new StringJoiner(", ", "; biases: ", ")");
            for (String name : optimizer.hyperparameterNames()) {
                double v = optimizer.get(org.optjit.train.model.Network.BIAS_GROUP, name);
                if (v != optimizer.get(name)) {
                    b.add(name + "=" + AstPrinter.number(v));
                }
            }
            s = s.substring(0, s.length() - 1) + b;
        }
        return s;
    }
}
