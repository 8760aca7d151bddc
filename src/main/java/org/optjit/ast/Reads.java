package org.optjit.ast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** The variable reads of an expression, in source order, found without recursion. */
public final class Reads {

    private Reads() {
    }

    public static void forEach(Expr root, Consumer<Expr.Name> action) {
        forEachNode(root, e -> {
            if (e instanceof Expr.Name n) {
                action.accept(n);
            }
        });
    }

    /** Every node of an expression, in source order (pre-order), without recursion. */
    public static void forEachNode(Expr root, Consumer<Expr> action) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            action.accept(e);
            if (e instanceof Expr.Call c) {
                for (int i = c.args().size() - 1; i >= 0; i--) {
                    stack.push(c.args().get(i));
                }
            } else if (e instanceof Expr.Unary u) {
                stack.push(u.operand());
            } else if (e instanceof Expr.Binary b) {
                stack.push(b.right());
                stack.push(b.left());
            } else if (e instanceof Expr.Conditional c) {
                stack.push(c.ifFalse());
                stack.push(c.ifTrue());
                stack.push(c.cond());
            }
        }
    }
}
