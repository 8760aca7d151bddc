package org.optjit.search.check;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The texts, canonical IRs and behavioural fingerprints seen so far. The checker asks in
 * that order, each as soon as it is known, so that a repeat costs as little work as possible:
 * a repeated text is not parsed, a repeated IR not compiled.
 */
public final class Dedup {

    private final Set<Long> sources = new HashSet<>();
    private final Set<Long> irs = new HashSet<>();
    private final Set<Long> behaviours = new HashSet<>();

    /** Whether the text is new (and records it). */
    public boolean newSource(long source) {
        return sources.add(source);
    }

    /** Whether the IR is new (and records it). */
    public boolean newIr(long ir) {
        return irs.add(ir);
    }

    /** Whether the behaviour has been recorded. */
    public boolean knowsBehaviour(long behaviour) {
        return behaviours.contains(behaviour);
    }

    /** Whether the behaviour is new (and records it). */
    public boolean newBehaviour(long behaviour) {
        return behaviours.add(behaviour);
    }

    public List<Long> sourceKeys() {
        return sources.stream().sorted().toList();
    }

    /** Sorted keys, for the saved search state. */
    public List<Long> irKeys() {
        return irs.stream().sorted().toList();
    }

    public List<Long> behaviourKeys() {
        return behaviours.stream().sorted().toList();
    }

    public static Dedup of(List<Long> sourceKeys, List<Long> irKeys, List<Long> behaviourKeys) {
        Dedup d = new Dedup();
        d.sources.addAll(sourceKeys);
        d.irs.addAll(irKeys);
        d.behaviours.addAll(behaviourKeys);
        return d;
    }
}
