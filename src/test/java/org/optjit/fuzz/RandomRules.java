package org.optjit.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random well-formed rules in the update-rule language (issue 2), as source text: hyper
 * and state declarations, every assignment operator, nested {@code if}/{@code else if}/
 * {@code else}, {@code ?:}, every function, powers, {@code t}, and names whose role
 * (state, temporary, step scalar, inferred hyperparameter) the front end must infer.
 *
 * <p>Valid by construction: truth values appear only as conditions, declarations only at
 * the top level, hyperparameter defaults are literals, state initialisers read only
 * literals, declared hyperparameters and {@code w}, and {@code w} is always assigned.
 * A variable read somewhere but assigned nowhere gets an assignment at the end, so it is
 * state rather than an unbound hyperparameter. The inferred hyperparameters {@code k0},
 * {@code k1} are bound by {@link #bindings()}.
 */
public final class RandomRules {

    private static final String[] LITERALS = {"0", "1", "2", "0.5", ".5", "0.9", "0.999", "1e-8", "1.2", "50", "1e-6",
        "0.001", "3", "10", "0.1", "1e3", "0.05"};
    private static final String[] VARS = {"m0", "m1", "x0", "x1", "x2"};
    private static final String[] CMP = {"<", "<=", ">", ">=", "==", "!="};
    private static final String[] ASSIGN = {"=", "=", "+=", "-=", "*=", "/="};
    private static final String[] EXACT_CALLS = {"sqrt", "abs", "sign", "min", "max", "clip", "floor", "ceil"};
    private static final String[] TRANSCENDENTAL_CALLS = {"exp", "log", "log2", "pow"};

    private final Random rnd;
    private final boolean transcendental;
    private final List<String> hypers = new ArrayList<>();
    private final Set<String> read = new LinkedHashSet<>();
    private final Set<String> assigned = new LinkedHashSet<>();
    private final Map<String, Double> bindings = new LinkedHashMap<>();
    private boolean inferredHypers;

    /**
     * @param transcendental whether rules may use {@code exp log log2 pow} and non-integer
     *                       powers (backends that are exact only without them pass false)
     */
    public RandomRules(long seed, boolean transcendental) {
        this.rnd = new Random(seed);
        this.transcendental = transcendental;
    }

    /** The next rule's source text. */
    public String next() {
        hypers.clear();
        read.clear();
        assigned.clear();
        bindings.clear();
        StringBuilder sb = new StringBuilder("# random rule\n");
        int declared = rnd.nextInt(3);
        for (int k = 0; k < declared; k++) {
            sb.append(k == 0 ? "hyper " : ", ").append("h").append(k).append(" = ").append(literal());
            hypers.add("h" + k);
        }
        sb.append(declared > 0 ? "\n" : "");
        inferredHypers = rnd.nextBoolean();
        if (rnd.nextInt(3) == 0) {
            String init = rnd.nextBoolean() ? "w" : literal() + (hypers.isEmpty() ? "" : " * " + hypers.get(0));
            sb.append("state m0 = ").append(init).append(rnd.nextBoolean() ? "; state x2\n" : "\n");
        }
        int statements = 1 + rnd.nextInt(5);
        for (int k = 0; k < statements; k++) {
            statement(sb, "", 0);
        }
        sb.append("w ").append(pick(ASSIGN)).append(' ').append(expr(3)).append('\n');
        for (String v = unassignedRead(); v != null; v = unassignedRead()) {
            assigned.add(v); // before expr: its expression may read further variables
            sb.append(v).append(" = ").append(expr(2)).append('\n');
        }
        return sb.toString();
    }

    private String unassignedRead() {
        for (String v : read) {
            if (!assigned.contains(v)) {
                return v;
            }
        }
        return null;
    }

    /** Values for the inferred hyperparameters of the last rule (none when it has none). */
    public Map<String, Double> bindings() {
        return Map.copyOf(bindings);
    }

    private void statement(StringBuilder sb, String indent, int depth) {
        if (depth < 2 && rnd.nextInt(4) == 0) {
            sb.append(indent).append("if ").append(cond(2)).append(" {\n");
            block(sb, indent, depth);
            int elseIfs = rnd.nextInt(3) == 0 ? 1 : 0;
            for (int k = 0; k < elseIfs; k++) {
                sb.append(indent).append("} else if ").append(cond(2)).append(" {\n");
                block(sb, indent, depth);
            }
            if (rnd.nextBoolean()) {
                sb.append(indent).append("} else {\n");
                block(sb, indent, depth);
            }
            sb.append(indent).append("}\n");
            return;
        }
        String target = rnd.nextInt(4) == 0 ? (rnd.nextBoolean() ? "w" : "g") : pick(VARS);
        String op = pick(ASSIGN);
        if (!op.equals("=")) {
            read.add(target);
        }
        String value = expr(3); // read before the target counts as assigned (x = x + 1 reads the old x)
        assigned.add(target);
        sb.append(indent).append(target).append(' ').append(op).append(' ').append(value);
        if (rnd.nextInt(5) == 0) {
            sb.append("; x1 = ").append(expr(1)); // two statements on a line
            assigned.add("x1");
        }
        sb.append('\n');
    }

    private void block(StringBuilder sb, String indent, int depth) {
        int n = rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            statement(sb, indent + "    ", depth + 1);
        }
    }

    /** A numeric expression of at most {@code depth} levels, parenthesised where it matters. */
    private String expr(int depth) {
        if (depth <= 0 || rnd.nextInt(4) == 0) {
            return leaf();
        }
        switch (rnd.nextInt(9)) {
            case 0: case 1: case 2:
                return "(" + expr(depth - 1) + " " + "+-*/".charAt(rnd.nextInt(4)) + " " + expr(depth - 1) + ")";
            case 3:
                return "-" + expr(depth - 1);
            case 4:
                return "(" + expr(depth - 1) + ")^" + power();
            case 5:
                return "(" + cond(depth - 1) + " ? " + expr(depth - 1) + " : " + expr(depth - 1) + ")";
            default:
                return call(depth - 1);
        }
    }

    private String power() {
        String[] exact = {"2", "3", "0.5", "1", "4"};
        String[] other = {"1.5", "-1", "t", "h0", "0.25", "-0.5"};
        if (transcendental && rnd.nextInt(3) == 0) {
            String p = pick(other);
            return p.equals("h0") && hypers.isEmpty() ? "0.3" : p;
        }
        return pick(exact);
    }

    private String call(int depth) {
        String f = transcendental && rnd.nextInt(4) == 0 ? pick(TRANSCENDENTAL_CALLS) : pick(EXACT_CALLS);
        switch (f) {
            case "min": case "max":
                return f + "(" + expr(depth) + ", " + expr(depth) + (rnd.nextBoolean() ? ", " + expr(depth) : "") + ")";
            case "clip":
                return "clip(" + expr(depth) + ", " + expr(depth) + ", " + expr(depth) + ")";
            case "pow":
                return "pow(" + expr(depth) + ", " + expr(depth) + ")";
            default:
                return f + "(" + expr(depth) + ")";
        }
    }

    /** A truth value: comparisons, && || and !. */
    private String cond(int depth) {
        int kind = depth <= 0 ? 0 : rnd.nextInt(6);
        switch (kind) {
            case 1: return "(" + cond(depth - 1) + " && " + cond(depth - 1) + ")";
            case 2: return "(" + cond(depth - 1) + " || " + cond(depth - 1) + ")";
            case 3: return "!(" + cond(depth - 1) + ")";
            default: return expr(Math.max(0, depth - 1)) + " " + pick(CMP) + " " + expr(Math.max(0, depth - 1));
        }
    }

    private String leaf() {
        int k = rnd.nextInt(12);
        if (k < 2) {
            return literal();
        } else if (k < 4) {
            return "g";
        } else if (k < 5) {
            return "w";
        } else if (k < 6) {
            return "t";
        } else if (k < 7 && !hypers.isEmpty()) {
            return hypers.get(rnd.nextInt(hypers.size()));
        } else if (k < 8 && inferredHypers) {
            String h = rnd.nextBoolean() ? "k0" : "k1";
            bindings.putIfAbsent(h, Double.parseDouble(literal()) * (rnd.nextBoolean() ? -1 : 1));
            return h;
        }
        String v = pick(VARS);
        read.add(v);
        return v;
    }

    private String literal() {
        return pick(LITERALS);
    }

    private String pick(String[] options) {
        return options[rnd.nextInt(options.length)];
    }
}
