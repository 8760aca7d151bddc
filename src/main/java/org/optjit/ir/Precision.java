package org.optjit.ir;

/** The arithmetic of a block: the prelude's double or the body's float32. */
enum Precision {
    DOUBLE, FLOAT;

    /** A value as this precision holds it. */
    double round(double v) {
        return this == FLOAT ? (double) (float) v : v;
    }
}
