package org.optjit.codegen;

import org.optjit.RuleException;

/**
 * The JVM's limit on one method: at most 65,535 bytes of bytecode (JVMS 4.7.3,
 * {@code code_length < 65536}). A rule whose per-weight body does not fit is reported to
 * the user in a plain sentence, never as ASM's {@code MethodTooLargeException} or a
 * {@code VerifyError}.
 */
public final class MethodLimit {

    /** The largest {@code code_length} of a method. */
    public static final int MAX_CODE_BYTES = 65_535;

    private MethodLimit() {
    }

    /**
     * Fails early when a body of {@code operations} live operations cannot fit whatever the
     * emitter does: every live operation costs at least one byte. (Checking before emitting
     * keeps a hostile 100,000-line rule from costing a full emission first.)
     */
    public static void requireFits(String ruleName, String backend, int operations) {
        if (operations > MAX_CODE_BYTES) {
            throw tooLarge(ruleName, backend, operations);
        }
    }

    /** The error for a body that does not fit in one method. */
    public static RuleException tooLarge(String ruleName, String backend, int operations) {
        return new RuleException("rule '" + ruleName + "' is too large to compile for the " + backend
                + " backend: its per-weight body has " + operations + " operations; the JVM limits one method"
                + " to 64 KiB of bytecode; the INTERPRETER backend can run it");
    }
}
