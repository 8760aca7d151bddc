package org.optjit.train.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.optjit.train.AtomicFiles;

/**
 * The checkpoint of a run: one file, {@value #FILE_NAME}, in a directory. Each save
 * replaces it atomically ({@link AtomicFiles}), so the file is always the last complete
 * checkpoint; a process killed while saving leaves only a stray temporary file beside it.
 */
public final class CheckpointStore {

    public static final String FILE_NAME = "checkpoint.optjit";

    private final Path file;

    public CheckpointStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    public void save(Checkpoint c) {
        try {
            AtomicFiles.write(file, CheckpointCodec.encode(c));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and verifies the checkpoint.
     *
     * @throws CheckpointException when there is none, or it is truncated, corrupt or not a checkpoint
     */
    public Checkpoint load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file + ": no checkpoint to resume from");
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read checkpoint: " + e.getMessage());
        }
        return CheckpointCodec.decode(bytes, file.toString());
    }
}
