package org.optjit.ir;

import org.optjit.sema.Shape;

/**
 * A state array, kept across steps: one value per weight, or per tensor, row, column or
 * group ({@link #shape()}).
 *
 * @param name        its name in the rule
 * @param slot        its index among the state arrays
 * @param initSource  the initial value as written ({@code "0"} when not declared)
 * @param declared    whether a {@code state} declaration names it (else inferred)
 * @param shape       its shape class
 */
public record StateVar(String name, int slot, String initSource, boolean declared, Shape shape) {

    public StateVar(String name, int slot, String initSource, boolean declared) {
        this(name, slot, initSource, declared, Shape.WEIGHT);
    }

    /** Whether it holds one value per weight. */
    public boolean perWeight() {
        return shape == Shape.WEIGHT;
    }
}
