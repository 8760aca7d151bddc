package org.optjit.search.report;

import java.util.ArrayList;
import java.util.List;
import org.optjit.search.evolve.Member;

/** The best distinct rules of a search, best first ({@link Member#BEST_FIRST}), failures left out. */
public final class Finalists {

    private Finalists() {
    }

    public static List<Member> of(List<Member> evaluated, int count) {
        List<Member> sorted = new ArrayList<>(evaluated);
        sorted.sort(Member.BEST_FIRST);
        List<Member> out = new ArrayList<>();
        for (Member m : sorted) {
            if (out.size() == count) {
                break;
            }
            if (!m.score().failedToRun()) {
                out.add(m);
            }
        }
        return out;
    }
}
