package org.optjit.sema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optjit.ast.Expr;
import org.optjit.ast.Reads;
import org.optjit.ast.Stmt;

/**
 * Separates step scalars from temporaries. A name is a step scalar when every assignment
 * to it gives a value that depends only on hyperparameters, {@code t} and literals, and
 * happens under conditions that do too: an assignment under a per-weight condition makes
 * a per-weight value (Adam's {@code 1 - b1^t} is a step scalar; {@code x = lr} inside
 * {@code if g > 0} is not). A forward pass tracks, per name, whether its current value is
 * uniform (the same for every weight).
 */
final class StepScalars {

    private final Map<String, Role> roles;
    private final Set<String> perWeight = new HashSet<>();

    /** @param roles the roles known so far; assigned non-state names are not in it yet */
    private StepScalars(Map<String, Role> roles) {
        this.roles = roles;
    }

    /** The assigned names that are not step scalars. */
    static Set<String> perWeight(List<Stmt> statements, Map<String, Role> roles) {
        StepScalars s = new StepScalars(roles);
        s.walk(statements, new Scope<>(), true);
        return s.perWeight;
    }

    private void walk(List<Stmt> statements, Scope<Boolean> uniform, boolean control) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Assign a) {
                boolean u = control && uniform(a.value(), uniform)
                        && (a.op().binary() == null || uniform(a.target(), uniform));
                if (!u) {
                    perWeight.add(a.target());
                }
                uniform.put(a.target(), u);
            } else if (s instanceof Stmt.If f) {
                branches(f, uniform, control);
            }
        }
    }

    private void branches(Stmt.If f, Scope<Boolean> uniform, boolean control) {
        Map<String, Boolean> merged = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        boolean c = control;
        for (Stmt.Branch b : f.branches()) {
            c = c && uniform(b.cond(), uniform);
            merge(merged, count, branch(b.body(), uniform, c));
        }
        merge(merged, count, branch(f.otherwise(), uniform, c));
        int paths = f.branches().size() + 1;
        merged.forEach((name, u) -> {
            // A path that does not assign the name keeps the value from before the if.
            Boolean before = uniform.get(name);
            boolean keptUniform = count.get(name) == paths || before == null || before;
            uniform.put(name, u && keptUniform);
        });
    }

    private Map<String, Boolean> branch(List<Stmt> body, Scope<Boolean> uniform, boolean control) {
        Scope<Boolean> inner = uniform.child();
        walk(body, inner, control);
        return inner.local();
    }

    private static void merge(Map<String, Boolean> into, Map<String, Integer> count, Map<String, Boolean> branch) {
        branch.forEach((name, u) -> {
            into.merge(name, u, Boolean::logicalAnd);
            count.merge(name, 1, Integer::sum);
        });
    }

    private boolean uniform(Expr e, Scope<Boolean> uniform) {
        boolean[] all = {true};
        Reads.forEach(e, n -> all[0] &= uniform(n.name(), uniform));
        return all[0];
    }

    private boolean uniform(String name, Scope<Boolean> uniform) {
        Role r = roles.get(name);
        if (r == Role.HYPER || r == Role.STEP || r == Role.CONSTANT) {
            return true;
        }
        if (r == Role.STATE) {
            return false;
        }
        Boolean u = uniform.get(name); // w and g are per weight until assigned otherwise
        return u != null && u;
    }
}
