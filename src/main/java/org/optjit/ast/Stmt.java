package org.optjit.ast;

import java.util.List;

/** Statements. Every node is immutable and carries the {@link Span} it was written at. */
public sealed interface Stmt {

    Span span();

    /** {@code target op value}; {@code span} locates the target name. */
    record Assign(String target, AssignOp op, Expr value, Span span) implements Stmt {
    }

    /**
     * {@code if c1 { } else if c2 { } ... else { }}, kept flat: a long {@code else if} chain
     * is a list, not a nest, so no later stage recurses over its length.
     *
     * @param branches  the conditions and their bodies, in order (at least one)
     * @param otherwise the final {@code else} body (empty when there is none)
     */
    record If(List<Branch> branches, List<Stmt> otherwise, Span span) implements Stmt {
        public If {
            branches = List.copyOf(branches);
            otherwise = List.copyOf(otherwise);
        }
    }

    record Branch(Expr cond, List<Stmt> body) {
        public Branch {
            body = List.copyOf(body);
        }
    }

    /** {@code hyper a = 1, b}. */
    record HyperDecl(List<Declared> items, Span span) implements Stmt {
        public HyperDecl {
            items = List.copyOf(items);
        }
    }

    /** {@code state v = w, m}. */
    record StateDecl(List<Declared> items, Span span) implements Stmt {
        public StateDecl {
            items = List.copyOf(items);
        }
    }

    /**
     * One declared name; {@code init} is {@code null} when no value is given. A state may
     * declare its shape class ({@code state v: tensor}): {@code shape} is the word as written
     * and {@code shapeSpan} its location, both null when none is given.
     */
    record Declared(String name, Expr init, Span span, String shape, Span shapeSpan) {

        public Declared(String name, Expr init, Span span) {
            this(name, init, span, null, null);
        }
    }

    /** {@code evaluate e}: the weights to evaluate the model with (averaged weights, say). */
    record Evaluate(Expr value, Span span) implements Stmt {
    }
}
