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
                    analysis.states().containsKey(s)));
        });

        StepLowering step = new StepLowering(analysis, hyperSlots, stateSlots);
        step.statements(analysis.rule().statements());
        List<Output> outputs = step.outputs();
        List<String> scalarNames = new ArrayList<>();
        List<Integer> scalarValues = new ArrayList<>();
        for (String s : analysis.names(Role.STEP_SCALAR)) {
            Ref v = step.stepScalar(s);
            if (v != null && v.uniform()) {
                scalarNames.add(s);
                scalarValues.add(v.index());
            }
        }
        DeadCode.Result pruned = DeadCode.prune(step.b, outputs, scalarValues);
        List<StepScalar> stepScalars = new ArrayList<>();
        for (int i = 0; i < scalarNames.size(); i++) {
            stepScalars.add(new StepScalar(scalarNames.get(i), step.stepScalarSource(scalarNames.get(i)),
                    pruned.preludeIndex()[scalarValues.get(i)]));
        }

        DeadCode.Result init = init(analysis, hyperSlots, stateSlots);
        return new Program(name, hypers, states, stepScalars, analysis.names(Role.TEMPORARY),
                pruned.prelude(), pruned.body(), init.prelude(), init.body());
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
                                        Map<String, Integer> stateSlots) {
        SplitBuilder b = new SplitBuilder();
        ExprLowering expr = new ExprLowering(b, n -> analysis.role(n) == Role.WEIGHT
                ? b.bodyLeaf(Op.LOAD_W, -1) : b.preludeLeaf(Op.HYPER, hyperSlots.get(n)));
        List<Output> outputs = new ArrayList<>();
        stateSlots.forEach((s, slot) -> {
            Expr init = analysis.initial(s);
            Ref v = init == null ? b.constant(0) : expr.lower(init);
            outputs.add(new Output(Output.Target.STATE, slot, b.inBody(v)));
        });
        return DeadCode.prune(b, outputs, List.of());
    }
}
