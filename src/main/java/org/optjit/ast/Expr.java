package org.optjit.ast;

import java.util.List;

/** Expressions. Every node is immutable and carries the {@link Span} it was written at. */
public sealed interface Expr {

    Span span();

    /** A numeric literal; {@code text} is kept so the printer reproduces it exactly. */
    record Num(double value, String text, Span span) implements Expr {
    }

    /** A read of a variable (built-in, hyperparameter, state, step scalar or temporary). */
    record Name(String name, Span span) implements Expr {
    }

    /**
     * A call of a built-in function; {@code nameSpan} locates the function's name. A reduction
     * may carry a scope in brackets ({@code sum[row](e)}): {@code scope} is its name as
     * written and {@code scopeSpan} its location, both null when there is none.
     */
    record Call(String function, List<Expr> args, Span nameSpan, Span span, String scope, Span scopeSpan)
            implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        /** A call without a scope. */
        public Call(String function, List<Expr> args, Span nameSpan, Span span) {
            this(function, args, nameSpan, span, null, null);
        }
    }

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {
    }

    /** {@code span} locates the operator, where diagnostics about the operation point. */
    record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {
    }

    /** {@code cond ? ifTrue : ifFalse}; {@code span} locates the {@code ?}. */
    record Conditional(Expr cond, Expr ifTrue, Expr ifFalse, Span span) implements Expr {
    }
}
