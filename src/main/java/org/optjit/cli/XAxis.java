package org.optjit.cli;

/** What the learning curves are plotted against ({@code --x-axis}). */
enum XAxis {
    EPOCHS("epoch"),
    STEPS("optimizer steps"),
    EXAMPLES("training examples seen"),
    TIME("training wall time (s)");

    private final String title;

    XAxis(String title) {
        this.title = title;
    }

    String title() {
        return title;
    }

    /**
     * The position of a point logged at {@code epoch} after {@code step} steps and
     * {@code seconds} of training, with {@code examplesPerStep} examples in each mini-batch.
     */
    double of(int epoch, long step, double seconds, int examplesPerStep) {
        return switch (this) {
            case EPOCHS -> epoch;
            case STEPS -> step;
            case EXAMPLES -> (double) step * examplesPerStep;
            case TIME -> seconds;
        };
    }
}
