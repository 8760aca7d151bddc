package org.optjit.codegen;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.Method;

/**
 * Helper-level emission into one method, in the style of asm-commons'
 * {@code GeneratorAdapter} ({@code newLocal}, {@code loadLocal}, {@code math}, {@code push}),
 * plus what a generator that writes its own stack map frames needs: it remembers the type
 * of every local it hands out, so a frame is one call.
 *
 * <p>Why not {@code COMPUTE_FRAMES}: kernels must compile in well under a millisecond, and
 * their control flow is simple enough to describe exactly. Locals are handed out in
 * slot order and are never reused while live, so the locals of a frame are always a
 * prefix of the allocated ones: {@link #mark(Label, int)} takes that prefix's length.
 * Frames are written expanded ({@code F_NEW}); ASM compresses them. The operand stack is
 * empty at every label the emitters mark (they only branch between statements).
 */
public final class MethodEmitter {

    private final MethodVisitor mv;
    /** Frame type of each allocated local, one entry per local (long/double: one entry). */
    private final List<Object> frameTypes = new ArrayList<>();
    /** The first slot of each allocated local, in the same order. */
    private final List<Integer> slots = new ArrayList<>();
    private int nextSlot;

    /**
     * @param mv        where instructions go
     * @param arguments the frame types of local 0 and the arguments, in order (use
     *                  {@link Opcodes#TOP} for {@code this} when it is never read: a hidden
     *                  class's own name is best left out of its frames)
     */
    public MethodEmitter(MethodVisitor mv, Type... arguments) {
        this.mv = mv;
        for (Type t : arguments) {
            allocate(t);
        }
    }

    public MethodVisitor visitor() {
        return mv;
    }

    // ---- locals -------------------------------------------------------------------------

    /** Allocates a new local of type {@code type}; returns its slot. */
    public int newLocal(Type type) {
        return allocate(type);
    }

    private int allocate(Type type) {
        int slot = nextSlot;
        frameTypes.add(frameType(type));
        slots.add(slot);
        nextSlot += type == null ? 1 : type.getSize();
        return slot;
    }

    /** How many locals are allocated: pass to {@link #mark} or {@link #release}. */
    public int localCount() {
        return frameTypes.size();
    }

    /** Forgets every local allocated after the first {@code count}; their slots are reused. */
    public void release(int count) {
        while (frameTypes.size() > count) {
            int last = frameTypes.size() - 1;
            nextSlot = slots.get(last);
            frameTypes.remove(last);
            slots.remove(last);
        }
    }

    private static Object frameType(Type type) {
        if (type == null) {
            return Opcodes.TOP;
        }
        switch (type.getSort()) {
            case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT:
                return Opcodes.INTEGER;
            case Type.FLOAT: return Opcodes.FLOAT;
            case Type.LONG: return Opcodes.LONG;
            case Type.DOUBLE: return Opcodes.DOUBLE;
            default: return type.getInternalName();
        }
    }

    public void loadLocal(int slot, Type type) {
        mv.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
    }

    public void storeLocal(int slot, Type type) {
        mv.visitVarInsn(type.getOpcode(Opcodes.ISTORE), slot);
    }

    // ---- control flow -------------------------------------------------------------------

    /**
     * Places {@code label} here with a frame whose locals are the first {@code locals}
     * allocated ones and whose stack is empty.
     */
    public void mark(Label label, int locals) {
        mv.visitLabel(label);
        mv.visitFrame(Opcodes.F_NEW, locals, frameTypes.subList(0, locals).toArray(), 0, new Object[0]);
    }

    public void goTo(Label label) {
        mv.visitJumpInsn(Opcodes.GOTO, label);
    }

    /** A jump on the int on top of the stack ({@link Opcodes#IFEQ} ... {@link Opcodes#IFLE}). */
    public void ifZCmp(int opcode, Label label) {
        mv.visitJumpInsn(opcode, label);
    }

    /** A jump comparing two ints ({@link Opcodes#IF_ICMPEQ} ... {@link Opcodes#IF_ICMPLE}). */
    public void ifICmp(int opcode, Label label) {
        mv.visitJumpInsn(opcode, label);
    }

    public void returnVoid() {
        mv.visitInsn(Opcodes.RETURN);
    }

    // ---- values -------------------------------------------------------------------------

    public void push(int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(Opcodes.SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    /** Pushes a float constant bit for bit (so -0.0f and NaN payloads survive). */
    public void push(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (bits == 0 || bits == Float.floatToRawIntBits(1f) || bits == Float.floatToRawIntBits(2f)) {
            mv.visitInsn(Opcodes.FCONST_0 + (int) value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    /** A typed arithmetic instruction, e.g. {@code math(Opcodes.IADD, Type.FLOAT_TYPE)} is FADD. */
    public void math(int opcode, Type type) {
        mv.visitInsn(type.getOpcode(opcode));
    }

    /** An instruction without operands (conversions, comparisons, stack manipulation). */
    public void checkCast(Type type) {
        mv.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
    }

    public void insn(int opcode) {
        mv.visitInsn(opcode);
    }

    public void arrayLoad(Type elementType) {
        mv.visitInsn(elementType.getOpcode(Opcodes.IALOAD));
    }

    public void arrayStore(Type elementType) {
        mv.visitInsn(elementType.getOpcode(Opcodes.IASTORE));
    }

    public void iinc(int slot, int amount) {
        mv.visitIincInsn(slot, amount);
    }

    public void invokeStatic(Class<?> owner, String name, String descriptor) {
        invokeStatic(Type.getInternalName(owner), name, descriptor);
    }

    /** A static call of a method of {@code owner}, given by internal name (e.g. the class being generated). */
    public void invokeStatic(String owner, String name, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, descriptor, false);
    }

    /** A static call of {@code method} of the class {@code owner}. */
    public void invokeStatic(Type owner, Method method) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner.getInternalName(), method.getName(), method.getDescriptor(),
                false);
    }

    /** A virtual call of {@code method} of the class {@code owner}, on the receiver below the arguments. */
    public void invokeVirtual(Type owner, Method method) {
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner.getInternalName(), method.getName(), method.getDescriptor(),
                false);
    }

    /** A call of {@code method} of the interface {@code owner}, on the receiver below the arguments. */
    public void invokeInterface(Type owner, Method method) {
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, owner.getInternalName(), method.getName(),
                method.getDescriptor(), true);
    }

    /** A call of a private instance method of {@code owner} (the class being generated). */
    public void invokePrivate(String owner, String name, String descriptor) {
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, owner, name, descriptor, false);
    }

    /** Pushes the static field {@code owner.name} of type {@code type}. */
    public void getStatic(Type owner, String name, Type type) {
        mv.visitFieldInsn(Opcodes.GETSTATIC, owner.getInternalName(), name, type.getDescriptor());
    }

    /** A new {@code float[]} of the length on the stack. */
    public void newFloatArray() {
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_FLOAT);
    }
}
