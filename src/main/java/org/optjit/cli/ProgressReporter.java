package org.optjit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.optjit.train.EpochMetrics;
import org.optjit.train.TrainListener;
import org.optjit.train.control.RateController;

/**
 * Shows a run's progress: on a terminal a progress bar per epoch (on standard error),
 * and always one plain line per epoch with the training loss, validation and test error
 * and time, so that logs and pipes get the same record.
 */
final class ProgressReporter implements TrainListener {

    private final PrintWriter out;
    private final String label;
    private final boolean bar;
    private final String hyper;
    private ProgressBar progress;
    private int stepsPerEpoch;

    /**
     * @param label shown before each line (the rule's name in {@code compare}), may be empty
     * @param bar   whether to draw a progress bar (only on a terminal)
     */
    ProgressReporter(PrintWriter out, String label, boolean bar, String hyper) {
        this.out = out;
        this.label = label.isEmpty() ? "" : label + ": ";
        this.bar = bar;
        this.hyper = hyper;
    }

    /**
     * Whether we run on an interactive terminal. From JDK 22 on, {@code System.console()} is
     * not null even when output is redirected; {@code Console.isTerminal()} (JDK 22+, looked
     * up reflectively so that this compiles for 17) then tells the truth.
     */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null || System.getenv("TERM") == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17-21: a console exists only on a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Override
    public void started(int epochs, int steps, int firstEpoch, int firstStep) {
        this.stepsPerEpoch = steps;
        if (firstEpoch > 1 || firstStep > 0) {
            out.printf(Locale.ROOT, "%sresuming at epoch %d, step %d of %d%n", label, firstEpoch, firstStep, steps);
            out.flush();
        }
    }

    @Override
    public void stepped(int epoch, int stepInEpoch, long step, double loss) {
        if (!bar) {
            return;
        }
        if (progress == null) {
            progress = new ProgressBarBuilder().setTaskName(label + "epoch " + epoch).setInitialMax(stepsPerEpoch)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(System.out)).build();
        }
        progress.stepTo(stepInEpoch);
        progress.setExtraMessage(String.format(Locale.ROOT, "loss %.4g", loss));
    }

    @Override
    public void epochEnded(EpochMetrics m, RateController.Adjustment adjustment, double rate) {
        if (progress != null) {
            progress.close();
            progress = null;
        }
        out.printf(Locale.ROOT, "%sepoch %3d  step %7d  train loss %.5g  val loss %.5g  val error %.4f  test error %.4f  %.2fs%n",
                label, m.epoch(), m.step(), m.trainLoss(), m.valLoss(), m.valError(), m.testError(), m.seconds());
        if (adjustment.direction() != RateController.Adjustment.Direction.KEEP) {
            out.printf(Locale.ROOT, "%s%s %s: %s%n", label,
                    adjustment.direction() == RateController.Adjustment.Direction.LOWER ? "lowering" : "raising",
                    hyper, adjustment.reason());
        }
        out.flush();
    }

    /** Closes a bar left open by an interrupted epoch. */
    void close() {
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }
}
