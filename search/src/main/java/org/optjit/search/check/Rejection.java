package org.optjit.search.check;

/** Why a child was dropped before evaluation; each is counted. */
public enum Rejection {
    /** The front end refused it (a syntax or semantic error: RuleException). */
    INVALID,
    /**
     * The core threw something other than a RuleException while compiling or running it
     * (a limitation or bug of the core, e.g. a function this build lacks): counted, so that
     * it shows, and dropped.
     */
    COMPILER_ERROR,
    /** Longer than {@link Checker#MAX_CHARS} characters or {@link Checker#MAX_STATEMENTS} statements. */
    TOO_LARGE,
    /** It never changes {@code w} (no assignment to it, or one that the compiler folds away). */
    NO_UPDATE,
    /** Non-finite weights on the fingerprint's inputs already. */
    NOT_FINITE,
    /** The same text as a rule seen before (caught before parsing). */
    DUPLICATE_SOURCE,
    /** The same canonical IR as a rule seen before (caught before compiling). */
    DUPLICATE_IR,
    /** The same outputs on the fingerprint's inputs as a rule seen before. */
    DUPLICATE_BEHAVIOUR;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
