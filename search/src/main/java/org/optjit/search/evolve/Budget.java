package org.optjit.search.evolve;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a search runs: a number of candidate evaluations ({@code 2000}), reproducible for
 * a seed, or a duration ({@code 90s}, {@code 10m}, {@code 2h}), which stops after the
 * generation in which the time runs out.
 */
public record Budget(Kind kind, long amount) {

    public enum Kind { EVALUATIONS, SECONDS }

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");

    public Budget {
        if (amount < 1) {
            throw new IllegalArgumentException("a budget must be at least 1");
        }
    }

    /** @throws IllegalArgumentException with a sentence for the user */
    public static Budget parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d{1,12}")) {
            return new Budget(Kind.EVALUATIONS, Long.parseLong(t));
        }
        Matcher m = DURATION.matcher(t);
        if (m.matches() && m.group(1).length() <= 9) {
            long n = Long.parseLong(m.group(1));
            long seconds = switch (m.group(2)) {
                case "s" -> n;
                case "m" -> n * 60;
                default -> n * 3600;
            };
            return new Budget(Kind.SECONDS, seconds);
        }
        throw new IllegalArgumentException("'" + text + "' is not a budget: give a number of evaluations (2000) "
                + "or a duration (90s, 10m, 2h)");
    }

    /** Evaluations left after {@code evaluated}, or MAX_VALUE for a duration. */
    public long evaluationsLeft(long evaluated) {
        return kind == Kind.EVALUATIONS ? Math.max(0, amount - evaluated) : Long.MAX_VALUE;
    }

    public boolean exhausted(long evaluated, double seconds) {
        return kind == Kind.EVALUATIONS ? evaluated >= amount : seconds >= amount;
    }

    @Override
    public String toString() {
        return kind == Kind.EVALUATIONS ? amount + " evaluations" : amount + " s";
    }
}
