package org.optjit.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.RuleException;
import org.optjit.ast.BinaryOp;
import org.optjit.ast.Expr;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;
import org.optjit.ast.UnaryOp;

class ParserTest {

    private static List<Stmt> parse(String s) {
        return RuleParser.parse(s, "<t>").statements();
    }

    private static Expr rhs(String s) {
        return ((Stmt.Assign) parse(s).get(0)).value();
    }

    @Test
    void powerBindsTighterThanUnaryMinusAndIsRightAssociative() {
        Expr.Unary neg = assertInstanceOf(Expr.Unary.class, rhs("w = -x^2"));
        assertEquals(UnaryOp.NEG, neg.op());
        assertEquals(BinaryOp.POW, ((Expr.Binary) neg.operand()).op());
        Expr.Binary pow = (Expr.Binary) rhs("w = a^b^c");
        assertInstanceOf(Expr.Name.class, pow.left());
        assertEquals(BinaryOp.POW, ((Expr.Binary) pow.right()).op());
    }

    @Test
    void subtractionIsLeftAssociativeAndProductsBindTighter() {
        Expr.Binary e = (Expr.Binary) rhs("w = a - b - c * d");
        assertEquals(BinaryOp.SUB, e.op());
        assertEquals(BinaryOp.SUB, ((Expr.Binary) e.left()).op());
        assertEquals(BinaryOp.MUL, ((Expr.Binary) e.right()).op());
    }

    @Test
    void logicAndConditionalLevels() {
        Expr.Conditional c = (Expr.Conditional) rhs("w = a < b || c > d && e == f ? 1 : 2");
        Expr.Binary or = (Expr.Binary) c.cond();
        assertEquals(BinaryOp.OR, or.op());
        assertEquals(BinaryOp.AND, ((Expr.Binary) or.right()).op());
    }

    @Test
    void numbersInEveryForm() {
        for (String[] n : new String[][] {{"1", "1"}, {"0.9", "0.9"}, {".5", "0.5"}, {"1e-8", "1e-8"}, {"2.", "2"},
                {"3E2", "300"}}) {
            Expr.Num num = (Expr.Num) rhs("w = " + n[0]);
            assertEquals(Double.parseDouble(n[1]), num.value());
            assertEquals(n[0], num.text());
        }
    }

    @Test
    void statementsIfElseChainsAndDeclarations() {
        List<Stmt> s = parse("hyper lr = 0.1, mu\nstate v = w; x += 1 # note\n"
                + "if a > 0 { x = 1 } else if a < 0 { x = 2 }\nelse {\n x = 3\n}\n");
        assertEquals(4, s.size());
        Stmt.HyperDecl h = (Stmt.HyperDecl) s.get(0);
        assertEquals(2, h.items().size());
        assertEquals(null, h.items().get(1).init());
        Stmt.If f = (Stmt.If) s.get(3);
        assertEquals(2, f.branches().size());
        assertEquals(1, f.otherwise().size());
    }

    @Test
    void spansLocateNodes() {
        Stmt.Assign a = (Stmt.Assign) parse("\n  w -= sqrt(g)")
                .get(0);
        assertEquals(new Span(2, 3, 1), a.span());
        Expr.Call c = (Expr.Call) a.value();
        assertEquals(new Span(2, 8, 4), c.nameSpan());
        assertEquals(new Span(2, 8, 7), c.span());
    }

    @Test
    void syntaxErrorsAreLocatedAndPlain() {
        RuleException e = assertThrows(RuleException.class, () -> RuleParser.parse("w = 1\nw -= (g\n", "r.opt"));
        assertEquals("r.opt:2:8: error: missing ')' before end of line\n    w -= (g\n           ^",
                e.diagnostics().get(0).format());
    }
}
