/**
 * Runs a rule over tensors: the passes of a {@link org.optjit.phase.Plan} over a layout's
 * tensors, their coarse values and reductions, and the tensor operations a rule calls on a
 * whole tensor.
 *
 * <ul>
 *   <li>{@link org.optjit.runtime.tensor.TensorStep}: one step, segment by segment; tensors
 *       go to threads whole, or shared by all when too large for one
 *       ({@link org.optjit.runtime.tensor.SharedTensor}).</li>
 *   <li>{@link org.optjit.runtime.tensor.PassRunner}: one pass over one tensor (or a part of
 *       it), its kernel calls cut by {@link org.optjit.runtime.tensor.Cuts}, its sums in the
 *       order {@link org.optjit.runtime.tensor.StripedSum} defines;
 *       {@link org.optjit.runtime.tensor.CoarseValues}: the per-step, per-tensor, per-row and
 *       per-column values between passes.</li>
 *   <li>{@link org.optjit.runtime.tensor.NewtonSchulz}: the
 *       {@link org.optjit.runtime.tensor.Orthogonalizer} behind {@code orth(e)}, Muon's quintic
 *       Newton-Schulz orthogonalisation, with the matrix product
 *       {@link org.optjit.runtime.tensor.Sgemm} (the reference BLAS signature, so that any
 *       BLAS provider plugs in).</li>
 * </ul>
 */
package org.optjit.runtime.tensor;
