package org.optjit.train.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One part ({@code train} or {@code t10k}) of an MNIST-style directory: an image file and a
 * label file read with {@link IdxReader} and checked against each other.
 */
final class IdxDataset {

    /**
     * Images as read (one byte per pixel, row-major) and their labels. Pixels become floats
     * only for the rows a split takes, so a 60,000-image file is never held as floats twice.
     */
    record Part(byte[] images, int pixels, int[] labels) {
        int classes() {
            int max = -1;
            for (int y : labels) {
                max = Math.max(max, y);
            }
            return max + 1;
        }

        int size() {
            return labels.length;
        }

        /** Rows {@code [from, to)}, pixels scaled from 0..255 to [0, 1]. */
        Dataset rows(String name, int classes, int from, int to) {
            float[] x = new float[(to - from) * pixels];
            for (int i = 0, o = from * pixels; i < x.length; i++) {
                x[i] = (images[o + i] & 0xff) * (1f / 255f);
            }
            return new Dataset(name, x, pixels, java.util.Arrays.copyOfRange(labels, from, to), classes);
        }
    }

    private IdxDataset() {
    }

    /** Reads {@code prefix-images-idx3-ubyte[.gz]} and {@code prefix-labels-idx1-ubyte[.gz]}. */
    static Part read(Path dir, String prefix) {
        IdxReader.Idx images = IdxReader.read(find(dir, prefix + "-images-idx3-ubyte"), 3);
        IdxReader.Idx labels = IdxReader.read(find(dir, prefix + "-labels-idx1-ubyte"), 1);
        if (images.count() != labels.count()) {
            throw new DataException(images.file() + " holds " + images.count() + " images but "
                    + labels.file() + " holds " + labels.count() + " labels");
        }
        int[] y = new int[labels.count()];
        byte[] lab = labels.data();
        for (int i = 0; i < y.length; i++) {
            y[i] = lab[i] & 0xff;
        }
        return new Part(images.data(), images.itemSize(), y);
    }

    /** The raw file if present, else the gzip one. */
    private static Path find(Path dir, String base) {
        Path raw = dir.resolve(base);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new DataException(dir + ": neither " + base + " nor " + base + ".gz found");
    }
}
