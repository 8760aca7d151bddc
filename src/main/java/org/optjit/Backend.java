package org.optjit;

/** How a rule's per-weight loop is executed. */
public enum Backend {
    /** The reference interpreter over the IR: slow, and the oracle for the others. */
    INTERPRETER,
    /** A generated scalar loop (ASM bytecode), one class per rule. */
    SCALAR,
    /** A generated loop over {@code jdk.incubator.vector}, one class per rule. */
    VECTOR,
    /** VECTOR when the Vector API module is present at run time, SCALAR otherwise. */
    AUTO
}
