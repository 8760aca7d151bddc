package org.optjit.ast;

/** {@code =} and the compound assignments; {@code x op= e} means {@code x = x op (e)}. */
public enum AssignOp {
    SET("=", null), ADD("+=", BinaryOp.ADD), SUB("-=", BinaryOp.SUB),
    MUL("*=", BinaryOp.MUL), DIV("/=", BinaryOp.DIV);

    private final String symbol;
    private final BinaryOp binary;

    AssignOp(String symbol, BinaryOp binary) {
        this.symbol = symbol;
        this.binary = binary;
    }

    public String symbol() {
        return symbol;
    }

    /** The arithmetic a compound assignment applies, or {@code null} for {@code =}. */
    public BinaryOp binary() {
        return binary;
    }

    public static AssignOp of(String symbol) {
        for (AssignOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException(symbol);
    }
}
