package org.optjit.ir;

/**
 * A value during lowering: instruction {@code index} of the prelude when {@code uniform}
 * (the same for every weight: it depends only on literals, hyperparameters and t), else of
 * the body.
 */
record Ref(boolean uniform, int index) {

    static Ref uniform(int index) {
        return new Ref(true, index);
    }

    static Ref perWeight(int index) {
        return new Ref(false, index);
    }
}
