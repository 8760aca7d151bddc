package org.optjit.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.Diagnostic;
import org.optjit.Rule;
import org.optjit.RuleException;

/** Warnings about valid rules that probably do not say what was meant. */
class LintTest {

    private static List<Diagnostic> warnings(String source) {
        return Rule.parse(source, "r.opt").warnings();
    }

    private static Diagnostic only(String source) {
        List<Diagnostic> w = warnings(source);
        assertEquals(1, w.size(), w.toString());
        return w.get(0);
    }

    @Test
    void aMisspeltHyperparameterBesideDeclaredOnesIsLocatedWithASuggestion() {
        Diagnostic d = only("hyper lr = 0.001, beta2 = 0.999\nv = betta2*v + (1-beta2)*g^2\nw -= lr*g/sqrt(v + 1e-8)\n");
        assertEquals(2, d.line());
        assertEquals(5, d.column());
        assertTrue(d.message().contains("did you mean 'beta2'?"), d.message());
        assertTrue(d.format("warning").startsWith("r.opt:2:5: warning: "), d.format("warning"));
    }

    @Test
    void inferredHyperparametersInAFileWithoutDeclarationsAreFine() {
        assertEquals(List.of(), warnings("v = mu*v - eps*g; w += v"));
    }

    @Test
    void declaredButNeverRead() {
        Diagnostic h = only("hyper lr = 0.1, wd = 0.01\nw -= lr*g\n");
        assertTrue(h.message().contains("hyperparameter 'wd' is declared but never read"), h.message());
        Diagnostic s = only("hyper lr = 0.1\nstate m = w\nw -= lr*g\n");
        assertTrue(s.message().contains("state 'm' is declared but never read"), s.message());
    }

    @Test
    void assignedButNeverReadOrNeverReachingTheWeights() {
        Diagnostic d = only("hyper lr = 0.1\nm = g*g\nw -= lr*g\n");
        assertEquals(2, d.line());
        assertTrue(d.message().contains("'m' is assigned but never read"), d.message());
        Diagnostic e = only("hyper lr = 0.1\nv = 0.9*v + g*g\nw -= lr*g\n");
        assertTrue(e.message().contains("'v' is computed but never affects 'w'"), e.message());
    }

    @Test
    void aNearMissOfABuiltInIsNamed() {
        Diagnostic d = only("w -= lr*G");
        assertTrue(d.message().contains("did you mean 'g'"), d.message());
        RuleException e = assertThrows(RuleException.class, () -> Rule.parse("W -= lr*g"));
        assertTrue(e.getMessage().contains("did you mean 'w' (the weight) instead of 'W'?"), e.getMessage());
    }

    @Test
    void functionNamesAndForeignKeywordsUsedAsNames() {
        assertTrue(only("exp = 2\nw -= exp*lr*g\n").message().contains("'exp' is the name of a function"));
        assertTrue(only("w -= lambda*g").message().contains("'lambda' is a keyword in other languages"));
    }

    @Test
    void strictModeTurnsWarningsIntoErrors() {
        Rule ok = Rule.parse("v = mu*v - eps*g; w += v");
        assertSame(ok, ok.strict());
        RuleException e = assertThrows(RuleException.class,
                () -> Rule.parse("hyper lr = 0.1, wd = 0\nw -= lr*g\n", "r.opt").strict());
        assertTrue(e.getMessage().startsWith("r.opt:1:17: error: hyperparameter 'wd'"), e.getMessage());
    }

    @Test
    void noExampleWarns() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("examples"))) {
            for (java.nio.file.Path p : files.filter(f -> f.toString().endsWith(".opt")).toList()) {
                assertEquals(List.of(), Rule.load(p).warnings(), p.toString());
            }
        }
    }
}
