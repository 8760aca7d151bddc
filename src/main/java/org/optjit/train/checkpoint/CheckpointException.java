package org.optjit.train.checkpoint;

/** A checkpoint that cannot be used: unreadable, corrupt, truncated, or from another run. */
public class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(message);
    }
}
