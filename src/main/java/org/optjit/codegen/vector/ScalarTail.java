package org.optjit.codegen.vector;

import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Method;
import org.objectweb.asm.commons.SimpleRemapper;
import org.optjit.codegen.scalar.ScalarCompiler;
import org.optjit.ir.Program;

/**
 * The tail of a vector kernel (the weights after the last whole vector) is the SCALAR
 * backend's loop itself: its {@code run} method is copied into the vector kernel class as
 * the private method {@link #TAIL}, with the scalar class's name remapped to the vector
 * class's. So the tail has the scalar semantics by construction (bitwise the interpreter's,
 * EXP/LOG/POW included), and the vector loop's method stays small: C2 does not compile
 * methods above 8,000 bytes of bytecode.
 */
final class ScalarTail {

    /** {@code private void tail(float[] w, float[] g, float[][] state, float[] uniforms, int from, int to)}. */
    static final Method TAIL = Method.getMethod("void tail(float[], float[], float[][], float[], int, int)");

    private ScalarTail() {
    }

    /** Adds the scalar loop for {@code program} to the class being written to {@code target}. */
    static void copyInto(ClassVisitor target, Type owner, Program program) {
        ClassReader reader = new ClassReader(new ScalarCompiler().generate(program));
        String scalar = reader.getClassName();
        SimpleRemapper names = new SimpleRemapper(Map.of(
                scalar, owner.getInternalName(),
                scalar + ".run" + TAIL.getDescriptor(), TAIL.getName()));
        // Frames are recomputed by the target writer, so the scalar ones are skipped.
        reader.accept(new ClassRemapper(new MembersOnly(target), names), ClassReader.SKIP_FRAMES);
    }

    /** Forwards the fields and methods of a class, except its constructor; the tail becomes private. */
    private static final class MembersOnly extends ClassVisitor {

        MembersOnly(ClassVisitor target) {
            super(Opcodes.ASM9, null);
            this.target = target;
        }

        private final ClassVisitor target;

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            return target.visitField(access, name, descriptor, signature, value);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            if (name.equals("<init>")) {
                return null;
            }
            int flags = name.equals(TAIL.getName()) ? Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL : access;
            return target.visitMethod(flags, name, descriptor, signature, exceptions);
        }
    }
}
