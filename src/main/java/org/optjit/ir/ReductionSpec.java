package org.optjit.ir;

import org.optjit.sema.Axis;
import org.optjit.sema.Reduction;
import org.optjit.sema.Shape;

/**
 * One reduction of a program: what it computes and of what. Its result is the prelude
 * instruction {@link Op#REDUCE} (a per-weight argument) or {@link Op#REDUCE_OF} (a coarse one)
 * with this reduction's slot.
 *
 * @param kind     sum, mean, norm, rms, max or min
 * @param axis     the scope it reduces along
 * @param argShape the class of the reduced value
 * @param shape    the class of the result ({@code axis.reduce(argShape)})
 * @param arg      the body instruction reduced when {@code argShape} is per weight, else -1
 */
public record ReductionSpec(Reduction kind, Axis axis, Shape argShape, Shape shape, int arg) {

    /** Whether the reduced values are per weight (accumulated by a pass over the weights). */
    public boolean perWeight() {
        return argShape == Shape.WEIGHT;
    }

    /** This reduction with its per-weight argument at another body index. */
    ReductionSpec withArg(int newArg) {
        return new ReductionSpec(kind, axis, argShape, shape, newArg);
    }

    /** "norm[all] of a per-weight value", for listings. */
    public String describe() {
        return kind.spelling() + "[" + axis.spelling() + "] of a " + argShape.describe() + " value";
    }
}
