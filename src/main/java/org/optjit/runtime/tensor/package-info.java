/**
 * Tensor operations that rules call on a whole tensor rather than one weight at a time.
 *
 * <ul>
 *   <li>{@link org.optjit.runtime.tensor.NewtonSchulz}: the {@link
 *       org.optjit.runtime.tensor.Orthogonalizer} behind {@code orth(e)}, Muon's quintic
 *       Newton-Schulz orthogonalisation.</li>
 *   <li>{@link org.optjit.runtime.tensor.Sgemm}: the matrix product it uses, with the
 *       reference BLAS signature, so that any BLAS provider plugs in.</li>
 * </ul>
 *
 * <p>These two depend only on the JDK and on netlib's BLAS interface.
 */
package org.optjit.runtime.tensor;
