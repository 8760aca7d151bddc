package org.optjit.codegen;

import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.LimitExceededException;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.optjit.runtime.LoopKernel;

/**
 * The skeleton every generated kernel shares: a final class in {@link
 * KernelClasses#INTERNAL_PACKAGE} implementing {@link LoopKernel}, with a public no-arg
 * constructor and the method {@code run(w, g, state, uniforms, from, to, origin)}, whose body
 * a backend's emitter writes through the {@link MethodEmitter} that {@link #beginRun()}
 * returns; {@code run(w, g, state, uniforms, from, to)} calls it with {@code origin = from}.
 * Every kernel has both, the same shape whether its body keeps values for a later pass
 * ({@code LOAD_K}, indexed from {@code origin}) or not.
 *
 * <p>The writer computes max stack and max locals ({@code COMPUTE_MAXS}, a cheap linear
 * pass) but not frames: emitters write them (see {@link MethodEmitter}).
 */
public final class KernelClassWriter {

    /** Local slot of {@code run}'s {@code float[] w}. */
    public static final int W = 1;
    /** Local slot of {@code float[] g}. */
    public static final int G = 2;
    /** Local slot of {@code float[][] state}. */
    public static final int STATE = 3;
    /** Local slot of {@code float[] uniforms}. */
    public static final int UNIFORMS = 4;
    /** Local slot of {@code int from}. */
    public static final int FROM = 5;
    /** Local slot of {@code int to}. */
    public static final int TO = 6;
    /** Local slot of {@code int origin}: where the arrays of kept values start ({@code LOAD_K}). */
    public static final int ORIGIN = 7;

    public static final Type FLOAT_ARRAY = Type.getType(float[].class);
    public static final Type FLOAT_ARRAY_2D = Type.getType(float[][].class);

    /** {@code void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to)}. */
    public static final String RUN_DESCRIPTOR = "([F[F[[F[FII)V";
    /** {@code void run(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to, int origin)}. */
    public static final String ORIGIN_RUN_DESCRIPTOR = "([F[F[[F[FIII)V";
    private static final int MAX_NAME = 40;

    private final ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    private final String internalName;
    private final String ruleName;
    private final String backend;
    private MethodEmitter run;

    /**
     * @param backend  the backend's name ("SCALAR", "VECTOR"): the class name's prefix and
     *                 part of error messages
     * @param ruleName the rule's name, kept in the class name for stack traces and profilers
     */
    public KernelClassWriter(String backend, String ruleName) {
        this(backend, ruleName, LoopKernel.class);
    }

    /** A kernel class implementing {@code kernelInterface}, {@link LoopKernel} or an extension of it. */
    public KernelClassWriter(String backend, String ruleName, Class<? extends LoopKernel> kernelInterface) {
        this.backend = backend;
        this.ruleName = ruleName;
        this.internalName = KernelClasses.INTERNAL_PACKAGE + className(backend, ruleName);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, internalName, null,
                "java/lang/Object", new String[] {Type.getInternalName(kernelInterface)});
        writeConstructor();
    }

    /** A valid Java identifier made of the backend and the rule name. */
    static String className(String backend, String ruleName) {
        StringBuilder sb = new StringBuilder(backend.charAt(0) + backend.substring(1).toLowerCase()).append("Kernel_");
        for (int i = 0; i < ruleName.length() && i < MAX_NAME; i++) {
            char c = ruleName.charAt(i);
            sb.append(Character.isJavaIdentifierPart(c) && c < 128 ? c : '_');
        }
        return sb.toString();
    }

    private void writeConstructor() {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The class writer, for a backend that needs more members (fields, helper methods). */
    public ClassWriter classWriter() {
        return cw;
    }

    /** The generated class's internal name (before the JVM makes it hidden). */
    public String internalName() {
        return internalName;
    }

    /** The generated class's type (before the JVM makes it hidden). */
    public Type type() {
        return Type.getObjectType(internalName);
    }

    /**
     * Starts {@code run(w, g, state, uniforms, from, to, origin)}, after writing the
     * six-argument {@code run} that calls it with {@code origin = from}. The emitter's first
     * locals are {@code this} (typed TOP in frames: this {@code run} never reads it) and the
     * arguments at the slots {@link #W} ... {@link #ORIGIN}.
     */
    public MethodEmitter beginRun() {
        return beginRun(null);
    }

    /**
     * Starts {@code run} for a backend whose {@code run} calls the class's own instance
     * methods: {@code this} is typed {@code self} in its frames (null: TOP).
     */
    public MethodEmitter beginRun(Type self) {
        writeRunFromCall();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "run", ORIGIN_RUN_DESCRIPTOR,
                null, null);
        mv.visitCode();
        run = new MethodEmitter(mv, self, FLOAT_ARRAY, FLOAT_ARRAY, FLOAT_ARRAY_2D, FLOAT_ARRAY,
                Type.INT_TYPE, Type.INT_TYPE, Type.INT_TYPE);
        return run;
    }

    /** {@code run(w, g, state, uniforms, from, to)}: {@code run(w, g, state, uniforms, from, to, from)}. */
    private void writeRunFromCall() {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "run", RUN_DESCRIPTOR, null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        for (int arg = W; arg <= UNIFORMS; arg++) {
            mv.visitVarInsn(Opcodes.ALOAD, arg);
        }
        mv.visitVarInsn(Opcodes.ILOAD, FROM);
        mv.visitVarInsn(Opcodes.ILOAD, TO);
        mv.visitVarInsn(Opcodes.ILOAD, FROM);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, internalName, "run", ORIGIN_RUN_DESCRIPTOR, false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * {@code (w, g, state, uniforms, from, to, origin, base)}: a loop over part of a call's
     * range whose kept arrays ({@code LOAD_K}, {@code KEPT}) are indexed from {@code origin}, as
     * in {@code run}, and whose other relative arrays ({@code LOAD_R}, {@code SCRATCH}) from
     * {@code base}, the call's first weight, at local {@link #BASE}.
     */
    public static final String PART_LOOP_DESCRIPTOR = "([F[F[[F[FIIII)V";

    /** The local of {@code base} in a method started by {@link #beginPartLoopMethod}. */
    public static final int BASE = 8;

    /** Starts a method with {@link #PART_LOOP_DESCRIPTOR}, such as the VECTOR backend's scalar tail. */
    public MethodEmitter beginPartLoopMethod(int access, String name, Type self) {
        MethodVisitor mv = cw.visitMethod(access, name, PART_LOOP_DESCRIPTOR, null, null);
        mv.visitCode();
        return new MethodEmitter(mv, self, FLOAT_ARRAY, FLOAT_ARRAY, FLOAT_ARRAY_2D, FLOAT_ARRAY,
                Type.INT_TYPE, Type.INT_TYPE, Type.INT_TYPE, Type.INT_TYPE);
    }

    /**
     * Starts a further method, for a backend that splits its work (its frames' locals start
     * with {@code locals}: the arguments, and {@code null} for an unread {@code this}).
     * End it with {@link #endMethod}.
     */
    public MethodEmitter beginMethod(int access, String name, String descriptor, Type... locals) {
        MethodVisitor mv = cw.visitMethod(access, name, descriptor, null, null);
        mv.visitCode();
        return new MethodEmitter(mv, locals);
    }

    /** Ends a method started with {@link #beginMethod} or {@link #beginPartLoopMethod}. */
    public void endMethod(MethodEmitter method) {
        method.visitor().visitMaxs(0, 0);
        method.visitor().visitEnd();
    }

    /**
     * Ends {@code run} and the class and returns the class file.
     *
     * @param operations the body's operation count, for the error message
     * @throws org.optjit.RuleException when {@code run} exceeds the JVM's method size limit
     */
    public byte[] finish(int operations) {
        endMethod(run);
        cw.visitEnd();
        try {
            return cw.toByteArray();
        } catch (MethodTooLargeException | ClassTooLargeException | LimitExceededException e) {
            // ASM reports the JVM's limits while writing: code size, and locals or stack
            // beyond what one method may have while computing the maxima
            throw MethodLimit.tooLarge(ruleName, backend, operations);
        }
    }
}
