package org.optjit.ast;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/** Walks over the calls of an expression, without recursion. */
public final class Exprs {

    private Exprs() {
    }

    /** Every call in {@code root}, outermost first. */
    public static void calls(Expr root, Consumer<Expr.Call> action) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            if (e instanceof Expr.Call c) {
                action.accept(c);
                c.args().forEach(stack::push);
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
