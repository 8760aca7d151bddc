package org.optjit.ast;

/**
 * Binary operators with their precedence (higher binds tighter) and what they take and give.
 * The table is the one in docs/language.md; the printer uses it to place parentheses.
 */
public enum BinaryOp {
    OR("||", 1, Kind.LOGIC),
    AND("&&", 2, Kind.LOGIC),
    LT("<", 3, Kind.COMPARE), LE("<=", 3, Kind.COMPARE), GT(">", 3, Kind.COMPARE),
    GE(">=", 3, Kind.COMPARE), EQ("==", 3, Kind.COMPARE), NE("!=", 3, Kind.COMPARE),
    ADD("+", 4, Kind.ARITH), SUB("-", 4, Kind.ARITH),
    MUL("*", 5, Kind.ARITH), DIV("/", 5, Kind.ARITH),
    /** Remainder with the sign of the dividend (Java's {@code %}). */
    MOD("%", 5, Kind.ARITH),
    /** Right-associative, and tighter than the prefix operators (level 6). */
    POW("^", 7, Kind.ARITH);

    /** Numbers to number, numbers to truth value, truth values to truth value. */
    public enum Kind { ARITH, COMPARE, LOGIC }

    /** Precedence of the prefix operators, between {@code * /} and {@code ^}. */
    public static final int PREFIX_PRECEDENCE = 6;

    private final String symbol;
    private final int precedence;
    private final Kind kind;

    BinaryOp(String symbol, int precedence, Kind kind) {
        this.symbol = symbol;
        this.precedence = precedence;
        this.kind = kind;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }

    public Kind kind() {
        return kind;
    }

    private static final java.util.Map<String, BinaryOp> BY_SYMBOL = java.util.Arrays.stream(values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(BinaryOp::symbol, op -> op));

    /** The operator written {@code symbol}. */
    public static BinaryOp of(String symbol) {
        BinaryOp op = BY_SYMBOL.get(symbol);
        if (op == null) {
            throw new IllegalArgumentException(symbol);
        }
        return op;
    }

    public boolean rightAssociative() {
        return this == POW;
    }
}
