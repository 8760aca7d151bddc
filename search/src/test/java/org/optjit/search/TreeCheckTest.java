package org.optjit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.Rule;
import org.optjit.RuleException;
import org.optjit.ast.AstPrinter;
import org.optjit.ast.SpanEraser;
import org.optjit.ast.Stmt;
import org.optjit.search.space.Mutator;
import org.optjit.search.space.Vocabulary;
import org.optjit.syntax.RuleParser;
import org.optjit.train.Rng;

/**
 * The checker builds each child's rule from its tree ({@link Rule#of}) instead of parsing
 * its text. That is the same search only if the tree is what the parser makes of the text:
 * checked here on children of every kind, by shape and by the compiled program's identity.
 */
class TreeCheckTest {

    private final Mutator mutator = new Mutator(Vocabulary.ofLanguage());

    @Test
    void childrenAreTheTreesOfTheirTextAndCompileToTheSameProgram() {
        Rng rng = new Rng(21);
        List<List<Stmt>> parents = new ArrayList<>();
        for (String name : List.of("sgd", "momentum", "adam", "lion", "rmsprop", "powersign", "lamb", "novograd", "adafactor")) {
            parents.add(RuleParser.parse(TestRules.seed(name).source(), "p.opt").statements());
        }
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < 1500; i++) {
            List<Stmt> a = parents.get(rng.nextInt(parents.size()));
            Mutator.Child c = switch (i % 3) {
                case 0 -> mutator.mutate(a, rng);
                case 1 -> mutator.cross(a, parents.get(rng.nextInt(parents.size())), rng);
                default -> mutator.random(rng);
            };
            String text = AstPrinter.print(c.statements());
            List<Stmt> reparsed = RuleParser.parse(text, "c.opt").statements();
            assertEquals(SpanEraser.erase(reparsed), SpanEraser.erase(c.statements()), text);
            String fromTree = identity(() -> Rule.of(c.statements(), "c.opt"));
            String fromText = identity(() -> Rule.parse(text, "c.opt"));
            assertEquals(fromText, fromTree, text);
            if (fromTree.equals("invalid")) {
                invalid++;
            } else {
                valid++;
                if (valid % 4 == 0 && parents.size() < 40) {
                    parents.add(c.statements());
                }
            }
        }
        assertTrue(valid > 500 && invalid > 20, valid + " valid, " + invalid + " invalid");
    }

    private static String identity(java.util.function.Supplier<Rule> rule) {
        try {
            return rule.get().identity();
        } catch (RuleException e) {
            // the same error, located differently (the tree's spans are not the text's)
            return "invalid";
        }
    }
}
