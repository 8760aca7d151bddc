package org.optjit.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optjit.Diagnostic;
import org.optjit.Rule;
import org.optjit.RuleException;
import org.optjit.ir.Program;

/**
 * Input meant to break the front end: each gets a clear, located error (or compiles),
 * never a stack trace, StackOverflowError or hang.
 */
class HostileInputTest {

    private static RuleException rejected(String source) {
        return assertThrows(RuleException.class, () -> Rule.parse(source));
    }

    @Test
    void tenThousandNestedParenthesesAreTooDeep() {
        String source = "w = " + "(".repeat(10_000) + "g" + ")".repeat(10_000);
        RuleException e = rejected(source);
        assertEquals(1, e.diagnostics().size());
        Diagnostic d = e.diagnostics().get(0);
        assertTrue(d.message().startsWith("nested too deeply"), d.message());
        assertEquals(1, d.line());
        assertEquals(5 + 200, d.column(), "points at the first parenthesis past the limit");
    }

    @Test
    void otherDeepRecursionIsRejectedToo() {
        for (String source : new String[] {
                "w = " + "-".repeat(10_000) + "g",
                "w = g" + "^g".repeat(10_000),
                "w = " + "g > 0 ? 1 : ".repeat(10_000) + "0",
                "if g > 0 {\n".repeat(10_000) + "w = 1\n" + "}\n".repeat(10_000)}) {
            assertTrue(rejected(source).diagnostics().get(0).message().startsWith("nested too deeply"));
        }
    }

    @Test
    void nestingUpToTheLimitCompiles() {
        String source = "w = " + "(".repeat(150) + "g" + ")".repeat(150);
        assertEquals(1, Rule.parse(source).program().body().outputs().size());
    }

    @Test
    void nestingTheLanguageAllowsCompilesEvenOnASmallStack() throws InterruptedException {
        String source = "w = " + "sqrt(".repeat(199) + "g" + ")".repeat(199);
        Object[] result = new Object[1];
        Thread small = new Thread(null, () -> {
            try {
                result[0] = Rule.parse(source).program().body().size();
            } catch (Throwable e) {
                result[0] = e;
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertEquals(200, result[0], "a load of g and 199 square roots");
    }

    @Test
    void aHundredThousandLineRuleCompiles() {
        StringBuilder sb = new StringBuilder("hyper lr = 0.001\n");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i % 2 == 0 ? "x = x * 0.5 + g\n" : "if x > lr { w -= lr * x } else { w += lr }\n");
        }
        Program p = Rule.parse(sb.toString()).program();
        assertEquals(1, p.states().size(), "x is the only state");
        assertEquals(2, p.body().outputs().size(), "w and x stored once each");
    }

    @Test
    void aHundredThousandTermSumCompilesOrFailsCleanly() {
        String source = "w = g" + " + g".repeat(100_000);
        try {
            assertEquals(100_001, Rule.parse(source).program().body().size(), "a load of g and one add per term");
        } catch (RuleException e) {
            assertFalse(e.diagnostics().isEmpty());
        }
    }

    @Test
    void binaryGarbageGetsAShortClearError() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        RuleException e = rejected(new String(bytes, StandardCharsets.ISO_8859_1));
        assertFalse(e.diagnostics().isEmpty());
        assertTrue(e.diagnostics().size() <= 10, "capped, not one error per byte");
        String text = e.getMessage();
        assertTrue(text.startsWith("<input>:"), text);
        assertTrue(text.chars().noneMatch(c -> c < 0x20 && c != '\n'), "no control characters are printed");
    }

    @Test
    void garbageWithoutNulBytesGetsSyntaxErrors() {
        RuleException e = rejected("\u0001\u0002 w = = $$ \u00ff\n");
        assertTrue(e.diagnostics().get(0).message().startsWith("unexpected character U+0001"),
                e.diagnostics().get(0).message());
    }

    @Test
    void emptyFileIsRejected() {
        RuleException e = rejected("");
        assertEquals("<input>:1:1: error: the rule is empty; a rule must assign 'w', e.g. 'w -= eps * g'",
                e.diagnostics().get(0).format().split("\n")[0]);
    }
}
