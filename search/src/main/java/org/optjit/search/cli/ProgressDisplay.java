package org.optjit.search.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.optjit.search.evolve.Budget;
import org.optjit.search.evolve.Member;
import org.optjit.search.evolve.Search;
import org.optjit.search.evolve.SearchState;

/**
 * The progress bar: candidates evaluated (or seconds spent, for a budget in time), the best
 * fitness and, from the bar library, the time left. Off a terminal, one line per
 * generation instead.
 */
final class ProgressDisplay implements Search.Listener, AutoCloseable {

    private final PrintStream out;
    private final Budget budget;
    private final boolean bar;
    private ProgressBar progress;

    ProgressDisplay(PrintStream out, Budget budget, boolean bar) {
        this.out = out;
        this.budget = budget;
        this.bar = bar;
    }

    @Override
    public void generationSaved(SearchState s, List<Member> born) {
        String best = s.best() == null ? "-" : String.format(Locale.ROOT, "%.4f (rung %d)", s.best().fitness(), s.best().rung());
        if (!bar) {
            out.printf(Locale.ROOT, "generation %d: %d evaluated, %d rejected, best %s, %.0f s%n",
                    s.generation() - 1, s.evaluated(), s.rejectedTotal(), best, s.seconds());
            out.flush();
            return;
        }
        if (progress == null) {
            progress = new ProgressBarBuilder().setTaskName("search").setInitialMax(budget.amount())
                    .setUnit(budget.kind() == Budget.Kind.EVALUATIONS ? " candidates" : " s", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        }
        progress.stepTo(Math.min(budget.amount(), budget.kind() == Budget.Kind.EVALUATIONS ? s.evaluated() : (long) s.seconds()));
        progress.setExtraMessage(String.format(Locale.ROOT, "%d evaluated, best %s", s.evaluated(), best));
    }

    @Override
    public void close() {
        if (progress != null) {
            progress.close();
            progress = null;
        }
    }

    /** Whether standard output is an interactive terminal (JDK 22+ says so through Console.isTerminal). */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null || System.getenv("TERM") == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
