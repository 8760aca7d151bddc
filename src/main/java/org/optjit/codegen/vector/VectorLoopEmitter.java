package org.optjit.codegen.vector;

import static org.optjit.codegen.vector.VectorApi.FLOAT_VECTOR;
import static org.optjit.codegen.vector.VectorApi.MASK;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;
import org.optjit.codegen.BodyInfo;
import org.optjit.ir.Block;
import org.optjit.ir.Insn;
import org.optjit.ir.Op;
import org.optjit.ir.Output;

/**
 * Emits {@code LoopKernel.run}: a call to the scalar tail, then the loop over whole vectors.
 * The shape is exactly that of a hand-written Vector API kernel, which is what C2's vector
 * intrinsics and box elimination are tuned for:
 *
 * <pre>
 * int upper = from + SPECIES.loopBound(to - from);           // bound, once
 * if (upper &lt; to) tail(w, g, state, uniforms, upper, to);  // the SCALAR loop, first
 * float[] s0 = state[0]; ...                                 // state arrays, once
 * FloatVector u0 = FloatVector.broadcast(SPECIES, uniforms[0]);  // uniforms and literals, once
 * for (int i = from; i &lt; upper; i += SPECIES.length()) {
 *     FloatVector x = FloatVector.fromArray(SPECIES, w, i); ... // body, one local per value
 *     r.intoArray(w, i); ...                                  // stores after all loads
 * }
 * </pre>
 * where {@code SPECIES} is read from {@code FloatVector.SPECIES_PREFERRED} at each use (a
 * JDK static final, so a compile-time constant for C2; never a lane count fixed here).
 */
final class VectorLoopEmitter {

    private VectorLoopEmitter() {
    }

    /** Emits the whole body of {@code run}; the tail is {@link ScalarTail#TAIL} of {@code owner}. */
    static void emit(GeneratorAdapter ga, BodyInfo info, Type owner) {
        Block body = info.body();
        int upper = ga.newLocal(Type.INT_TYPE);
        ga.loadArg(4);
        VectorApi.species(ga);
        ga.loadArg(5);
        ga.loadArg(4);
        ga.math(GeneratorAdapter.SUB, Type.INT_TYPE);
        ga.invokeInterface(VectorApi.SPECIES, VectorApi.LOOP_BOUND);
        ga.math(GeneratorAdapter.ADD, Type.INT_TYPE);
        ga.storeLocal(upper);
        callTail(ga, owner, upper);
        int[] states = VectorCompiler.loadStateArrays(ga, body);
        int[] local = new int[body.size()];
        for (int k = 0; k < body.size(); k++) {
            if (!info.isLive(k)) {
                continue;
            }
            local[k] = ga.newLocal(body.insn(k).op().type() == Op.Type.BOOL ? MASK : FLOAT_VECTOR);
            if (hoist(ga, body.insn(k))) {
                ga.storeLocal(local[k]);
            }
        }
        int i = ga.newLocal(Type.INT_TYPE);
        ga.loadArg(4);
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
            if (!info.isLive(k) || isHoisted(in.op())) {
                continue;
            }
            switch (in.op()) {
                case LOAD_W: fromArray(ga, () -> ga.loadArg(0), i); break;
                case LOAD_G: fromArray(ga, () -> ga.loadArg(1), i); break;
                case LOAD_S: fromArray(ga, () -> ga.loadLocal(states[in.slot()]), i); break;
                default: insns.emit(in);
            }
            ga.storeLocal(local[k]);
        }
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
        ga.loadLocal(i);
        VectorApi.species(ga);
        ga.invokeInterface(VectorApi.SPECIES, VectorApi.LENGTH);
        ga.math(GeneratorAdapter.ADD, Type.INT_TYPE);
        ga.storeLocal(i);
        ga.goTo(top);
        ga.mark(exit);

        ga.returnValue();
    }

    /**
     * {@code if (upper < to) tail(w, g, state, uniforms, upper, to)}: the weights after the
     * last whole vector, done before the vector loop. Each weight is independent, so the
     * order is free; before the loop, the call leaves the loop as the method's last code,
     * with nothing live after it (with the call after the loop, C2 compiled rprop's loop
     * about 20% slower at 16M weights).
     */
    private static void callTail(GeneratorAdapter ga, Type owner, int upper) {
        Label done = new Label();
        ga.loadLocal(upper);
        ga.loadArg(5);
        ga.ifICmp(GeneratorAdapter.GE, done);
        ga.loadThis();
        for (int a = 0; a < 4; a++) {
            ga.loadArg(a);
        }
        ga.loadLocal(upper);
        ga.loadArg(5);
        ga.visitMethodInsn(Opcodes.INVOKESPECIAL, owner.getInternalName(), ScalarTail.TAIL.getName(),
                ScalarTail.TAIL.getDescriptor(), false);
        ga.mark(done);
    }

    /** Leaves that do not depend on the weight: broadcast once, before the loop. */
    private static boolean isHoisted(Op op) {
        return op == Op.CONST || op == Op.UNIFORM || op == Op.UNIFORM_BOOL;
    }

    /** Pushes the loop-invariant vector or mask of a hoisted leaf; false for any other op. */
    private static boolean hoist(GeneratorAdapter ga, Insn in) {
        switch (in.op()) {
            case CONST:
                VectorApi.species(ga);
                ga.push((float) in.value());
                ga.invokeStatic(FLOAT_VECTOR, VectorApi.BROADCAST);
                return true;
            case UNIFORM:
                VectorApi.species(ga);
                uniform(ga, in.slot());
                ga.invokeStatic(FLOAT_VECTOR, VectorApi.BROADCAST);
                return true;
            case UNIFORM_BOOL: {
                // SPECIES.maskAll(uniforms[slot] != 0): all lanes true or all false
                VectorApi.species(ga);
                uniform(ga, in.slot());
                ga.push(0f);
                ga.visitInsn(Opcodes.FCMPL);
                Label zero = new Label();
                Label done = new Label();
                ga.ifZCmp(GeneratorAdapter.EQ, zero);
                ga.push(true);
                ga.goTo(done);
                ga.mark(zero);
                ga.push(false);
                ga.mark(done);
                ga.invokeInterface(VectorApi.SPECIES, VectorApi.MASK_ALL);
                return true;
            }
            default:
                return false;
        }
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
