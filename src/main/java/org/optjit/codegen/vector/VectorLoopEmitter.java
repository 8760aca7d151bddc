package org.optjit.codegen.vector;

import static org.optjit.codegen.vector.VectorApi.FLOAT_VECTOR;
import static org.optjit.codegen.vector.VectorApi.MASK;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.objectweb.asm.commons.Method;
import org.optjit.codegen.BodyInfo;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/**
 * Emits {@code LoopKernel.run}: calls to the scalar loop for the weights before the first
 * aligned vector and after the last whole one (see {@link Alignment}), then the loop over
 * whole vectors.
 * The shape is exactly that of a hand-written Vector API kernel, which is what C2's vector
 * intrinsics and box elimination are tuned for:
 *
 * <pre>
 * int start = min(from + ((Alignment.PHASE - from) &amp; (lanes - 1)), to);  // aligned start
 * int upper = start + SPECIES.loopBound(to - start);        // bound, once
 * if (from &lt; start) tail(w, g, state, uniforms, from, start);  // the SCALAR loop, first
 * if (upper &lt; to) tail(w, g, state, uniforms, upper, to);
 * float[] s0 = state[0]; ...                                 // state arrays, once
 * float u0 = uniforms[0]; ...                                // uniforms, once
 * for (int i = start; i &lt; upper; i += SPECIES.length()) {
 *     FloatVector v0 = FloatVector.broadcast(SPECIES, u0); ...  // loop invariants C2 hoists
 *     FloatVector x = FloatVector.fromArray(SPECIES, w, i); ... // body, one local per value
 *     r.intoArray(w, i); ...                                  // stores after all loads
 * }
 * </pre>
 * where {@code SPECIES} is read from {@code FloatVector.SPECIES_PREFERRED} at each use (a
 * JDK static final, so a compile-time constant for C2; never a lane count fixed here).
 */
final class VectorLoopEmitter {

    private static final Type ALIGNMENT = Type.getObjectType("org/optjit/codegen/vector/Alignment");

    private VectorLoopEmitter() {
    }

    /** Emits the whole body of {@code run}; the tail is {@link ScalarTail#TAIL} of {@code owner}. */
    static void emit(GeneratorAdapter ga, BodyInfo info, Type owner) {
        Block body = info.body();
        int start = alignedStart(ga);
        int upper = wholeVectorsEnd(ga, start);
        callTail(ga, owner, () -> ga.loadArg(4), () -> ga.loadLocal(start));
        callTail(ga, owner, () -> ga.loadLocal(upper), () -> ga.loadArg(5));
        int[] states = VectorCompiler.loadStateArrays(ga, body);
        int[] local = new int[body.size()];
        int[] scalar = new int[body.size()];
        for (int k = 0; k < body.size(); k++) {
            if (info.isLive(k)) {
                local[k] = ga.newLocal(body.insn(k).op().type() == Op.Type.BOOL ? MASK : FLOAT_VECTOR);
                scalar[k] = loadUniform(ga, body.insn(k));
            }
        }
        int i = ga.newLocal(Type.INT_TYPE);
        ga.loadLocal(start);
        ga.storeLocal(i);

        // javac's loop shape (test at the top), the one C2 is tuned to recognise as counted
        Label top = new Label();
        Label exit = new Label();
        ga.mark(top);
        ga.loadLocal(i);
        ga.loadLocal(upper);
        ga.ifICmp(GeneratorAdapter.GE, exit);
        VectorInsnEmitter insns = new VectorInsnEmitter(ga, local);
        for (int k = 0; k < body.size(); k++) {
            Insn in = body.insn(k);
            if (!info.isLive(k)) {
                continue;
            }
            switch (in.op()) {
                case CONST: case UNIFORM: case UNIFORM_BOOL: broadcast(ga, in, scalar[k]); break;
                case LOAD_W: fromArray(ga, () -> ga.loadArg(0), i); break;
                case LOAD_G: fromArray(ga, () -> ga.loadArg(1), i); break;
                case LOAD_S: fromArray(ga, () -> ga.loadLocal(states[in.slot()]), i); break;
                default: insns.emit(in);
            }
            ga.storeLocal(local[k]);
        }
        stores(ga, body, local, states, i);
        ga.loadLocal(i);
        VectorApi.species(ga);
        ga.invokeInterface(VectorApi.SPECIES, VectorApi.LENGTH);
        ga.math(GeneratorAdapter.ADD, Type.INT_TYPE);
        ga.storeLocal(i);
        ga.goTo(top);
        ga.mark(exit);

        ga.returnValue();
    }

    /** {@code start = min(from + ((Alignment.PHASE - from) & (lanes - 1)), to)}; returns its local. */
    private static int alignedStart(GeneratorAdapter ga) {
        int start = ga.newLocal(Type.INT_TYPE);
        ga.loadArg(4);
        ga.getStatic(ALIGNMENT, "PHASE", Type.INT_TYPE);
        ga.loadArg(4);
        ga.math(GeneratorAdapter.SUB, Type.INT_TYPE);
        VectorApi.species(ga);
        ga.invokeInterface(VectorApi.SPECIES, VectorApi.LENGTH);
        ga.push(1);
        ga.math(GeneratorAdapter.SUB, Type.INT_TYPE);
        ga.math(GeneratorAdapter.AND, Type.INT_TYPE);
        ga.math(GeneratorAdapter.ADD, Type.INT_TYPE);
        ga.loadArg(5);
        ga.invokeStatic(Type.getType(Math.class), Method.getMethod("int min(int, int)"));
        ga.storeLocal(start);
        return start;
    }

    /** {@code upper = start + SPECIES.loopBound(to - start)}; returns its local. */
    private static int wholeVectorsEnd(GeneratorAdapter ga, int start) {
        int upper = ga.newLocal(Type.INT_TYPE);
        ga.loadLocal(start);
        VectorApi.species(ga);
        ga.loadArg(5);
        ga.loadLocal(start);
        ga.math(GeneratorAdapter.SUB, Type.INT_TYPE);
        ga.invokeInterface(VectorApi.SPECIES, VectorApi.LOOP_BOUND);
        ga.math(GeneratorAdapter.ADD, Type.INT_TYPE);
        ga.storeLocal(upper);
        return upper;
    }

    /** {@code r.intoArray(w or s_k, i)} for every store, after all the loads of the iteration. */
    private static void stores(GeneratorAdapter ga, Block body, int[] local, int[] states, int i) {
        for (Output o : body.outputs()) {
            if (o.target() == Output.Target.EXPORT) {
                continue;
            }
            ga.loadLocal(local[o.value()]);
            if (o.target() == Output.Target.WEIGHT) {
                ga.loadArg(0);
            } else {
                ga.loadLocal(states[o.slot()]);
            }
            ga.loadLocal(i);
            ga.invokeVirtual(FLOAT_VECTOR, VectorApi.INTO_ARRAY);
        }
    }

    /**
     * {@code if (lo < hi) tail(w, g, state, uniforms, lo, hi)}: weights outside the
     * aligned whole vectors, done before the vector loop. Each weight is independent, so
     * the order is free; before the loop, the calls leave the loop as the method's last
     * code, with nothing live after it (with a call after the loop, C2 compiled rprop's
     * loop about 20% slower at 16M weights).
     */
    private static void callTail(GeneratorAdapter ga, Type owner, Runnable lo, Runnable hi) {
        Label done = new Label();
        lo.run();
        hi.run();
        ga.ifICmp(GeneratorAdapter.GE, done);
        ga.loadThis();
        for (int a = 0; a < 4; a++) {
            ga.loadArg(a);
        }
        lo.run();
        hi.run();
        ga.visitMethodInsn(Opcodes.INVOKESPECIAL, owner.getInternalName(), ScalarTail.TAIL.getName(),
                ScalarTail.TAIL.getDescriptor(), false);
        ga.mark(done);
    }

    /**
     * For a uniform: loads it into a float local before the loop (for a truth value, an int
     * local: {@code uniforms[slot] != 0}) and returns the local; -1 for anything else.
     * Only scalars are kept across the loop's back edge, never a vector or a mask: when C2
     * compiles the loop on stack replacement (a long first call), live vectors would enter
     * the compiled loop boxed.
     */
    private static int loadUniform(GeneratorAdapter ga, Insn in) {
        if (in.op() == Op.UNIFORM) {
            int local = ga.newLocal(Type.FLOAT_TYPE);
            uniform(ga, in.slot());
            ga.storeLocal(local);
            return local;
        }
        if (in.op() == Op.UNIFORM_BOOL) {
            int local = ga.newLocal(Type.INT_TYPE);
            Label zero = new Label();
            Label done = new Label();
            uniform(ga, in.slot());
            ga.push(0f);
            ga.visitInsn(Opcodes.FCMPL);
            ga.ifZCmp(GeneratorAdapter.EQ, zero);
            ga.push(1);
            ga.goTo(done);
            ga.mark(zero);
            ga.push(0);
            ga.mark(done);
            ga.storeLocal(local);
            return local;
        }
        return -1;
    }

    /**
     * In the loop, a leaf that does not depend on the weight: a literal or uniform
     * broadcast to every lane, or a uniform truth value as an all-true or all-false mask.
     * C2 hoists these loop invariants out of the loop, as in a hand-written
     * {@code v.mul(lr)}.
     */
    private static void broadcast(GeneratorAdapter ga, Insn in, int scalar) {
        VectorApi.species(ga);
        switch (in.op()) {
            case CONST: ga.push((float) in.value()); break;
            case UNIFORM: ga.loadLocal(scalar); break;
            default:
                ga.loadLocal(scalar);
                ga.invokeInterface(VectorApi.SPECIES, VectorApi.MASK_ALL);
                return;
        }
        ga.invokeStatic(FLOAT_VECTOR, VectorApi.BROADCAST);
    }

    private static void uniform(GeneratorAdapter ga, int slot) {
        ga.loadArg(3);
        ga.push(slot);
        ga.arrayLoad(Type.FLOAT_TYPE);
    }

    private static void fromArray(GeneratorAdapter ga, Runnable array, int i) {
        VectorApi.species(ga);
        array.run();
        ga.loadLocal(i);
        ga.invokeStatic(FLOAT_VECTOR, VectorApi.FROM_ARRAY);
    }
}
