package org.optjit.search.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The canonical IRs and behavioural fingerprints seen so far. */
public final class Dedup {

    private final Set<Long> irs = new HashSet<>();
    private final Set<Long> behaviours = new HashSet<>();

    /** Records a checked rule; the rejection if either key was seen before, else null. */
    public Rejection admit(long ir, long behaviour) {
        if (irs.contains(ir)) {
            return Rejection.DUPLICATE_IR;
        }
        irs.add(ir);
        if (!behaviours.add(behaviour)) {
            return Rejection.DUPLICATE_BEHAVIOUR;
        }
        return null;
    }

    /** Sorted keys, for the saved search state. */
    public List<Long> irKeys() {
        return irs.stream().sorted().toList();
    }

    public List<Long> behaviourKeys() {
        return behaviours.stream().sorted().toList();
    }

    public static Dedup of(List<Long> irKeys, List<Long> behaviourKeys) {
        Dedup d = new Dedup();
        d.irs.addAll(irKeys);
        d.behaviours.addAll(behaviourKeys);
        return d;
    }
}
