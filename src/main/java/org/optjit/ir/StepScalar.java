package org.optjit.ir;

/**
 * A named value computed once per step from hyperparameters, {@code t} and literals
 * (for example Adam's {@code 1 - b1^t}), in double precision.
 *
 * @param name    its name in the rule
 * @param source  its final defining expression as written, for {@code explain}
 * @param value   index of the prelude instruction holding its final value
 */
public record StepScalar(String name, String source, int value) {
}
