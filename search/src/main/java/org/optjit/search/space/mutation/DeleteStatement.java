package org.optjit.search.space.mutation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.optjit.ast.Reads;
import org.optjit.ast.Stmt;

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
        // who assigns and who reads each name, counted once per statement
        List<Set<String>> reads = new ArrayList<>(rule.size());
        Map<String, Integer> assigners = new HashMap<>();
        Map<String, Integer> readers = new HashMap<>();
        for (Stmt s : rule) {
            Set<String> names = new HashSet<>();
            readNames(s, names);
            reads.add(names);
            names.forEach(n -> readers.merge(n, 1, Integer::sum));
            if (s instanceof Stmt.Assign a) {
                assigners.merge(a.target(), 1, Integer::sum);
            }
        }
        List<Integer> deletable = new ArrayList<>();
        for (int i = 0; i < rule.size(); i++) {
            Stmt removed = rule.get(i);
            if (removed instanceof Stmt.StateDecl) {
                // the state's class is inferred again from what is assigned to it
                deletable.add(i);
                continue;
            }
            if (!(removed instanceof Stmt.Assign a)) {
                continue;
            }
            boolean stillAssigned = assigners.get(a.target()) > 1;
            boolean readElsewhere = readers.getOrDefault(a.target(), 0) - (reads.get(i).contains(a.target()) ? 1 : 0) > 0;
            if (a.target().equals("w") ? stillAssigned : stillAssigned || !readElsewhere) {
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

    /** The names a statement reads: in its values and conditions, nested bodies included. */
    private static void readNames(Stmt s, Set<String> into) {
        if (s instanceof Stmt.Assign a) {
            Reads.forEach(a.value(), n -> into.add(n.name()));
        } else if (s instanceof Stmt.If f) {
            for (Stmt.Branch b : f.branches()) {
                Reads.forEach(b.cond(), n -> into.add(n.name()));
                b.body().forEach(x -> readNames(x, into));
            }
            f.otherwise().forEach(x -> readNames(x, into));
        }
    }
}
