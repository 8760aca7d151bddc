package org.optjit.codegen;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * The {@code code_length} of each method of a class file (JVMS 4.7.3), read straight from
 * the bytes: ASM's visitors do not report it, and decoding every instruction to add up
 * their sizes would cost more than the check is worth.
 *
 * <p>Why it matters: HotSpot never JIT-compiles a method longer than
 * {@link #JIT_LIMIT} bytes (its {@code HugeMethodLimit}, under the default
 * {@code -XX:+DontCompileHugeMethods}), and Vector API code left to the interpreter runs
 * hundreds of times slower than compiled code.
 */
public final class CodeLengths {

    /** HotSpot's {@code HugeMethodLimit}: longer methods are never JIT-compiled. */
    public static final int JIT_LIMIT = 8000;

    private CodeLengths() {
    }

    /**
     * {@code code_length} of every method with code, by name (JVMS 4.1, 4.6, 4.7.3); of
     * overloads, the longest (a kernel's {@code run} with {@code origin} is its loop, the other
     * {@code run} a call of it).
     */
    public static Map<String, Integer> of(byte[] classFile) {
        ClassReader r = new ClassReader(classFile);
        char[] buf = new char[r.getMaxStringLength()];
        int p = r.header + 6;
        p += 2 + 2 * r.readUnsignedShort(p); // interfaces
        p = skipMembers(r, buf, p, null); // fields have the layout of methods
        Map<String, Integer> lengths = new LinkedHashMap<>();
        skipMembers(r, buf, p, lengths);
        return lengths;
    }

    /** Whether every method of {@code classFile} is short enough for the JIT to compile it. */
    public static boolean allJitCompilable(byte[] classFile) {
        if (classFile.length <= JIT_LIMIT) {
            return true; // a method's code is part of the file
        }
        for (int length : of(classFile).values()) {
            if (length > JIT_LIMIT) {
                return false;
            }
        }
        return true;
    }

    /** Walks a field or method table at {@code p}, recording code lengths if asked; returns its end. */
    private static int skipMembers(ClassReader r, char[] buf, int p, Map<String, Integer> codeLengths) {
        int count = r.readUnsignedShort(p);
        p += 2;
        for (int k = 0; k < count; k++) {
            String name = r.readUTF8(p + 2, buf);
            int attributes = r.readUnsignedShort(p + 6);
            p += 8;
            for (int a = 0; a < attributes; a++) {
                if (codeLengths != null && r.readUTF8(p, buf).equals("Code")) {
                    codeLengths.merge(name, r.readInt(p + 10), Math::max);
                }
                p += 6 + r.readInt(p + 2);
            }
        }
        return p;
    }
}
