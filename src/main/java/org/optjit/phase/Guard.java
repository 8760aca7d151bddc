package org.optjit.phase;

import java.util.Arrays;

/**
 * When a reduction or an {@code orth} is needed: every listed prelude truth value (per step or
 * per tensor) must be true, or false where {@code negated}. The empty guard is "always". A
 * tensor for which the guard fails takes the other branch of a uniform condition, so the
 * runtime skips the work for it ({@link Guards}).
 *
 * @param insns   prelude instructions, each a truth value per step or per tensor
 * @param negated for each, whether the branch needs it false
 */
public record Guard(int[] insns, boolean[] negated) {

    public static final Guard ALWAYS = new Guard(new int[0], new boolean[0]);

    public Guard {
        insns = insns.clone();
        negated = negated.clone();
    }

    public boolean always() {
        return insns.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Guard g && Arrays.equals(insns, g.insns) && Arrays.equals(negated, g.negated);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(insns) + Arrays.hashCode(negated);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < insns.length; k++) {
            sb.append(k == 0 ? "" : " && ").append(negated[k] ? "!$" : "$").append(insns[k]);
        }
        return always() ? "always" : sb.toString();
    }
}
