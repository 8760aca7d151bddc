package org.optjit.ast;

/** Prefix operators. {@link #NOT} takes and gives a truth value; the others numbers. */
public enum UnaryOp {
    NEG("-"), PLUS("+"), NOT("!");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
