package org.optjit.codegen.vector;

import static org.optjit.codegen.vector.VectorApi.FLOAT_VECTOR;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;
import org.optjit.codegen.BodyInfo;
import org.optjit.codegen.CountedLoop;
import org.optjit.codegen.KernelClassWriter;
import org.optjit.codegen.LoopInputs;
import org.optjit.codegen.MethodEmitter;
import org.optjit.ir.Output;

/**
 * Emits {@code StripedKernel.runStriped}: the vector loop of {@link VectorLoopEmitter} over
 * {@code [from, to)} (a multiple of 16 weights, so no scalar ends), in which the values stored
 * into the scratch arrays of the striped reductions are instead widened to double and added
 * to sixteen running sums per reduction, held in double vectors across the loop, as a
 * hand-written kernel keeps its norms in registers (VectorLamb). Lane {@code l} of the sums
 * takes the values at {@code from + l}, {@code from + l + 16}, ... in that order, which is
 * how a stripe of the defined order accumulates (docs/language.md); the runtime hands the
 * stripes in and out rotated so that lane 0 is the stripe of {@code from}. So the sums are
 * those of the scratch path bit for bit, without a store and a second read per value.
 *
 * <p>With 16 floats a vector, each iteration widens a value into two vectors of eight
 * doubles: lanes 0-7 and 8-15. With 8 floats, the two vectors of four doubles of one
 * iteration are lanes 0-7 and those of the next 8-15: the loop adds into the first pair and
 * swaps the pairs, an even number of times in all.
 */
final class StripedLoopEmitter {

    static final String NAME = "runStriped";
    static final String DESCRIPTOR = "([F[F[[F[FIII[D)V";
    /** The local of {@code double[] lanes}, after {@code origin} ({@link KernelClassWriter#ORIGIN}). */
    private static final int LANES = 8;

    private static final Type DOUBLE_VECTOR = Type.getObjectType("jdk/incubator/vector/DoubleVector");
    private static final Type DOUBLE_ARRAY = Type.getType(double[].class);
    private static final Type CONVERSION = Type.getObjectType("jdk/incubator/vector/VectorOperators$Conversion");
    private static final Method FROM_ARRAY = new Method("fromArray", DOUBLE_VECTOR,
            new Type[] {VectorApi.SPECIES, DOUBLE_ARRAY, Type.INT_TYPE});
    private static final Method INTO_ARRAY = new Method("intoArray", Type.VOID_TYPE,
            new Type[] {DOUBLE_ARRAY, Type.INT_TYPE});
    private static final Method CONVERT_SHAPE = new Method("convertShape", VectorApi.VECTOR,
            new Type[] {CONVERSION, VectorApi.SPECIES, Type.INT_TYPE});
    private static final Type UPPER_HALF = Type.getObjectType("org/optjit/runtime/UpperHalf");
    private static final Type SHUFFLE = Type.getObjectType("jdk/incubator/vector/VectorShuffle");
    private static final Method REARRANGE = new Method("rearrange", FLOAT_VECTOR, new Type[] {SHUFFLE});
    private static final Method ADD = new Method("add", DOUBLE_VECTOR, new Type[] {VectorApi.VECTOR});
    private static final Method FMA = new Method("fma", DOUBLE_VECTOR, new Type[] {VectorApi.VECTOR, VectorApi.VECTOR});

    private StripedLoopEmitter() {
    }

    /** Whether this JVM's vectors take the striped loop ({@link StripeLanes#USABLE}). */
    static boolean usable() {
        return StripeLanes.USABLE;
    }

    /**
     * Adds {@code runStriped} to {@code cls}.
     *
     * @param slots   the kernel array slot of each striped reduction's scratch array, in lane order
     * @param squares for each, whether it sums squares
     */
    static void emitInto(KernelClassWriter cls, BodyInfo info, int[] slots, boolean[] squares) {
        MethodEmitter m = cls.beginMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL,
                NAME, DESCRIPTOR, null, KernelClassWriter.FLOAT_ARRAY, KernelClassWriter.FLOAT_ARRAY,
                KernelClassWriter.FLOAT_ARRAY_2D, KernelClassWriter.FLOAT_ARRAY, Type.INT_TYPE, Type.INT_TYPE,
                Type.INT_TYPE, DOUBLE_ARRAY);
        int floats = StripeLanes.FLOATS;
        int pairs = 16 / floats;        // iterations per 16 weights
        int doubles = floats / 2;       // lanes of a double vector
        LoopInputs inputs = LoopInputs.load(m, info);
        // acc[k][p][part]: lanes 16k + p*floats + part*doubles ..., live across the loop
        int[][][] acc = new int[slots.length][pairs][2];
        for (int k = 0; k < slots.length; k++) {
            for (int p = 0; p < pairs; p++) {
                for (int part = 0; part < 2; part++) {
                    doubleSpecies(m);
                    m.loadLocal(LANES, DOUBLE_ARRAY);
                    m.push(16 * k + p * floats + part * doubles);
                    m.invokeStatic(DOUBLE_VECTOR, FROM_ARRAY);
                    acc[k][p][part] = m.newLocal(DOUBLE_VECTOR);
                    m.storeLocal(acc[k][p][part], DOUBLE_VECTOR);
                }
            }
        }
        CountedLoop loop = CountedLoop.begin(m, KernelClassWriter.FROM, KernelClassWriter.TO);
        int i = loop.index();
        int[] local = VectorLoopEmitter.body(m, info, inputs, i);
        VectorLoopEmitter.stores(m, info.body(), local, inputs, i, slot -> indexOf(slots, slot) >= 0);
        for (Output o : info.body().outputs()) {
            int k = o.target() == Output.Target.SCRATCH ? indexOf(slots, o.slot()) : -1;
            if (k < 0) {
                continue;
            }
            for (int part = 0; part < 2; part++) {
                if (!squares[k]) {
                    m.loadLocal(acc[k][0][part], DOUBLE_VECTOR);
                }
                m.loadLocal(local[o.value()], FLOAT_VECTOR);
                if (part == 1) {
                    // the upper half moved down by a constant shuffle, then widened as a lower
                    // half: cheaper than convertShape(F2D, D, 1) on JDK 17 (see UpperHalf)
                    m.getStatic(UPPER_HALF, "SHUFFLE", SHUFFLE);
                    m.invokeVirtual(FLOAT_VECTOR, REARRANGE);
                }
                m.getStatic(VectorApi.OPERATORS, "F2D", CONVERSION);
                doubleSpecies(m);
                m.push(0);
                m.invokeVirtual(FLOAT_VECTOR, CONVERT_SHAPE);
                m.checkCast(DOUBLE_VECTOR);
                if (squares[k]) {
                    // d*d + acc in one fused operation: a float's square is exact in double, so
                    // rounding the sum once is what (double) x * x added to acc gives
                    m.insn(Opcodes.DUP);
                    m.loadLocal(acc[k][0][part], DOUBLE_VECTOR);
                    m.invokeVirtual(DOUBLE_VECTOR, FMA);
                } else {
                    m.invokeVirtual(DOUBLE_VECTOR, ADD);
                }
                m.storeLocal(acc[k][0][part], DOUBLE_VECTOR);
            }
        }
        if (pairs == 2) {
            // the next iteration's 8 weights are lanes 8-15: swap the pairs
            for (int k = 0; k < slots.length; k++) {
                for (int part = 0; part < 2; part++) {
                    m.loadLocal(acc[k][0][part], DOUBLE_VECTOR);
                    m.loadLocal(acc[k][1][part], DOUBLE_VECTOR);
                    m.storeLocal(acc[k][0][part], DOUBLE_VECTOR);
                    m.storeLocal(acc[k][1][part], DOUBLE_VECTOR);
                }
            }
        }
        VectorLoopEmitter.endLoop(m, loop);
        for (int k = 0; k < slots.length; k++) {
            for (int p = 0; p < pairs; p++) {
                for (int part = 0; part < 2; part++) {
                    m.loadLocal(acc[k][p][part], DOUBLE_VECTOR);
                    m.loadLocal(LANES, DOUBLE_ARRAY);
                    m.push(16 * k + p * floats + part * doubles);
                    m.invokeVirtual(DOUBLE_VECTOR, INTO_ARRAY);
                }
            }
        }
        m.returnVoid();
        cls.endMethod(m);
    }

    private static void doubleSpecies(MethodEmitter m) {
        m.getStatic(DOUBLE_VECTOR, "SPECIES_PREFERRED", VectorApi.SPECIES);
    }

    private static int indexOf(int[] slots, int slot) {
        for (int k = 0; k < slots.length; k++) {
            if (slots[k] == slot) {
                return k;
            }
        }
        return -1;
    }
}
