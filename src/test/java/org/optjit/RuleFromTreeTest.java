package org.optjit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.optjit.ast.AssignOp;
import org.optjit.ast.AstPrinter;
import org.optjit.ast.Expr;
import org.optjit.ast.Span;
import org.optjit.ast.Stmt;
import org.optjit.syntax.RuleParser;

/** {@link Rule#of}: a rule from a syntax tree is the rule of its printed text, without the parser. */
class RuleFromTreeTest {

    @Test
    void everyExampleFromItsTreeIsTheSameProgramAsFromItsText() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".opt")).sorted().toList();
        }
        assertTrue(examples.size() > 30, "examples: " + examples.size());
        for (Path p : examples) {
            String text = Files.readString(p);
            Rule parsed = Rule.parse(text, p.toString());
            Rule fromTree = Rule.of(RuleParser.parse(text, p.toString()).statements(), p.toString());
            assertEquals(parsed.identity(), fromTree.identity(), p.toString());
            assertEquals(parsed.name(), fromTree.name(), p.toString());
            assertEquals(parsed.transform(), fromTree.transform(), p.toString());
            // its source is the printout, which parses to the same program again
            assertEquals(parsed.identity(), Rule.parse(fromTree.source()).identity(), p.toString());
        }
    }

    @Test
    void aTreeBuiltInCodeIsCheckedLikeText() {
        Expr g = new Expr.Name("g", Span.NONE);
        Expr step = new Expr.Binary(org.optjit.ast.BinaryOp.MUL, new Expr.Name("lr", Span.NONE),
                new Expr.Call("norm", List.of(g), Span.NONE, Span.NONE, "row", Span.NONE), Span.NONE);
        Rule r = Rule.of(List.of(new Stmt.Assign("w", AssignOp.SUB, step, Span.NONE)), "built.opt");
        assertEquals("w -= lr * norm[row](g)\n", r.source());
        assertEquals("built", r.name());
        assertEquals(Rule.parse(AstPrinter.print(r.ast().statements())).identity(), r.identity());
        // an error of the analysis is a RuleException, as for text
        Expr bad = new Expr.Call("max", List.of(g), Span.NONE, Span.NONE);
        RuleException e = assertThrows(RuleException.class,
                () -> Rule.of(List.of(new Stmt.Assign("w", AssignOp.SUB, bad, Span.NONE)), "bad.opt"));
        assertTrue(e.getMessage().contains("max[tensor]"), e.getMessage());
    }
}
