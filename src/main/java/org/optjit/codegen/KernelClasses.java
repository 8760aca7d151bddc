package org.optjit.codegen;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodHandles;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;
import org.optjit.runtime.LoopKernel;

/**
 * Defines generated kernel classes and checks them.
 *
 * <p>Each kernel is a <em>hidden</em> class (JEP 371) defined in this package without
 * {@code STRONG}: nothing but its instances refers to it, so it is unloaded with them.
 * A program may compile any number of rules in one JVM without filling the metaspace.
 * Generated classes must therefore be named in this package: {@link #INTERNAL_PACKAGE}.
 */
public final class KernelClasses {

    /** The internal-name prefix every generated class must use. */
    public static final String INTERNAL_PACKAGE = "org/optjit/codegen/";

    /**
     * When the system property {@code optjit.verify} is {@code true} (the tests set it),
     * every class is run through ASM's {@link CheckClassAdapter} before it is defined.
     */
    private static final boolean VERIFY = Boolean.getBoolean("optjit.verify");

    private KernelClasses() {
    }

    /** Defines {@code classFile} as a hidden class and returns a new instance of it. */
    public static GeneratedKernel define(byte[] classFile) {
        if (VERIFY) {
            String problems = verify(classFile);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("generated class fails verification:\n" + problems
                        + "\n" + textify(classFile));
            }
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(classFile, true);
            Object instance = lookup.findConstructor(lookup.lookupClass(),
                    java.lang.invoke.MethodType.methodType(void.class)).invoke();
            return new GeneratedKernel((LoopKernel) instance, classFile);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot define generated kernel class", e);
        }
    }

    /**
     * Runs ASM's data-flow verifier over every method. Returns the problems found, or an
     * empty string.
     */
    public static String verify(byte[] classFile) {
        StringWriter out = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(classFile), KernelClasses.class.getClassLoader(), false,
                new PrintWriter(out));
        return out.toString();
    }

    /** The class as readable bytecode listing (ASM's {@link Textifier}). */
    public static String textify(byte[] classFile) {
        StringWriter out = new StringWriter();
        new ClassReader(classFile).accept(new TraceClassVisitor(null, new Textifier(), new PrintWriter(out)), 0);
        return out.toString();
    }
}
