package org.optjit.blas;

/**
 * Which BLAS a run asks for ({@code --blas}).
 *
 * <ul>
 *   <li>{@code AUTO}: the OpenBLAS shipped inside the project's jars, or netlib's Java BLAS
 *       when that cannot load on this machine (the reason is kept and printed).</li>
 *   <li>{@code NATIVE}: the shipped OpenBLAS, or an error.</li>
 *   <li>{@code JAVA}: netlib's Java BLAS (the Vector API sgemm on JDK 16+).</li>
 * </ul>
 * A BLAS installed on the system (Debian's reference {@code libblas.so.3}, say) is never
 * chosen: the reference BLAS made the trainer three times slower than the Java one.
 */
public enum BlasChoice {
    AUTO, NATIVE, JAVA
}
