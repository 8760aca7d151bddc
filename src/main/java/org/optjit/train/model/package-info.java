/**
 * The models the optimizers train, each with its parameters in one flat float array.
 *
 * <ul>
 *   <li>{@link org.optjit.train.model.Model}: what the trainer sees: tensors with shapes
 *       ({@link org.optjit.train.model.TensorShape}, also as a {@link org.optjit.Layout}),
 *       initialisation, the mean loss and its gradient, evaluation.</li>
 *   <li>{@link org.optjit.train.model.Network}: multi-layer perceptrons (classifiers and
 *       mirrored deep autoencoders) with {@link org.optjit.train.model.Activation},
 *       {@link org.optjit.train.model.Loss} and {@link org.optjit.train.model.Initialization}.</li>
 *   <li>{@link org.optjit.train.model.LayerModel}: a sequence of
 *       {@link org.optjit.train.model.layers layers} with a {@link org.optjit.train.model.Head}
 *       (class labels or next tokens); {@link org.optjit.train.model.Models} builds LeNet-5
 *       and the transformer ({@link org.optjit.train.model.TransformerShape}).</li>
 *   <li>Package-private: LanePass and Lanes (the thread-count-independent split of a batch,
 *       shared by both kinds of model), and the MLP's Layout, Propagation, Workspace and
 *       Initializer.</li>
 * </ul>
 */
package org.optjit.train.model;
