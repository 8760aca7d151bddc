package org.optjit.dl4j;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Images and labels of an MNIST-style directory of IDX files (LeCun et al., "THE MNIST
 * DATABASE", file formats), raw or gzip-compressed, as Debian's dataset-fashion-mnist
 * installs them. Read here rather than through Deeplearning4j's iterators, which download.
 *
 * @param pixels  row-major images, one row of {@code inputs} values in [0, 1] per example
 * @param labels  the class of each example
 * @param inputs  pixels per image
 */
record IdxImages(float[] pixels, int[] labels, int inputs) {

    /** The IDX type code of unsigned bytes, the only one the MNIST family uses. */
    private static final int UNSIGNED_BYTE = 0x08;

    int count() {
        return labels.length;
    }

    /** Reads {@code <prefix>-images-idx3-ubyte[.gz]} and {@code <prefix>-labels-idx1-ubyte[.gz]} ("train", "t10k"). */
    static IdxImages read(Path dir, String prefix) throws IOException {
        int[][] imageDims = new int[1][];
        byte[] images = readIdx(find(dir, prefix + "-images-idx3-ubyte"), 3, imageDims);
        int[][] labelDims = new int[1][];
        byte[] labelBytes = readIdx(find(dir, prefix + "-labels-idx1-ubyte"), 1, labelDims);
        int n = imageDims[0][0];
        if (labelDims[0][0] != n) {
            throw new IOException(dir + ": " + n + " images but " + labelDims[0][0] + " labels for " + prefix);
        }
        int inputs = imageDims[0][1] * imageDims[0][2];
        float[] pixels = new float[images.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (images[i] & 0xff) * (1f / 255f);   // the same scaling as optjit's reader
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = labelBytes[i] & 0xff;
        }
        return new IdxImages(pixels, labels, inputs);
    }

    private static Path find(Path dir, String name) throws IOException {
        for (Path p : new Path[] {dir.resolve(name), dir.resolve(name + ".gz")}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new FileNotFoundException(dir.resolve(name) + "[.gz] not found (install Debian's dataset-fashion-mnist "
                + "or give --data DIR)");
    }

    /** The data bytes of one IDX file with {@code rank} dimensions; the dimensions go to {@code dimsOut[0]}. */
    private static byte[] readIdx(Path file, int rank, int[][] dimsOut) throws IOException {
        try (DataInputStream in = new DataInputStream(open(file))) {
            int magic = in.readInt();
            if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != UNSIGNED_BYTE || (magic & 0xff) != rank) {
                throw new IOException(file + ": not an unsigned-byte IDX file of " + rank + " dimensions (magic 0x"
                        + Integer.toHexString(magic) + ")");
            }
            int[] dims = new int[rank];
            long size = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) {
                    throw new IOException(file + ": negative dimension " + dims[i]);
                }
                size *= dims[i];
            }
            if (size > Integer.MAX_VALUE) {
                throw new IOException(file + ": " + size + " bytes of data, too large");
            }
            byte[] data = new byte[(int) size];
            in.readFully(data);
            dimsOut[0] = dims;
            return data;
        }
    }

    /** gzip is recognised by its magic bytes, not by the name. */
    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read(), b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }
}
