package org.optjit.codegen;

import java.util.Arrays;
import java.util.BitSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Loads, before the loop, every state array and every uniform the body uses into locals
 * ({@code float[] s1 = state[1]; float lr = uniforms[0]; ...}). In the loop the arrays are
 * then plain locals, which is what lets the JIT hoist range checks and keep the uniforms
 * in registers; a field or a {@code state[k][i]} in the loop would defeat both.
 */
public final class LoopInputs {

    private final int[] stateLocal;
    private final int[] uniformLocal;
    private final int[] boolUniformLocal;

    private LoopInputs(int states, int uniforms) {
        stateLocal = filled(states);
        uniformLocal = filled(uniforms);
        boolUniformLocal = filled(uniforms);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    /**
     * Emits the loads for what {@code info}'s body uses, at the current position of
     * {@code m} (in {@code run}, before the loop).
     */
    public static LoopInputs load(MethodEmitter m, BodyInfo info) {
        return load(m, info, KernelClassWriter.STATE, KernelClassWriter.UNIFORMS);
    }

    /**
     * {@link #load(MethodEmitter, BodyInfo)} in a method whose {@code float[][] state} and
     * {@code float[] uniforms} are the locals {@code stateArg} and {@code uniformsArg}.
     */
    public static LoopInputs load(MethodEmitter m, BodyInfo info, int stateArg, int uniformsArg) {
        BitSet states = info.states();
        BitSet uniforms = info.uniforms();
        BitSet bools = info.boolUniforms();
        LoopInputs in = new LoopInputs(states.length(), Math.max(uniforms.length(), bools.length()));
        for (int k = states.nextSetBit(0); k >= 0; k = states.nextSetBit(k + 1)) {
            m.loadLocal(stateArg, KernelClassWriter.FLOAT_ARRAY_2D);
            m.push(k);
            m.arrayLoad(KernelClassWriter.FLOAT_ARRAY);
            in.stateLocal[k] = m.newLocal(KernelClassWriter.FLOAT_ARRAY);
            m.storeLocal(in.stateLocal[k], KernelClassWriter.FLOAT_ARRAY);
        }
        for (int k = uniforms.nextSetBit(0); k >= 0; k = uniforms.nextSetBit(k + 1)) {
            loadUniform(m, uniformsArg, k);
            in.uniformLocal[k] = m.newLocal(Type.FLOAT_TYPE);
            m.storeLocal(in.uniformLocal[k], Type.FLOAT_TYPE);
        }
        for (int k = bools.nextSetBit(0); k >= 0; k = bools.nextSetBit(k + 1)) {
            // uniforms[k] != 0 as 1 or 0, NaN counting as true (Interpreter): c = fcmpl(u, 0)
            // is -1, 0 or 1, so c * c is exactly that truth value, without a branch.
            loadUniform(m, uniformsArg, k);
            m.push(0f);
            m.insn(Opcodes.FCMPL);
            m.insn(Opcodes.DUP);
            m.math(Opcodes.IMUL, Type.INT_TYPE);
            in.boolUniformLocal[k] = m.newLocal(Type.INT_TYPE);
            m.storeLocal(in.boolUniformLocal[k], Type.INT_TYPE);
        }
        return in;
    }

    private static void loadUniform(MethodEmitter m, int uniformsArg, int k) {
        m.loadLocal(uniformsArg, KernelClassWriter.FLOAT_ARRAY);
        m.push(k);
        m.arrayLoad(Type.FLOAT_TYPE);
    }

    /** The {@code float[]} local of state slot {@code k}. */
    public int state(int k) {
        return get(stateLocal, k, "state");
    }

    /** The {@code float} local of uniform {@code k}. */
    public int uniform(int k) {
        return get(uniformLocal, k, "uniform");
    }

    /** The {@code int} local (1 or 0) of uniform {@code k} read as a truth value. */
    public int boolUniform(int k) {
        return get(boolUniformLocal, k, "truth-value uniform");
    }

    private static int get(int[] locals, int k, String what) {
        if (k < 0 || k >= locals.length || locals[k] < 0) {
            throw new IllegalStateException(what + " " + k + " was not loaded");
        }
        return locals[k];
    }
}
