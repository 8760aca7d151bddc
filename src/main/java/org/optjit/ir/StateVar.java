package org.optjit.ir;

/**
 * A per-weight state array, kept across steps.
 *
 * @param name        its name in the rule
 * @param slot        its index among the state arrays
 * @param initSource  the initial value as written ({@code "0"} when not declared)
 * @param declared    whether a {@code state} declaration names it (else inferred)
 */
public record StateVar(String name, int slot, String initSource, boolean declared) {
}
