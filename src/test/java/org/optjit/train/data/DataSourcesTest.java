package org.optjit.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {

    @TempDir
    Path dir;

    /** A 2x2-pixel MNIST-style directory: 12 training images (raw), 5 test images (gzip). */
    private void writeTinyMnist(int trainLabels) throws IOException {
        byte[] train = new byte[12 * 4];
        for (int i = 0; i < train.length; i++) {
            train[i] = (byte) (i * 5);
        }
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxReaderTest.idx(new int[] {12, 2, 2}, train));
        byte[] labels = new byte[trainLabels];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) (i % 3);
        }
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxReaderTest.idx(new int[] {trainLabels}, labels));
        byte[] test = new byte[5 * 4];
        Arrays.fill(test, (byte) 255);
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"),
                IdxReaderTest.gzip(IdxReaderTest.idx(new int[] {5, 2, 2}, test)));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"),
                IdxReaderTest.gzip(IdxReaderTest.idx(new int[] {5}, new byte[] {0, 1, 2, 3, 1})));
    }

    @Test
    void readsAnIdxDirectory() throws IOException {
        writeTinyMnist(12);
        Splits s = DataSources.load(dir.toString(), 0, Limits.NONE);
        assertEquals(10, s.train().size());
        assertEquals(2, s.validation().size()); // one sixth of the training file, from its end
        assertEquals(5, s.test().size());
        assertEquals(4, s.train().inputSize());
        assertEquals(4, s.train().classes()); // the test file has label 3
        assertEquals(4, s.test().classes());
        assertEquals(10 * 4 * 5 / 255f, s.validation().inputs()[0], 1e-6); // row 10, pixel 0
        assertEquals(1f, s.test().inputs()[7]);
        assertArrayEquals(new int[] {1, 2}, s.validation().labels());

        Splits capped = DataSources.load(dir.toString(), 0, new Limits(3, 1, 2));
        assertEquals(3, capped.train().size());
        assertEquals(1, capped.validation().size());
        assertEquals(2, capped.test().size());
        assertArrayEquals(Arrays.copyOf(s.train().inputs(), 12), capped.train().inputs());
    }

    @Test
    void refusesInconsistentDirectories() throws IOException {
        writeTinyMnist(11);
        DataException e = assertThrows(DataException.class, () -> DataSources.load(dir.toString(), 0, Limits.NONE));
        assertTrue(e.getMessage().contains("12 images") && e.getMessage().contains("11 labels"), e.getMessage());
        writeTinyMnist(12);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        e = assertThrows(DataException.class, () -> DataSources.load(dir.toString(), 0, Limits.NONE));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte"), e.getMessage());
        e = assertThrows(DataException.class, () -> DataSources.load("no-such-set", 0, Limits.NONE));
        assertTrue(e.getMessage().contains("unknown data set 'no-such-set'"), e.getMessage());
    }

    @Test
    void curvesAreDeterministicImagesInTheUnitInterval() {
        Splits a = DataSources.load("curves", 5, new Limits(200, 50, 100));
        Splits b = DataSources.load("curves", 5, new Limits(100, 50, 100));
        Splits c = DataSources.load("curves", 6, new Limits(100, 50, 100));
        assertEquals(200, a.train().size());
        assertEquals(784, a.train().inputSize());
        assertFalse(a.train().isClassification());
        assertNull(a.train().labels());
        assertArrayEquals(b.train().inputs(), Arrays.copyOf(a.train().inputs(), 100 * 784), "a prefix");
        assertArrayEquals(a.validation().inputs(), b.validation().inputs());
        assertArrayEquals(a.test().inputs(), b.test().inputs());
        assertFalse(Arrays.equals(b.train().inputs(), c.train().inputs()), "the seed matters");
        assertFalse(Arrays.equals(a.train().inputs(), a.test().inputs()));
        float[] x = a.train().inputs();
        for (int i = 0; i < 200; i++) {
            float max = 0;
            int lit = 0;
            for (int p = 0; p < 784; p++) {
                float v = x[i * 784 + p];
                assertTrue(v >= 0f && v <= 1f, "pixel " + v);
                max = Math.max(max, v);
                lit += v > 0 ? 1 : 0;
            }
            assertEquals(1f, max, "image " + i + " has a fully lit stroke");
            assertTrue(lit >= 10 && lit < 400, "image " + i + " is a thin curve: " + lit + " lit pixels");
        }
    }

    @Test
    void curvesHaveThePaperSizes() {
        assertEquals(20_000, DataSources.CURVES_TRAIN);
        Splits s = DataSources.load("curves", 1, new Limits(0, 3, 2));
        assertEquals(15_000, s.train().size());
        assertEquals(3, s.validation().size());
    }

    @Test
    void blobsAreBalancedAndSeeded() {
        Splits s = DataSources.load("blobs", 1, Limits.NONE);
        assertEquals(1500, s.train().size());
        assertEquals(500, s.validation().size());
        assertEquals(1000, s.test().size());
        assertEquals(Blobs.CLASSES, s.train().classes());
        int[] counts = new int[Blobs.CLASSES];
        for (int y : s.train().labels()) {
            counts[y]++;
        }
        for (int n : counts) {
            assertEquals(300, n);
        }
        assertArrayEquals(s.test().inputs(), DataSources.load("blobs", 1, Limits.NONE).test().inputs());
        assertFalse(Arrays.equals(s.test().inputs(), DataSources.load("blobs", 2, Limits.NONE).test().inputs()));
    }

    @Test
    void fashionMnistFromTheDebianPackage() {
        assumeTrue(Files.isDirectory(Path.of(DataSources.FASHION_MNIST_DIR)),
                "dataset-fashion-mnist is not installed");
        Splits s = DataSources.load("fashion-mnist", 0, new Limits(1000, 100, 100));
        assertEquals(1000, s.train().size());
        assertEquals(100, s.validation().size());
        assertEquals(100, s.test().size());
        assertEquals(784, s.train().inputSize());
        assertEquals(10, s.train().classes());
        float max = 0;
        for (float v : s.train().inputs()) {
            assertTrue(v >= 0 && v <= 1);
            max = Math.max(max, v);
        }
        assertEquals(1f, max);
    }
}
