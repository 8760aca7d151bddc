package org.optjit.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.optjit.train.checkpoint.CheckpointException;

/**
 * The weights of the epoch with the lowest validation error, kept for
 * {@code --restore-best} (early stopping's "return the best weights seen", Prechelt 1998):
 * in memory, and beside the checkpoint (atomically, with a checksum) so that a resumed run
 * restores them too. File layout: magic {@code OJBW}, epoch (int), count (int), the floats,
 * CRC32C of everything before it (int); big-endian.
 */
final class BestWeights {

    static final String FILE_NAME = "best-weights.optjit";
    private static final int MAGIC = 0x4F4A4257; // "OJBW"

    private final Path file;
    private float[] weights;
    private int epoch;

    /** @param file where the weights are kept across processes, or null for memory only */
    BestWeights(Path file) {
        this.file = file;
    }

    int epoch() {
        return epoch;
    }

    float[] weights() {
        return weights;
    }

    void save(int epoch, float[] params) {
        this.epoch = epoch;
        this.weights = params.clone();
        if (file == null) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate(16 + 4 * params.length);
        b.putInt(MAGIC).putInt(epoch).putInt(params.length);
        b.asFloatBuffer().put(params);
        b.position(12 + 4 * params.length);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        try {
            AtomicFiles.write(file, b.array());
        } catch (IOException e) {
            throw new CheckpointException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Loads the saved weights when the file exists and fits; they must be of {@code expectedEpoch}. */
    void load(int expectedEpoch, int size) {
        if (file == null || expectedEpoch == 0) {
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file + " is missing: --restore-best needs the best epoch's weights,"
                    + " which the earlier part of this run did not keep (it ran without --restore-best)");
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + file + ": " + e.getMessage());
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, Math.max(0, bytes.length - 4));
        if (bytes.length != 16 + 4 * size || b.getInt() != MAGIC || b.getInt(bytes.length - 4) != (int) crc.getValue()
                || b.getInt(4) != expectedEpoch || b.getInt(8) != size) {
            throw new CheckpointException(file + " does not hold this run's best weights (epoch " + expectedEpoch
                    + ", " + size + " weights)");
        }
        float[] w = new float[size];
        b.position(12);
        b.asFloatBuffer().get(w);
        this.epoch = expectedEpoch;
        this.weights = w;
    }
}
