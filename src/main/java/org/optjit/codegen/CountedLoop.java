package org.optjit.codegen;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The loop frame of a kernel, {@code for (i = start; i < bound; i += step) { body }},
 * emitted in javac's shape (test at the top, {@code iinc}, back edge), which is the shape
 * HotSpot recognises as a counted loop: it then hoists range checks out of the loop and
 * may unroll and vectorise it.
 *
 * <pre>
 *   i = start
 * head:                 // frame: the locals allocated up to i
 *   if (i >= bound) goto exit
 *   body                // may allocate locals; they are released at the end
 *   i += step
 *   goto head
 * exit:                 // frame: the same locals as head
 * </pre>
 */
public final class CountedLoop {

    private final MethodEmitter m;
    private final int index;
    private final int localsAtHead;
    private final Label head = new Label();
    private final Label exit = new Label();

    private CountedLoop(MethodEmitter m, int startLocal, int boundLocal) {
        this.m = m;
        this.index = m.newLocal(Type.INT_TYPE);
        this.localsAtHead = m.localCount();
        m.loadLocal(startLocal, Type.INT_TYPE);
        m.storeLocal(index, Type.INT_TYPE);
        m.mark(head, localsAtHead);
        m.loadLocal(index, Type.INT_TYPE);
        m.loadLocal(boundLocal, Type.INT_TYPE);
        m.ifICmp(Opcodes.IF_ICMPGE, exit);
    }

    /**
     * Opens the loop: allocates the index, initialises it from the int local
     * {@code startLocal} and emits the test against the int local {@code boundLocal}.
     * Every local allocated before this call must be initialised (they are in the frame).
     */
    public static CountedLoop begin(MethodEmitter m, int startLocal, int boundLocal) {
        return new CountedLoop(m, startLocal, boundLocal);
    }

    /** The int local holding {@code i}. */
    public int index() {
        return index;
    }

    /** Closes the loop with {@code i += step} for a constant step (the scalar loop: 1). */
    public void end(int step) {
        m.iinc(index, step);
        close();
    }

    /**
     * Closes the loop with {@code i += step} for a step that {@code pushStep} pushes (the
     * vector loop: {@code SPECIES.length()}, a constant to C2, as in a hand-written kernel).
     */
    public void end(Runnable pushStep) {
        m.loadLocal(index, Type.INT_TYPE);
        pushStep.run();
        m.math(Opcodes.IADD, Type.INT_TYPE);
        m.storeLocal(index, Type.INT_TYPE);
        close();
    }

    private void close() {
        m.goTo(head);
        m.release(localsAtHead);
        m.mark(exit, localsAtHead);
    }
}
