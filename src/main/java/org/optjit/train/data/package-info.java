/**
 * Data sets for the trainer: reading, generating, splitting and preprocessing.
 *
 * <ul>
 *   <li>{@link org.optjit.train.data.DataSources}: names ({@code curves}, {@code blobs},
 *       {@code fashion-mnist}) and directories to {@link org.optjit.train.data.Splits},
 *       capped by {@link org.optjit.train.data.Limits}.</li>
 *   <li>{@link org.optjit.train.data.IdxReader}: the MNIST family's IDX files, raw or gzip;
 *       {@link org.optjit.train.data.Curves} and {@link org.optjit.train.data.Blobs}:
 *       generated sets.</li>
 *   <li>{@link org.optjit.train.data.Preprocessor}: standardisation, PCA and whitening
 *       (lecture 6b), fitted on the training set only.</li>
 *   <li>{@link org.optjit.train.data.DataException}: every failure, with file and offset.</li>
 * </ul>
 */
package org.optjit.train.data;
