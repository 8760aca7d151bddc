package org.optjit.sema;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optjit.ast.Expr;
import org.optjit.ast.Reads;
import org.optjit.ast.Stmt;

/**
 * Finds the assigned names that may be read before they are assigned on some path: those
 * are per-weight state (their value must come from the previous step). A forward pass of
 * definite assignment over the structured control flow: a name is definitely assigned
 * after an {@code if} when every branch (including a missing {@code else}) assigns it.
 * Rules have no loops, so one pass is exact.
 */
final class StateInference {

    private final Set<String> candidates;
    private final Set<String> states = new HashSet<>();

    /** @param candidates the assigned names that could be state (not built in, not hyper) */
    private StateInference(Set<String> candidates) {
        this.candidates = candidates;
    }

    static Set<String> states(List<Stmt> statements, Set<String> candidates) {
        StateInference s = new StateInference(candidates);
        s.walk(statements, new Scope<>());
        return s.states;
    }

    private void walk(List<Stmt> statements, Scope<Boolean> assigned) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Assign a) {
                reads(a.value(), assigned);
                if (a.op().binary() != null) {
                    read(a.target(), assigned);
                }
                assigned.put(a.target(), Boolean.TRUE);
            } else if (s instanceof Stmt.If f) {
                branches(f, assigned);
            }
        }
    }

    private void branches(Stmt.If f, Scope<Boolean> assigned) {
        Set<String> inAll = null;
        for (Stmt.Branch b : f.branches()) {
            reads(b.cond(), assigned);
            inAll = intersect(inAll, branch(b.body(), assigned));
        }
        inAll = intersect(inAll, branch(f.otherwise(), assigned));
        for (String name : inAll) {
            assigned.put(name, Boolean.TRUE);
        }
    }

    private Map<String, Boolean> branch(List<Stmt> body, Scope<Boolean> assigned) {
        Scope<Boolean> inner = assigned.child();
        walk(body, inner);
        return inner.local();
    }

    private static Set<String> intersect(Set<String> sofar, Map<String, Boolean> branch) {
        if (sofar == null) {
            return new HashSet<>(branch.keySet());
        }
        sofar.retainAll(branch.keySet());
        return sofar;
    }

    private void reads(Expr e, Scope<Boolean> assigned) {
        Reads.forEach(e, n -> read(n.name(), assigned));
    }

    private void read(String name, Scope<Boolean> assigned) {
        if (candidates.contains(name) && assigned.get(name) == null) {
            states.add(name);
        }
    }
}
