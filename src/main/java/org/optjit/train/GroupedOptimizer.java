package org.optjit.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.optjit.Kernel;
import org.optjit.Optimizer;
import org.optjit.OptimizerState;
import org.optjit.RuleException;
import org.optjit.ast.AstPrinter;
import org.optjit.train.model.ParameterGroup;

/**
 * One rule applied to the whole flat parameter array, with parameter groups: ranges of
 * the array that use other hyperparameter values (e.g. biases without weight decay).
 * Each distinct set of values is one {@link Optimizer} bound from the same kernel; one
 * training step updates every range with its optimizer (the range form of
 * {@link Optimizer#step(float[], float[], OptimizerState, int, int)}) and then advances
 * the shared state's {@code t} once. Without group overrides it is one fused call over
 * the whole array.
 */
final class GroupedOptimizer {

    /** A stretch of the parameter array updated by one optimizer. */
    private record Run(Optimizer optimizer, int from, int to) {
    }

    private final Optimizer main;
    private final Optimizer biases;
    private final List<Run> runs = new ArrayList<>();
    private final Map<Optimizer, Map<String, Double>> initial = new HashMap<>();

    GroupedOptimizer(Kernel kernel, Map<String, Double> hypers, Map<String, Double> biasHypers,
                     List<ParameterGroup> groups, int size, int threads) {
        this.main = kernel.bind(hypers).threads(threads);
        if (biasHypers.isEmpty()) {
            this.biases = null;
            runs.add(new Run(main, 0, size));
        } else {
            Map<String, Double> merged = new HashMap<>(hypers);
            merged.putAll(biasHypers);
            this.biases = kernel.bind(merged).threads(threads);
            for (ParameterGroup g : groups) {
                Optimizer o = g.bias() ? biases : main;
                Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
                if (last != null && last.optimizer() == o && last.to() == g.from()) {
                    runs.set(runs.size() - 1, new Run(o, last.from(), g.to()));
                } else {
                    runs.add(new Run(o, g.from(), g.to()));
                }
            }
        }
        for (Optimizer o : optimizers()) {
            Map<String, Double> values = new HashMap<>();
            for (String name : o.hyperparameterNames()) {
                values.put(name, o.get(name));
            }
            initial.put(o, values);
        }
    }

    private List<Optimizer> optimizers() {
        return biases == null ? List.of(main) : List.of(main, biases);
    }

    OptimizerState newState(float[] params) {
        return main.newState(params);
    }

    /** One training step over every range, then {@code t += 1}. */
    void step(float[] params, float[] grad, OptimizerState state) {
        for (Run r : runs) {
            r.optimizer().step(params, grad, state, r.from(), r.to());
        }
        state.advance();
    }

    /** The optimizer that updates weight {@code index}. */
    Optimizer at(int index) {
        for (Run r : runs) {
            if (index >= r.from() && index < r.to()) {
                return r.optimizer();
            }
        }
        return main;
    }

    boolean has(String hyper) {
        return main.hyperparameterNames().contains(hyper);
    }

    /** Fails with the names the rule does have when {@code hyper} is not one of them. */
    void requireHyper(String hyper, String why) {
        if (!has(hyper)) {
            List<String> names = main.hyperparameterNames();
            throw new RuleException("rule '" + main.kernel().rule().name() + "' has no hyperparameter '" + hyper
                    + "' for " + why + org.optjit.sema.Names.didYouMean(hyper, names)
                    + (names.isEmpty() ? " (it has none)" : " (it has: " + String.join(", ", names) + ")")
                    + "; choose one with --hyper");
        }
    }

    /** Sets {@code hyper} to its initial value times {@code scale} in every group. */
    void scale(String hyper, double scale) {
        for (Optimizer o : optimizers()) {
            o.set(hyper, initial.get(o).get(hyper) * scale);
        }
    }

    /** The current value of {@code hyper} for the weights, or NaN when the rule has none. */
    double value(String hyper) {
        return has(hyper) ? main.get(hyper) : Double.NaN;
    }

    /** The rule and current hyperparameter values, e.g. "momentum (eps=0.01, mu=0.9; biases: wd=0)". */
    String describe() {
        StringJoiner j = new StringJoiner(", ", main.kernel().rule().name() + " (", ")");
        for (String name : main.hyperparameterNames()) {
            j.add(name + "=" + AstPrinter.number(main.get(name)));
        }
        String s = j.toString();
        if (biases != null) {
            StringJoiner b = new StringJoiner(", ", "; biases: ", ")");
            for (String name : biases.hyperparameterNames()) {
                if (biases.get(name) != main.get(name)) {
                    b.add(name + "=" + AstPrinter.number(biases.get(name)));
                }
            }
            s = s.substring(0, s.length() - 1) + b;
        }
        return s;
    }
}
