package org.optjit.codegen.vector;

import static org.optjit.codegen.vector.VectorApi.FLOAT_VECTOR;
import static org.optjit.codegen.vector.VectorApi.MASK;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;
import org.optjit.codegen.BodyInfo;
import org.optjit.codegen.CountedLoop;
import org.optjit.codegen.KernelClassWriter;
import org.optjit.codegen.LoopInputs;
import org.optjit.codegen.MethodEmitter;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/**
 * Emits {@code LoopKernel.run} (with {@code origin}): calls to the scalar loop for the weights before the first
 * aligned vector and after the last whole one (see {@link org.optjit.runtime.Alignment}),
 * then the loop over whole vectors.
 * The shape is exactly that of a hand-written Vector API kernel, which is what C2's vector
 * intrinsics and box elimination are tuned for:
 *
 * <pre>
 * int start = min(from + ((Alignment.PHASE - from) &amp; (lanes - 1)), to);  // aligned start
 * int upper = start + SPECIES.loopBound(to - start);        // bound, once
 * if (from &lt; start) tail(w, g, state, uniforms, from, start, origin, from);  // the SCALAR loop, first
 * if (upper &lt; to) tail(w, g, state, uniforms, upper, to, origin, from);
 * float[] s0 = state[0]; ...                                 // state arrays, once
 * float u0 = uniforms[0]; ...                                // uniforms, once (LoopInputs)
 * for (int i = start; i &lt; upper; i += SPECIES.length()) {
 *     FloatVector v0 = FloatVector.broadcast(SPECIES, u0); ...  // loop invariants C2 hoists
 *     FloatVector x = FloatVector.fromArray(SPECIES, w, i); ... // body, one local per value
 *     r.intoArray(w, i); ...                                  // stores after all loads
 * }
 * </pre>
 * where {@code SPECIES} is read from {@code FloatVector.SPECIES_PREFERRED} at each use (a
 * JDK static final, so a compile-time constant for C2; never a lane count fixed here).
 *
 * <p>Frames: the locals live across the loop's back edge are all allocated before the
 * loop ({@link CountedLoop}); the vectors and masks of the body are allocated inside it
 * and released after it, so they are in no frame.
 */
final class VectorLoopEmitter {

    private static final Type ALIGNMENT = Type.getObjectType("org/optjit/runtime/Alignment");
    private static final Type MATH = Type.getType(Math.class);
    private static final Method MIN = Method.getMethod("int min(int, int)");

    private VectorLoopEmitter() {
    }

    /** Emits the whole body of {@code run} of {@code cls}; the tail is {@link ScalarTail}. */
    static void emit(MethodEmitter m, BodyInfo info, KernelClassWriter cls) {
        Block body = info.body();
        int start = alignedStart(m);
        int upper = wholeVectorsEnd(m, start);
        callTail(m, cls, KernelClassWriter.FROM, start);
        callTail(m, cls, upper, KernelClassWriter.TO);
        LoopInputs inputs = LoopInputs.load(m, info);

        // javac's loop shape (test at the top), the one C2 is tuned to recognise as counted
        CountedLoop loop = CountedLoop.begin(m, start, upper);
        int i = loop.index();
        int[] local = body(m, info, inputs, i);
        stores(m, body, local, inputs, i, slot -> false);
        endLoop(m, loop);
        m.returnVoid();
    }

    /** Closes the loop with {@code i += SPECIES.length()}. */
    static void endLoop(MethodEmitter m, CountedLoop loop) {
        loop.end(() -> {
            VectorApi.species(m);
            m.invokeInterface(VectorApi.SPECIES, VectorApi.LENGTH);
        });
    }

    /** The loads and operations of one iteration at index local {@code i}; returns each live value's local. */
    static int[] body(MethodEmitter m, BodyInfo info, LoopInputs inputs, int i) {
        Block body = info.body();
        int[] local = new int[body.size()];
        VectorInsnEmitter insns = new VectorInsnEmitter(m, local);
        for (int k = 0; k < body.size(); k++) {
            Insn in = body.insn(k);
            if (!info.isLive(k)) {
                continue;
            }
            switch (in.op()) {
                case CONST: broadcast(m, (float) in.value()); break;
                case UNIFORM: broadcast(m, inputs.uniform(in.slot())); break;
                case UNIFORM_BOOL: maskAll(m, inputs.boolUniform(in.slot())); break;
                case LOAD_W: fromArray(m, KernelClassWriter.W, i); break;
                case LOAD_G: fromArray(m, KernelClassWriter.G, i); break;
                case LOAD_S: fromArray(m, inputs.state(in.slot()), i); break;
                case LOAD_R: fromArray(m, inputs.state(in.slot()), relative(m, i, KernelClassWriter.FROM)); break;
                case LOAD_K: fromArray(m, inputs.state(in.slot()), relative(m, i, KernelClassWriter.ORIGIN)); break;
                default: insns.emit(in);
            }
            local[k] = m.newLocal(in.op().type() == Op.Type.BOOL ? MASK : FLOAT_VECTOR);
            m.storeLocal(local[k], FLOAT_VECTOR);
        }
        return local;
    }

    /** {@code start = min(from + ((Alignment.PHASE - from) & (lanes - 1)), to)}; returns its local. */
    private static int alignedStart(MethodEmitter m) {
        m.loadLocal(KernelClassWriter.FROM, Type.INT_TYPE);
        m.getStatic(ALIGNMENT, "PHASE", Type.INT_TYPE);
        m.loadLocal(KernelClassWriter.FROM, Type.INT_TYPE);
        m.math(Opcodes.ISUB, Type.INT_TYPE);
        VectorApi.species(m);
        m.invokeInterface(VectorApi.SPECIES, VectorApi.LENGTH);
        m.push(1);
        m.math(Opcodes.ISUB, Type.INT_TYPE);
        m.math(Opcodes.IAND, Type.INT_TYPE);
        m.math(Opcodes.IADD, Type.INT_TYPE);
        m.loadLocal(KernelClassWriter.TO, Type.INT_TYPE);
        m.invokeStatic(MATH, MIN);
        int start = m.newLocal(Type.INT_TYPE);
        m.storeLocal(start, Type.INT_TYPE);
        return start;
    }

    /** {@code upper = start + SPECIES.loopBound(to - start)}; returns its local. */
    private static int wholeVectorsEnd(MethodEmitter m, int start) {
        m.loadLocal(start, Type.INT_TYPE);
        VectorApi.species(m);
        m.loadLocal(KernelClassWriter.TO, Type.INT_TYPE);
        m.loadLocal(start, Type.INT_TYPE);
        m.math(Opcodes.ISUB, Type.INT_TYPE);
        m.invokeInterface(VectorApi.SPECIES, VectorApi.LOOP_BOUND);
        m.math(Opcodes.IADD, Type.INT_TYPE);
        int upper = m.newLocal(Type.INT_TYPE);
        m.storeLocal(upper, Type.INT_TYPE);
        return upper;
    }

    /**
     * {@code r.intoArray(w or s_k, i)} for every store, after all the loads of the iteration,
     * but for the scratch arrays whose slot is {@code summed} (the caller adds those into sums).
     */
    static void stores(MethodEmitter m, Block body, int[] local, LoopInputs inputs, int i,
                       java.util.function.IntPredicate summed) {
        for (Output o : body.outputs()) {
            if (o.target() == Output.Target.EXPORT
                    || (o.target() == Output.Target.SCRATCH && summed.test(o.slot()))) {
                continue;
            }
            m.loadLocal(local[o.value()], FLOAT_VECTOR);
            m.loadLocal(o.target() == Output.Target.WEIGHT ? KernelClassWriter.W : inputs.state(o.slot()),
                    VectorApi.FLOAT_ARRAY);
            m.loadLocal(switch (o.target()) {
                case SCRATCH -> relative(m, i, KernelClassWriter.FROM);
                case KEPT -> relative(m, i, KernelClassWriter.ORIGIN);
                default -> i;
            }, Type.INT_TYPE);
            m.invokeVirtual(FLOAT_VECTOR, VectorApi.INTO_ARRAY);
        }
    }

    /**
     * {@code if (lo < hi) tail(w, g, state, uniforms, lo, hi)} for the int locals {@code lo}
     * and {@code hi}: weights outside the aligned whole vectors, done before the vector
     * loop. Each weight is independent, so the order is free; before the loop, the calls
     * leave the loop as the method's last code, with nothing live after it (with a call
     * after the loop, C2 compiled rprop's loop about 20% slower at 16M weights).
     */
    private static void callTail(MethodEmitter m, KernelClassWriter cls, int lo, int hi) {
        Label done = new Label();
        m.loadLocal(lo, Type.INT_TYPE);
        m.loadLocal(hi, Type.INT_TYPE);
        m.ifICmp(Opcodes.IF_ICMPGE, done);
        m.loadLocal(0, cls.type());
        for (int arg = KernelClassWriter.W; arg <= KernelClassWriter.UNIFORMS; arg++) {
            m.loadLocal(arg, VectorApi.FLOAT_ARRAY); // ALOAD for every reference type
        }
        m.loadLocal(lo, Type.INT_TYPE);
        m.loadLocal(hi, Type.INT_TYPE);
        m.loadLocal(KernelClassWriter.ORIGIN, Type.INT_TYPE);
        m.loadLocal(KernelClassWriter.FROM, Type.INT_TYPE);
        ScalarTail.call(m, cls);
        m.mark(done, m.localCount());
    }

    /**
     * In the loop, a leaf that does not depend on the weight: a literal or a uniform (a
     * float local loaded before the loop) broadcast to every lane. C2 hoists these loop
     * invariants out of the loop, as in a hand-written {@code v.mul(lr)}. Only scalars are
     * kept across the loop's back edge, never a vector or a mask: when C2 compiles the
     * loop on stack replacement (a long first call), live vectors would enter the compiled
     * loop boxed.
     */
    private static void broadcast(MethodEmitter m, float value) {
        VectorApi.species(m);
        m.push(value);
        m.invokeStatic(FLOAT_VECTOR, VectorApi.BROADCAST);
    }

    private static void broadcast(MethodEmitter m, int uniformLocal) {
        VectorApi.species(m);
        m.loadLocal(uniformLocal, Type.FLOAT_TYPE);
        m.invokeStatic(FLOAT_VECTOR, VectorApi.BROADCAST);
    }

    /** A uniform truth value (an int local, 1 or 0) as an all-true or all-false mask. */
    private static void maskAll(MethodEmitter m, int boolLocal) {
        VectorApi.species(m);
        m.loadLocal(boolLocal, Type.INT_TYPE);
        m.invokeInterface(VectorApi.SPECIES, VectorApi.MASK_ALL);
    }

    /**
     * A new int local holding {@code i - start}: the index into arrays that start at the call's
     * first weight ({@code start} the local {@code from}: per-column values, scratch for
     * reductions) or at the kernel's {@code origin} (kept values).
     */
    private static int relative(MethodEmitter m, int i, int start) {
        m.loadLocal(i, Type.INT_TYPE);
        m.loadLocal(start, Type.INT_TYPE);
        m.math(Opcodes.ISUB, Type.INT_TYPE);
        int r = m.newLocal(Type.INT_TYPE);
        m.storeLocal(r, Type.INT_TYPE);
        return r;
    }

    private static void fromArray(MethodEmitter m, int arrayLocal, int i) {
        VectorApi.species(m);
        m.loadLocal(arrayLocal, VectorApi.FLOAT_ARRAY);
        m.loadLocal(i, Type.INT_TYPE);
        m.invokeStatic(FLOAT_VECTOR, VectorApi.FROM_ARRAY);
    }
}
