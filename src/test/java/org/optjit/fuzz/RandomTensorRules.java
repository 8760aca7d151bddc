package org.optjit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random well-formed rules over tensors, as source text: reductions of every kind along
 * every scope, of per-weight values and of coarse ones (per row, column, tensor), shape
 * values, coarse state, conditions that are uniform per tensor around reductions, and
 * per-weight conditions around per-weight code. Valid by construction: a reduction never
 * reduces along a scope its argument is already reduced along, never stands under a
 * per-weight condition, and divisions are by {@code abs(..) + 1}. No transcendental
 * function, so every backend must agree bit for bit.
 */
public final class RandomTensorRules {

    private static final String[] KINDS = {"sum", "mean", "norm", "rms", "max", "min"};
    private static final String[] LITERALS = {"0.5", "2", "0.9", "1e-3", "3", "0.25"};

    private final Random rnd;
    private final List<String> weight = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> cols = new ArrayList<>();
    private final List<String> tensor = new ArrayList<>();
    private final List<String> all = new ArrayList<>();
    private int names;

    public RandomTensorRules(long seed) {
        this.rnd = new Random(seed);
    }

    public String next() {
        weight.clear();
        rows.clear();
        cols.clear();
        tensor.clear();
        all.clear();
        names = 0;
        StringBuilder sb = new StringBuilder("state s: tensor, d: all = 1\n");
        sb.append("m = 0.9*m + 0.1*g\n");
        weight.add("g");
        weight.add("w");
        weight.add("m");
        // a ratio of shape values, not rows alone: on a large layout rows is in the thousands,
        // and a sum with it drowns every other term (the update below would not see them)
        tensor.add("rows/cols");
        tensor.add("ndim");
        int statements = 3 + rnd.nextInt(6);
        for (int k = 0; k < statements; k++) {
            sb.append(statement()).append('\n');
        }
        sb.append("s = 0.5*s + ").append(pick(tensor)).append('\n');
        sb.append("d = 0.5*d + ").append(all.isEmpty() ? "1" : pick(all)).append('\n');
        // bounded without a flat part: clip(x, -1, 1) is the same for every x above 1, so it
        // hid whatever a large term was added to; x/(|x| + 1) still moves (exact IEEE operations)
        sb.append("upd = ").append(perWeight(2)).append(" + s/(abs(d) + 1)\n");
        sb.append("w -= 0.001*upd/(abs(upd) + 1)\n");
        return sb.toString();
    }

    private String statement() {
        switch (rnd.nextInt(6)) {
            case 0: {
                String name = fresh("p");
                String s = name + " = " + perWeight(2);
                weight.add(name);
                return s;
            }
            case 1: {
                String name = fresh("r");
                String s = name + " = " + kind() + "[row](" + perWeight(1) + ")";
                rows.add(name);
                return s;
            }
            case 2: {
                String name = fresh("c");
                String s = name + " = " + kind() + "[col](" + perWeight(1) + ")";
                cols.add(name);
                return s;
            }
            case 3: {
                String name = fresh("t");
                String arg = rnd.nextBoolean() || rows.isEmpty() && cols.isEmpty() ? perWeight(1)
                        : rows.isEmpty() ? pick(cols) + "*2" : pick(rows) + " + 1";
                String kind = kind();
                boolean scoped = rnd.nextBoolean() || kind.equals("max") || kind.equals("min");
                String s = name + " = " + kind + (scoped ? "[tensor]" : "") + "(" + arg + ")";
                tensor.add(name);
                return s;
            }
            case 4: {
                String name = fresh("a");
                String arg = rnd.nextBoolean() ? perWeight(1) : pick(tensor) + "*0.5";
                String s = name + " = " + kind() + "[all](" + arg + ")";
                all.add(name);
                return s;
            }
            default: {
                // a condition the same for a whole tensor, around a reduction and per-weight code
                String name = fresh("p");
                String cond = pick(tensor) + (rnd.nextBoolean() ? " > " : " <= ") + literal();
                String s = "if " + cond + " { " + name + " = " + perWeight(1) + " + mean(" + perWeight(0) + ") } else { "
                        + name + " = g > 0 ? " + perWeight(1) + " : " + literal() + " }";
                weight.add(name);
                return s;
            }
        }
    }

    /** A per-weight expression (it may read coarse values too). */
    private String perWeight(int depth) {
        if (depth == 0) {
            return pick(weight);
        }
        String a = perWeight(depth - 1);
        switch (rnd.nextInt(7)) {
            case 0: return "(" + a + " + " + coarse() + ")";
            case 1: return "(" + a + "*" + literal() + " - " + perWeight(depth - 1) + ")";
            case 2: return "(" + a + "/(abs(" + coarse() + ") + 1))";
            case 3: return "max(" + a + ", " + perWeight(depth - 1) + ")";
            case 4: return "sqrt(abs(" + a + "))";
            case 5: return "sign(" + a + ")*" + coarse();
            default: return "(" + a + " > " + coarse() + " ? " + a + " : " + literal() + ")";
        }
    }

    /** A value coarser than per weight. */
    private String coarse() {
        List<String> pool = new ArrayList<>(tensor);
        pool.addAll(rows);
        pool.addAll(cols);
        pool.addAll(all);
        pool.add(literal());
        return pick(pool);
    }

    private String kind() {
        return KINDS[rnd.nextInt(KINDS.length)];
    }

    private String literal() {
        return LITERALS[rnd.nextInt(LITERALS.length)];
    }

    private String pick(List<String> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private String fresh(String prefix) {
        return prefix + names++;
    }
}
