package org.optjit.sema;

import java.util.HashMap;
import java.util.Map;

/**
 * A map from names to facts with an overlay per branch: a branch of an {@code if} writes
 * into its own child scope and reads through to its parent, and the merge after the
 * {@code if} looks only at what the branches wrote. This keeps the analysis and the
 * lowering linear in the size of a rule instead of copying every fact at every branch.
 *
 * @param <V> the fact kept per name (never null)
 */
public final class Scope<V> {

    private final Scope<V> parent;
    private final Map<String, V> local = new HashMap<>();

    public Scope() {
        this(null);
    }

    private Scope(Scope<V> parent) {
        this.parent = parent;
    }

    public Scope<V> child() {
        return new Scope<>(this);
    }

    /** The innermost fact for {@code name}, or null. */
    public V get(String name) {
        for (Scope<V> s = this; s != null; s = s.parent) {
            V v = s.local.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    public void put(String name, V value) {
        local.put(name, value);
    }

    /** What was written into this scope itself (not its parents). */
    public Map<String, V> local() {
        return local;
    }
}
