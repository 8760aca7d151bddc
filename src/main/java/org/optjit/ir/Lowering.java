package org.optjit.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optjit.ast.AstPrinter;
import org.optjit.ast.Expr;
import org.optjit.sema.Analysis;
import org.optjit.sema.Role;

/**
 * The lowering stage: an analysed rule to a {@link Program}. Slots follow the order in
 * which names first appear. The step is lowered by {@link StepLowering}; new state by
 * lowering each state's initial value (literals, hyperparameters, {@code w}) the same way
 * into the init prelude and init block; hyperparameter defaults are folded in double.
 * {@link DeadCode} then drops what no output needs.
 */
public final class Lowering {

    private Lowering() {
    }

    public static Program lower(Analysis analysis, String name) {
        Map<String, Integer> hyperSlots = slots(analysis.names(Role.HYPER));
        Map<String, Integer> stateSlots = slots(analysis.names(Role.STATE));

        List<Hyper> hypers = new ArrayList<>();
        hyperSlots.forEach((h, slot) -> hypers.add(new Hyper(h, slot, defaultValue(analysis.initial(h)),
                analysis.hypers().containsKey(h))));
        List<StateVar> states = new ArrayList<>();
        stateSlots.forEach((s, slot) -> {
            Expr init = analysis.initial(s);
            states.add(new StateVar(s, slot, init == null ? "0" : AstPrinter.print(init),
                    analysis.states().containsKey(s), analysis.shape(s)));
        });

        StepLowering step = new StepLowering(analysis, hyperSlots, stateSlots, states);
        step.statements(analysis.rule().statements());
        List<Output> outputs = step.outputs();
        List<Output> coarseOutputs = step.coarseOutputs();
        List<String> scalarNames = new ArrayList<>();
        List<Integer> scalarValues = new ArrayList<>();
        for (String s : analysis.names(Role.STEP_SCALAR)) {
            Ref v = step.stepScalar(s);
            if (v != null && v.uniform()) {
                scalarNames.add(s);
                scalarValues.add(v.index());
            }
        }
        DeadCode.Result pruned = DeadCode.prune(step.b, outputs, coarseOutputs, scalarValues);
        List<StepScalar> stepScalars = new ArrayList<>();
        for (int i = 0; i < scalarNames.size(); i++) {
            stepScalars.add(new StepScalar(scalarNames.get(i), step.stepScalarSource(scalarNames.get(i)),
                    pruned.preludeIndex()[scalarValues.get(i)]));
        }

        DeadCode.Result init = init(analysis, hyperSlots, stateSlots, states);
        return new Program(name, hypers, states, stepScalars, analysis.names(Role.TEMPORARY),
                pruned.prelude(), pruned.body(), init.prelude(), init.body(), pruned.reductions(), pruned.orth(),
                evaluation(analysis, hyperSlots, stateSlots));
    }

    /** {@code evaluate e}: e from w, per-weight states and hyperparameters, stored as the weight. */
    private static Program.Evaluation evaluation(Analysis analysis, Map<String, Integer> hyperSlots,
                                                 Map<String, Integer> stateSlots) {
        if (analysis.evaluate() == null) {
            return null;
        }
        SplitBuilder b = new SplitBuilder();
        ExprLowering expr = new ExprLowering(b, n -> switch (analysis.role(n)) {
            case WEIGHT -> b.bodyLeaf(Op.LOAD_W, -1);
            case STATE -> b.bodyLeaf(Op.LOAD_S, stateSlots.get(n));
            case CONSTANT -> b.constant(Math.PI);
            case STEP -> b.preludeLeaf(Op.STEP, -1);
            default -> b.preludeLeaf(Op.HYPER, hyperSlots.get(n));
        });
        Ref v = expr.lower(analysis.evaluate().value());
        DeadCode.Result r = DeadCode.prune(b, List.of(new Output(Output.Target.WEIGHT, -1, b.inBody(v))), List.of());
        return new Program.Evaluation(r.prelude(), r.body());
    }

    private static Map<String, Integer> slots(List<String> names) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        for (String n : names) {
            slots.put(n, slots.size());
        }
        return slots;
    }

    /** A declared default: a constant expression, folded in double. */
    private static Double defaultValue(Expr init) {
        if (init == null) {
            return null;
        }
        SplitBuilder b = new SplitBuilder();
        Ref r = new ExprLowering(b, n -> {
            throw new IllegalStateException("a hyperparameter default reads '" + n + "'");
        }).lower(init);
        if (!b.prelude.isConstant(r.index())) {
            throw new IllegalStateException("a hyperparameter default did not fold to a constant");
        }
        return b.prelude.constantValue(r.index());
    }

    /** Initial state: every state stored, from its initial value or 0. */
    private static DeadCode.Result init(Analysis analysis, Map<String, Integer> hyperSlots,
                                        Map<String, Integer> stateSlots, List<StateVar> states) {
        SplitBuilder b = new SplitBuilder();
        ExprLowering expr = new ExprLowering(b, n -> switch (analysis.role(n)) {
            case WEIGHT -> b.bodyLeaf(Op.LOAD_W, -1);
            case CONSTANT -> b.constant(Math.PI);
            default -> b.preludeLeaf(Op.HYPER, hyperSlots.get(n));
        });
        List<Output> outputs = new ArrayList<>();
        List<Output> coarse = new ArrayList<>();
        stateSlots.forEach((s, slot) -> {
            Expr init = analysis.initial(s);
            Ref v = init == null ? b.constant(0) : expr.lower(init);
            if (states.get(slot).perWeight()) {
                outputs.add(new Output(Output.Target.STATE, slot, b.inBody(v)));
            } else {
                coarse.add(new Output(Output.Target.STATE, slot, v.index()));
            }
        });
        return DeadCode.prune(b, outputs, coarse, List.of());
    }
}
