package org.optjit.train.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a data set by name or directory and splits it into training, validation and test
 * sets.
 *
 * <ul>
 *   <li>{@code curves}: generated CURVES images ({@link Curves}), an autoencoder set: 20,000
 *       training images of which the last 5,000 are held out for validation, and 10,000
 *       test images, as in Sutskever et al. 2013.</li>
 *   <li>{@code blobs}: a small generated classification set ({@link Blobs}): 2,000 training
 *       rows (the last 500 held out for validation) and 1,000 test rows.</li>
 *   <li>{@code fashion-mnist}: the IDX files installed by Debian's package
 *       {@code dataset-fashion-mnist} in {@value #FASHION_MNIST_DIR}: 60,000 training images
 *       (the last 10,000 held out for validation) and 10,000 test images.</li>
 *   <li>any directory holding {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 *       {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, each optionally
 *       with {@code .gz}: split like Fashion-MNIST (one sixth of the training set held
 *       out for validation).</li>
 *   <li>{@code modular-addition}: {@code (a + b) mod 97} as three-token sequences
 *       ({@link ModularAddition}).</li>
 *   <li>{@code text:FILE}: a character-level language model's windows of a text file
 *       ({@link TextData}), {@code context + 1} characters each.</li>
 * </ul>
 * Image pixels are scaled from 0..255 to [0, 1]. The seed only affects generated sets;
 * the validation set is always the end of the training file, so a split never depends on
 * the seed.
 */
public final class DataSources {

    /** Where Debian's {@code dataset-fashion-mnist} installs its files. */
    public static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

    /** {@code text:FILE} names a text file for a character-level language model. */
    public static final String TEXT_PREFIX = "text:";

    static final int CURVES_TRAIN = 20_000, CURVES_VALIDATION = 5_000, CURVES_TEST = 10_000;
    static final int BLOBS_TRAIN = 2_000, BLOBS_VALIDATION = 500, BLOBS_TEST = 1_000;

    private DataSources() {
    }

    /**
     * Loads {@code nameOrDir} (see the class comment), caps the splits by {@code limits}.
     *
     * @throws DataException when the set is unknown, missing or malformed
     */
    public static Splits load(String nameOrDir, long seed, Limits limits) {
        return load(nameOrDir, seed, limits, DEFAULT_CONTEXT);
    }

    /** The context length of {@code text:FILE} windows when none is given. */
    public static final int DEFAULT_CONTEXT = 64;

    /** As {@link #load(String, long, Limits)}, with the window length of {@code text:FILE} sets. */
    public static Splits load(String nameOrDir, long seed, Limits limits, int context) {
        if (nameOrDir.startsWith(TEXT_PREFIX)) {
            return TextData.load(Path.of(nameOrDir.substring(TEXT_PREFIX.length())), context, limits);
        }
        // the names are case-insensitive, like every other choice on the command line
        String known = nameOrDir.toLowerCase(java.util.Locale.ROOT);
        switch (Files.isDirectory(Path.of(nameOrDir)) && !nameOrDir.equals(known) ? nameOrDir : known) {
            case "modular-addition":
                return ModularAddition.load(seed, limits);
            case "curves":
                return curves(seed, limits);
            case "blobs":
                return blobs(seed, limits);
            case "fashion-mnist": {
                Path dir = Path.of(FASHION_MNIST_DIR);
                if (!Files.isDirectory(dir)) {
                    throw new DataException("fashion-mnist: " + dir + " does not exist; install the"
                            + " Debian package dataset-fashion-mnist or give a directory of IDX files");
                }
                return idx("fashion-mnist", dir, limits);
            }
            default: {
                Path dir = Path.of(nameOrDir);
                if (!Files.isDirectory(dir)) {
                    throw new DataException("unknown data set '" + nameOrDir + "': expected curves,"
                            + " blobs, fashion-mnist, modular-addition, text:FILE or a directory of IDX files");
                }
                return idx(dir.getFileName() == null ? nameOrDir : dir.getFileName().toString(), dir, limits);
            }
        }
    }

    private static Splits curves(long seed, Limits limits) {
        int fit = CURVES_TRAIN - CURVES_VALIDATION;
        int train = Limits.cap(fit, limits.train());
        int val = Limits.cap(CURVES_VALIDATION, limits.validation());
        int test = Limits.cap(CURVES_TEST, limits.test());
        // stream 0 is the 20,000-image training file: training rows first, validation after
        float[] trainImages = Curves.generate(seed, 0, fit + val);
        float[] testImages = Curves.generate(seed, 1, test);
        Dataset all = new Dataset("curves", trainImages, Curves.PIXELS, null, 0);
        return new Splits(all.range(0, train), all.range(fit, fit + val),
                new Dataset("curves", testImages, Curves.PIXELS, null, 0));
    }

    private static Splits blobs(long seed, Limits limits) {
        int fit = BLOBS_TRAIN - BLOBS_VALIDATION;
        int train = Limits.cap(fit, limits.train());
        int val = Limits.cap(BLOBS_VALIDATION, limits.validation());
        int test = Limits.cap(BLOBS_TEST, limits.test());
        Dataset all = Blobs.generate("blobs", seed, 0, fit + val);
        return new Splits(all.range(0, train), all.range(fit, fit + val),
                Blobs.generate("blobs", seed, 1, test));
    }

    /** An MNIST-style directory: one sixth of the training file is the validation set. */
    static Splits idx(String name, Path dir, Limits limits) {
        IdxDataset.Part trainFile = IdxDataset.read(dir, "train");
        IdxDataset.Part testFile = IdxDataset.read(dir, "t10k");
        int classes = Math.max(trainFile.classes(), testFile.classes());
        int size = trainFile.size();
        int valSize = size / 6;
        int fit = size - valSize;
        return new Splits(trainFile.rows(name, classes, 0, Limits.cap(fit, limits.train())),
                trainFile.rows(name, classes, fit, fit + Limits.cap(valSize, limits.validation())),
                testFile.rows(name, classes, 0, Limits.cap(testFile.size(), limits.test())));
    }
}
