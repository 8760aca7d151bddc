/**
 * The network the optimizers train: a multi-layer perceptron whose parameters live in one
 * flat float array.
 *
 * <ul>
 *   <li>{@link org.optjit.train.model.Network}: factories for classifiers and mirrored deep
 *       autoencoders, the parameter layout ({@link org.optjit.train.model.ParameterGroup}),
 *       initialisation, the mean loss and its gradient, evaluation.</li>
 *   <li>{@link org.optjit.train.model.Activation}, {@link org.optjit.train.model.Loss},
 *       {@link org.optjit.train.model.Initialization}: the choices of lecture 6b and of
 *       Sutskever et al. 2013.</li>
 *   <li>Layout (where each layer's weights are), Propagation (the BLAS forward and backward
 *       passes over one chunk of rows), Workspace (reused per-lane buffers), Lanes (the
 *       thread-count-independent split of a batch) and Initializer: package-private.</li>
 * </ul>
 */
package org.optjit.train.model;
