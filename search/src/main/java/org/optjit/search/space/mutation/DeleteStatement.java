package org.optjit.search.space.mutation;

import java.util.ArrayList;
import java.util.List;
import org.optjit.ast.Reads;
import org.optjit.ast.Stmt;
import org.optjit.search.space.ExprSites;

/**
 * Deletes a statement whose loss leaves every read defined: one whose target is assigned
 * elsewhere too, or read nowhere else (a read of a name no longer assigned would make it a
 * hyperparameter without a value), or a state's declaration. The last update of {@code w} is
 * never deleted.
 */
public final class DeleteStatement implements Mutation {

    @Override
    public String name() {
        return "delete-statement";
    }

    @Override
    public List<Stmt> apply(List<Stmt> rule, MutationContext c) {
        List<Integer> deletable = new ArrayList<>();
        for (int i = 0; i < rule.size(); i++) {
            List<Stmt> rest = new ArrayList<>(rule);
            Stmt removed = rest.remove(i);
            if (removed instanceof Stmt.StateDecl) {
                // the state's class is inferred again from what is assigned to it
                deletable.add(i);
                continue;
            }
            if (!(removed instanceof Stmt.Assign a)) {
                continue;
            }
            boolean stillAssigned = rest.stream().anyMatch(s -> s instanceof Stmt.Assign x && x.target().equals(a.target()));
            if (a.target().equals("w") ? stillAssigned : stillAssigned || !reads(rest, a.target())) {
                deletable.add(i);
            }
        }
        if (deletable.isEmpty()) {
            return null;
        }
        List<Stmt> out = new ArrayList<>(rule);
        out.remove((int) c.pick(deletable));
        return out;
    }

    private static boolean reads(List<Stmt> rule, String name) {
        boolean[] found = {false};
        for (var e : ExprSites.list(rule)) {
            Reads.forEach(e, n -> found[0] |= n.name().equals(name));
        }
        return found[0];
    }
}
