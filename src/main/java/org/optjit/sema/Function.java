package org.optjit.sema;

/** The built-in functions of the language and how many arguments each takes. */
public enum Function {
    SQRT(1, 1), ABS(1, 1), SIGN(1, 1), EXP(1, 1), LOG(1, 1), LOG2(1, 1), FLOOR(1, 1), CEIL(1, 1),
    COS(1, 1), SIN(1, 1), TANH(1, 1),
    /**
     * Muon's orthogonalisation of a tensor (Jordan et al. 2024): quintic Newton-Schulz; on a
     * vector {@code e / (norm(e) + 1e-7)}. Its argument and result are per weight.
     */
    ORTH(1, 1),
    POW(2, 2),
    /** Two or more arguments, folded left to right. */
    MIN(2, Integer.MAX_VALUE),
    MAX(2, Integer.MAX_VALUE),
    /** {@code clip(x, lo, hi) = min(max(x, lo), hi)}. */
    CLIP(3, 3);

    private final int minArgs;
    private final int maxArgs;

    Function(int minArgs, int maxArgs) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** The name as written in rules. */
    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean accepts(int args) {
        return args >= minArgs && args <= maxArgs;
    }

    /** "takes 1 argument", "takes at least 2 arguments". */
    public String arityText() {
        if (maxArgs == Integer.MAX_VALUE) {
            return "takes at least " + minArgs + " arguments";
        }
        return "takes " + minArgs + (minArgs == 1 ? " argument" : " arguments");
    }

    private static final java.util.Map<String, Function> BY_NAME = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Function::spelling, f -> f));

    /** The function called {@code name}, or null. */
    public static Function named(String name) {
        return BY_NAME.get(name);
    }

    public static java.util.List<String> spellings() {
        return java.util.Arrays.stream(values()).map(Function::spelling).toList();
    }
}
