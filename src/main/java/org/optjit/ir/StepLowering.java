package org.optjit.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optjit.ast.AstPrinter;
import org.optjit.ast.Expr;
import org.optjit.ast.Stmt;
import org.optjit.sema.Analysis;
import org.optjit.sema.Role;
import org.optjit.sema.Scope;

/**
 * Lowers a rule's statements to one step: the prelude and the per-weight body, with the
 * outputs that store {@code w} and the state that changed.
 *
 * <p>Control flow is if-converted: each branch is lowered into its own child scope, and
 * after the {@code if} every name a branch assigned becomes a SELECT between the branch
 * values, from the last branch back to the first (an {@code else if} chain is a chain of
 * selects). A path that does not assign a name keeps the value from before the {@code if}
 * (for state: its value loaded from the previous step).
 */
final class StepLowering {

    final SplitBuilder b;
    private final Analysis analysis;
    private final Map<String, Integer> hyperSlots;
    private final Map<String, Integer> stateSlots;
    private final List<StateVar> states;
    private final ExprLowering expr;
    private Scope<Ref> env = new Scope<>();
    private final Map<String, Ref> lastAssigned = new LinkedHashMap<>();
    private final Map<String, String> lastSource = new HashMap<>();

    StepLowering(Analysis analysis, Map<String, Integer> hyperSlots, Map<String, Integer> stateSlots,
                 List<StateVar> states) {
        this.b = new SplitBuilder(states);
        this.states = states;
        this.analysis = analysis;
        this.hyperSlots = hyperSlots;
        this.stateSlots = stateSlots;
        this.expr = new ExprLowering(b, this::read);
    }

    void statements(List<Stmt> list) {
        for (Stmt s : list) {
            if (s instanceof Stmt.Assign a) {
                assign(a);
            } else if (s instanceof Stmt.If f) {
                ifConvert(f);
            }
        }
    }

    private void assign(Stmt.Assign a) {
        Ref value = expr.lower(a.value());
        Expr written = a.value();
        if (a.op().binary() != null) {
            value = expr.binary(a.op().binary(), read(a.target()), value);
            written = new Expr.Binary(a.op().binary(), new Expr.Name(a.target(), a.span()), a.value(), a.span());
        }
        env.put(a.target(), value);
        if (analysis.role(a.target()) == Role.STEP_SCALAR) {
            lastAssigned.put(a.target(), value);
            lastSource.put(a.target(), AstPrinter.print(written));
        }
    }

    private void ifConvert(Stmt.If f) {
        Scope<Ref> entry = env;
        List<Ref> conds = new ArrayList<>();
        List<Map<String, Ref>> assigned = new ArrayList<>();
        for (Stmt.Branch branch : f.branches()) {
            conds.add(expr.lower(branch.cond()));
            assigned.add(branch(entry, branch.body()));
        }
        Map<String, Ref> merged = branch(entry, f.otherwise());
        for (int k = conds.size() - 1; k >= 0; k--) {
            Map<String, Ref> then = assigned.get(k);
            Set<String> names = new HashSet<>(then.keySet());
            names.addAll(merged.keySet());
            Map<String, Ref> next = new HashMap<>();
            for (String name : names) {
                Ref ifTrue = then.containsKey(name) ? then.get(name) : before(name);
                Ref ifFalse = merged.containsKey(name) ? merged.get(name) : before(name);
                if (ifTrue != null && ifFalse != null) { // else a temporary of one path, never read after
                    next.put(name, b.select(conds.get(k), ifTrue, ifFalse));
                }
            }
            merged = next;
        }
        merged.forEach(entry::put);
    }

    private Map<String, Ref> branch(Scope<Ref> entry, List<Stmt> body) {
        env = entry.child();
        statements(body);
        Map<String, Ref> out = env.local();
        env = entry;
        return out;
    }

    /** A name's value before an {@code if}, or null for a temporary not yet assigned. */
    private Ref before(String name) {
        Ref v = env.get(name);
        if (v != null) {
            return v;
        }
        Role r = analysis.role(name);
        return r == Role.WEIGHT || r == Role.GRADIENT || r == Role.STATE ? read(name) : null;
    }

    Ref read(String name) {
        Role role = analysis.role(name) == null ? Role.builtin(name) : analysis.role(name); // w of a transform
        if (role == Role.HYPER) {
            return b.preludeLeaf(Op.HYPER, hyperSlots.get(name));
        }
        if (role == Role.STEP) {
            return b.preludeLeaf(Op.STEP, -1);
        }
        if (role == Role.SHAPE) {
            return b.preludeLeaf(Op.SHAPE, SHAPE_VALUES.indexOf(name));
        }
        if (role == Role.CONSTANT) {
            return b.constant(Math.PI);
        }
        Ref v = env.get(name);
        if (v != null) {
            return v;
        }
        return switch (role) {
            case WEIGHT -> b.bodyLeaf(Op.LOAD_W, -1);
            case GRADIENT -> b.bodyLeaf(Op.LOAD_G, -1);
            case STATE -> states.get(stateSlots.get(name)).perWeight() ? b.bodyLeaf(Op.LOAD_S, stateSlots.get(name))
                    : b.preludeLeaf(Op.COARSE_STATE, stateSlots.get(name));
            default -> throw new IllegalStateException("'" + name + "' is read before it is assigned");
        };
    }

    /** The order of {@link Op#SHAPE}'s slots. */
    static final List<String> SHAPE_VALUES = List.of("rows", "cols", "size", "ndim");

    /** Stores of the final {@code w} and of every per-weight state whose value changed. */
    List<Output> outputs() {
        List<Output> out = new ArrayList<>();
        out.add(new Output(Output.Target.WEIGHT, -1, b.inBody(read("w"))));
        for (Map.Entry<String, Integer> s : stateSlots.entrySet()) {
            Ref v = env.get(s.getKey());
            if (v == null || !states.get(s.getValue()).perWeight()) {
                continue;
            }
            int i = b.inBody(v);
            Insn insn = b.body.insn(i);
            if (insn.op() != Op.LOAD_S || insn.slot() != s.getValue()) {
                out.add(new Output(Output.Target.STATE, s.getValue(), i));
            }
        }
        return out;
    }

    /** Prelude stores of every coarse state whose value changed (the analysis keeps them coarse). */
    List<Output> coarseOutputs() {
        List<Output> out = new ArrayList<>();
        for (Map.Entry<String, Integer> s : stateSlots.entrySet()) {
            Ref v = env.get(s.getKey());
            if (v == null || states.get(s.getValue()).perWeight()) {
                continue;
            }
            if (!v.uniform()) {
                throw new IllegalStateException("coarse state '" + s.getKey() + "' got a per-weight value");
            }
            Insn insn = b.prelude.insn(v.index());
            if (insn.op() != Op.COARSE_STATE || insn.slot() != s.getValue()) {
                out.add(new Output(Output.Target.STATE, s.getValue(), v.index()));
            }
        }
        return out;
    }

    /** The final value of a step scalar (its last assignment if no value reaches the end). */
    Ref stepScalar(String name) {
        Ref v = env.get(name);
        return v != null ? v : lastAssigned.get(name);
    }

    String stepScalarSource(String name) {
        return lastSource.get(name);
    }
}
