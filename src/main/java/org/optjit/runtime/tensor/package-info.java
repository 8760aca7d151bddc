/**
 * Tensor operations that rules call on a whole tensor rather than one weight at a time.
 *
 * <ul>
 *   <li>{@link org.optjit.runtime.tensor.Orthogonalizer}: {@code orth(e)}, Muon's quintic
 *       Newton-Schulz orthogonalisation.</li>
 *   <li>{@link org.optjit.runtime.tensor.Sgemm}: the matrix product they use, with the
 *       reference BLAS signature, so that any BLAS provider plugs in.</li>
 * </ul>
 *
 * <p>Depends only on the JDK and on netlib's BLAS interface.
 */
package org.optjit.runtime.tensor;
