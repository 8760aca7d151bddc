package org.optjit.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.optjit.ast.AssignOp;
import org.optjit.ast.BinaryOp;
import org.optjit.ast.Expr;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;
import org.optjit.ast.UnaryOp;
import org.optjit.syntax.OptRuleParser.AddExprContext;
import org.optjit.syntax.OptRuleParser.AndExprContext;
import org.optjit.syntax.OptRuleParser.AtomContext;
import org.optjit.syntax.OptRuleParser.CmpExprContext;
import org.optjit.syntax.OptRuleParser.ExprContext;
import org.optjit.syntax.OptRuleParser.MulExprContext;
import org.optjit.syntax.OptRuleParser.OrExprContext;
import org.optjit.syntax.OptRuleParser.StatementContext;
import org.optjit.syntax.OptRuleParser.UnaryContext;

/**
 * Turns the contexts of an error-free parse into the AST. Methods are named after the
 * grammar rules they translate. It reads only the grammar's labels and each context's
 * first and last token, never a context's children: the parser builds no parse tree.
 * Binary levels are folded left to right in a loop (the grammar gives them as lists), so
 * only parentheses, prefix operators, {@code ^} and {@code ?:} recurse, and
 * {@link NestingCheck} has bounded those before parsing.
 */
final class AstBuilder {

    List<Stmt> ruleFile(OptRuleParser.RuleFileContext ctx) {
        return statements(ctx.statements);
    }

    private List<Stmt> statements(List<StatementContext> list) {
        List<Stmt> out = new ArrayList<>(list.size());
        for (StatementContext s : list) {
            out.add(statement(s));
        }
        return out;
    }

    private Stmt statement(StatementContext ctx) {
        if (ctx instanceof OptRuleParser.AssignContext a) {
            return new Stmt.Assign(a.target.getText(), AssignOp.of(a.op.getText()), expr(a.value), span(a.target));
        }
        if (ctx instanceof OptRuleParser.HyperDeclContext h) {
            List<Stmt.Declared> items = new ArrayList<>();
            for (OptRuleParser.HyperItemContext item : h.items) {
                items.add(declared(item.name, item.init));
            }
            return new Stmt.HyperDecl(items, span(h.getStart()));
        }
        if (ctx instanceof OptRuleParser.StateDeclContext d) {
            List<Stmt.Declared> items = new ArrayList<>();
            for (OptRuleParser.StateItemContext item : d.items) {
                Stmt.Declared plain = declared(item.name, item.init);
                items.add(item.shape == null ? plain : new Stmt.Declared(plain.name(), plain.init(), plain.span(),
                        item.shape.getText(), span(item.shape)));
            }
            return new Stmt.StateDecl(items, span(d.getStart()));
        }
        if (ctx instanceof OptRuleParser.EvaluateContext e) {
            return new Stmt.Evaluate(expr(e.value), span(e.getStart()));
        }
        OptRuleParser.IfContext f = (OptRuleParser.IfContext) ctx;
        List<Stmt.Branch> branches = new ArrayList<>();
        branches.add(new Stmt.Branch(expr(f.cond), statements(f.then.statements)));
        for (OptRuleParser.ElseIfContext e : f.elseIfs) {
            branches.add(new Stmt.Branch(expr(e.cond), statements(e.body.statements)));
        }
        List<Stmt> otherwise = f.last == null ? List.of() : statements(f.last.body.statements);
        return new Stmt.If(branches, otherwise, span(f.getStart()));
    }

    private Stmt.Declared declared(Token name, ExprContext init) {
        return new Stmt.Declared(name.getText(), init == null ? null : expr(init), span(name));
    }

    private Expr expr(ExprContext ctx) {
        Expr cond = orExpr(ctx.cond);
        if (ctx.then == null) {
            return cond;
        }
        return new Expr.Conditional(cond, expr(ctx.then), expr(ctx.otherwise), span(ctx));
    }

    private Expr orExpr(OrExprContext ctx) {
        return fold(ctx.operands, null, BinaryOp.OR, this::andExpr);
    }

    private Expr andExpr(AndExprContext ctx) {
        return fold(ctx.operands, null, BinaryOp.AND, this::cmpExpr);
    }

    private Expr cmpExpr(CmpExprContext ctx) {
        return fold(ctx.operands, ctx.ops, null, this::addExpr);
    }

    private Expr addExpr(AddExprContext ctx) {
        return fold(ctx.operands, ctx.ops, null, this::mulExpr);
    }

    private Expr mulExpr(MulExprContext ctx) {
        return fold(ctx.operands, ctx.ops, null, this::unary);
    }

    /**
     * One binary level, {@code a op b op c ...}, folded to the left in a loop. The operator
     * is {@code fixed} when the level has only one, else {@code ops.get(i)}.
     */
    private static <C extends ParserRuleContext> Expr fold(List<C> operands, List<Token> ops, BinaryOp fixed,
                                                           java.util.function.Function<C, Expr> operand) {
        Expr e = operand.apply(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            BinaryOp op = fixed != null ? fixed : binaryOp(ops.get(i - 1));
            e = binary(op, e, operand.apply(operands.get(i)), operands.get(i));
        }
        return e;
    }

    private Expr unary(UnaryContext ctx) {
        if (ctx instanceof OptRuleParser.PrefixContext p) {
            UnaryOp op = switch (p.op.getText()) {
                case "-" -> UnaryOp.NEG;
                case "+" -> UnaryOp.PLUS;
                default -> UnaryOp.NOT;
            };
            return new Expr.Unary(op, unary(p.operand), span(ctx));
        }
        OptRuleParser.PowerContext pow = ((OptRuleParser.PowerExprContext) ctx).value;
        Expr base = atom(pow.base);
        if (pow.exponent == null) {
            return base;
        }
        return new Expr.Binary(BinaryOp.POW, base, unary(pow.exponent), span(pow));
    }

    private Expr atom(AtomContext ctx) {
        if (ctx instanceof OptRuleParser.NumberContext n) {
            String text = n.getStart().getText();
            return new Expr.Num(Double.parseDouble(text), text, span(ctx));
        }
        if (ctx instanceof OptRuleParser.NameContext n) {
            return new Expr.Name(n.getStart().getText(), span(ctx));
        }
        if (ctx instanceof OptRuleParser.CallContext c) {
            List<Expr> args = new ArrayList<>();
            for (ExprContext a : c.args) {
                args.add(expr(a));
            }
            if (c.scope != null) {
                return new Expr.Call(c.fn.getText(), args, span(c.fn), span(ctx), c.scope.getText(), span(c.scope));
            }
            return new Expr.Call(c.fn.getText(), args, span(c.fn), span(ctx));
        }
        return expr(((OptRuleParser.ParenContext) ctx).inner);
    }

    /** A left-folded binary node spanning from the left operand to the right one. */
    private static Expr binary(BinaryOp op, Expr left, Expr right, ParserRuleContext rightCtx) {
        Span end = span(rightCtx);
        return new Expr.Binary(op, left, right, left.span().to(end));
    }

    private static BinaryOp binaryOp(Token t) {
        return BinaryOp.of(t.getText());
    }

    static Span span(Token t) {
        return new Span(t.getLine(), t.getCharPositionInLine() + 1, Math.max(1, length(t)));
    }

    /**
     * The length of a token's text. Names, numbers, literals and newlines are ASCII by the
     * grammar, so their length is their extent in the input, without building their text
     * (a new string each time); the end of file ("&lt;EOF&gt;") and a stray character (maybe a
     * surrogate pair) are measured by their text.
     */
    private static int length(Token t) {
        int type = t.getType();
        if (type == Token.EOF || type == OptRuleLexer.BAD) {
            return t.getText().length();
        }
        return t.getStopIndex() - t.getStartIndex() + 1;
    }

    /** From the first token of a rule to its last, clipped to the first line. */
    static Span span(ParserRuleContext ctx) {
        return span(ctx.getStart()).to(span(ctx.getStop()));
    }
}
