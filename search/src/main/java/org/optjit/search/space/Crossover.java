package org.optjit.search.space;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.optjit.ast.Stmt;

/**
 * Crossover of two parents in canonical form (where {@code s0} is each one's first state):
 * the first parent with one of its statements replaced by a statement of the second that
 * assigns the same name, or with a statement of the second inserted when none does.
 */
public final class Crossover {

    private Crossover() {
    }

    public static List<Stmt> of(List<Stmt> a, List<Stmt> b, RandomGenerator rng) {
        if (b.isEmpty()) {
            return a;
        }
        Stmt donor = b.get(rng.nextInt(b.size()));
        List<Integer> same = new ArrayList<>();
        if (donor instanceof Stmt.Assign d) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) instanceof Stmt.Assign x && x.target().equals(d.target())) {
                    same.add(i);
                }
            }
        }
        List<Stmt> out = new ArrayList<>(a);
        if (same.isEmpty()) {
            out.add(rng.nextInt(a.size() + 1), donor);
        } else {
            out.set(same.get(rng.nextInt(same.size())), donor);
        }
        return out;
    }
}
