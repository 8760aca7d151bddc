package org.optjit.ir;

/**
 * A hyperparameter: supplied when an optimizer is bound, changeable between steps.
 *
 * @param name         its name in the rule
 * @param slot         its index in the hyperparameter array the prelude reads
 * @param defaultValue the declared default, or {@code null} when it must be supplied
 * @param declared     whether a {@code hyper} declaration names it (else inferred)
 */
public record Hyper(String name, int slot, Double defaultValue, boolean declared) {

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
