package org.optjit.train;

/**
 * How many training examples one step sees: a mini-batch size, or the whole training set
 * ({@link #FULL}, for rprop and adaptive gains, lecture 6d/6e).
 *
 * @param size examples per mini-batch, or 0 for the full batch
 */
public record BatchSize(int size) {

    /** The whole training set in every step. */
    public static final BatchSize FULL = new BatchSize(0);

    public BatchSize {
        if (size < 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + size);
        }
    }

    public static BatchSize of(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        return new BatchSize(size);
    }

    /** Parses "128" or "full". */
    public static BatchSize parse(String text) {
        String s = text.trim();
        if (s.equalsIgnoreCase("full")) {
            return FULL;
        }
        try {
            return of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("batch size must be a positive number or 'full', got '" + text + "'");
        }
    }

    public boolean isFull() {
        return size == 0;
    }

    @Override
    public String toString() {
        return isFull() ? "full" : Integer.toString(size);
    }
}
