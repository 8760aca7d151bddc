package org.optjit.cli;

import org.optjit.Layout;

/**
 * A layout written on the command line: comma-separated terms, each {@code N} (a vector of
 * N), {@code RxC} (a row-major matrix) or {@code KxRxC} (K matrices of R x C). So
 * {@code 64x512x512} is the layout the tensor benchmarks use and {@code 256x784,256,10x256,10}
 * is the Fashion-MNIST MLP's (each layer's weight matrix, then its bias). Tensors are named
 * {@code t0, t1, ...} in order, all in one group.
 */
final class LayoutSpec {

    private static final String FORMS = "use N (a vector), RxC (a matrix) or KxRxC (K matrices of R x C),"
            + " comma-separated, e.g. 64x512x512 or 256x784,256,10x256,10";

    private LayoutSpec() {
    }

    /**
     * The layout {@code spec} describes.
     *
     * @param option the option's name, for messages ({@code --layout})
     * @throws UserError naming the term that is wrong and why
     */
    static Layout parse(String option, String spec) {
        if (spec == null || spec.isBlank()) {
            throw new UserError(option + " is empty: " + FORMS);
        }
        Layout.Builder b = Layout.builder();
        String[] terms = spec.split(",", -1);
        int tensors = 0;
        long weights = 0;
        for (int k = 0; k < terms.length; k++) {
            String term = terms[k].trim();
            String where = option + ": term " + (k + 1) + " '" + term + "'";
            String[] parts = term.split("[xX]", -1);
            if (parts.length > 3) {
                throw new UserError(where + " has " + parts.length + " numbers: " + FORMS);
            }
            long[] n = new long[parts.length];
            for (int j = 0; j < parts.length; j++) {
                n[j] = number(where, parts[j]);
            }
            long count = parts.length == 3 ? n[0] : 1;
            long rows = n[parts.length == 3 ? 1 : 0];
            long cols = parts.length == 1 ? 1 : n[parts.length - 1];
            weights += count * rows * cols;
            if (weights > Integer.MAX_VALUE - 16L) {
                throw new UserError(where + ": the layout has more weights than one Java array holds ("
                        + (Integer.MAX_VALUE - 16) + ")");
            }
            for (long c = 0; c < count; c++) {
                String name = "t" + tensors++;
                if (parts.length == 1) {
                    b.vector(name, (int) rows);
                } else {
                    b.matrix(name, (int) rows, (int) cols);
                }
            }
        }
        return b.build();
    }

    private static long number(String where, String text) {
        String t = text.trim();
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
            throw new UserError(where + ": '" + t + "' is not a whole number; " + FORMS);
        }
        if (t.length() > 10 || Long.parseLong(t) > Integer.MAX_VALUE) {
            throw new UserError(where + ": " + t + " is too large");
        }
        long n = Long.parseLong(t);
        if (n < 1) {
            throw new UserError(where + ": sizes and counts must be at least 1, got " + t);
        }
        return n;
    }

    /** {@code 64 tensors (64 matrices)}, {@code 4 tensors (2 matrices, 2 vectors)}. */
    static String describe(Layout layout) {
        long matrices = layout.tensors().stream().filter(t -> !t.vector()).count();
        long vectors = layout.tensors().size() - matrices;
        String kinds = matrices == 0 ? plural(vectors, "vector")
                : vectors == 0 ? plural(matrices, "matrix") : plural(matrices, "matrix") + ", " + plural(vectors, "vector");
        return plural(layout.tensors().size(), "tensor") + " (" + kinds + ")";
    }

    private static String plural(long n, String noun) {
        if (n == 1) {
            return "1 " + noun;
        }
        return n + " " + (noun.equals("matrix") ? "matrices" : noun + "s");
    }
}
