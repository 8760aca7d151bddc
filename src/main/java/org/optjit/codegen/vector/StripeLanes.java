package org.optjit.codegen.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;

/**
 * The vector sizes a striped kernel ({@link StripedLoopEmitter}) is generated for, read when
 * one is generated (the Vector API module is then present, as for every VECTOR kernel).
 */
final class StripeLanes {

    /** Floats per vector of the kernels' species. */
    static final int FLOATS = FloatVector.SPECIES_PREFERRED.length();

    /**
     * Whether 16 stripes fit whole vectors: 16 or 8 floats a vector, and the preferred double
     * species of the same size, so that a float vector widens into two double vectors.
     */
    static final boolean USABLE = (FLOATS == 16 || FLOATS == 8)
            && DoubleVector.SPECIES_PREFERRED.vectorShape() == VectorShape.forBitSize(
                    FloatVector.SPECIES_PREFERRED.vectorBitSize());

    private StripeLanes() {
    }
}
