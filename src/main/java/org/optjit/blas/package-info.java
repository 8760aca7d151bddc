/**
 * Matrix products for the trainer and the compiler's tensor operations, from a native
 * library that ships inside the project's jars.
 *
 * <ul>
 *   <li>{@link org.optjit.blas.Blas}: the products used ({@code sgemm} in the shape of the
 *       reference BLAS, column-major with offsets).</li>
 *   <li>{@link org.optjit.blas.BlasLibrary}: the process's choice ({@link org.optjit.blas.BlasChoice}):
 *       OpenBLAS from {@code org.bytedeco:openblas} (package-private {@code OpenBlas}), else
 *       netlib's Java BLAS ({@code JavaBlas}). A system BLAS is never picked.</li>
 * </ul>
 * This package depends on no other optjit package.
 */
package org.optjit.blas;
