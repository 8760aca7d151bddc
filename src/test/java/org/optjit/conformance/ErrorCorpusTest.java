package org.optjit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.Diagnostic;
import org.optjit.Rule;
import org.optjit.RuleException;

/**
 * Every file of {@code corpus/error/} must be rejected with exactly the diagnostics written
 * in its {@code # error:} lines (the first line of each {@link Diagnostic#format()}), in
 * order, and each diagnostic must show its source line and a caret.
 */
class ErrorCorpusTest {

    static List<CorpusFile> files() {
        return CorpusFile.load("error");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void isRejectedWithTheExactMessages(CorpusFile f) {
        assertFalse(f.errors().isEmpty(), f.name() + " has no '# error:' line");
        RuleException e = assertThrows(RuleException.class, () -> Rule.parse(f.source()));
        List<String> firstLines = e.diagnostics().stream().map(d -> d.format().split("\n")[0]).toList();
        assertEquals(f.errors(), firstLines);
        for (Diagnostic d : e.diagnostics()) {
            String[] lines = d.format().split("\n");
            assertEquals(3, lines.length, d.format());
            assertEquals(d.column() + 4 - 1, lines[2].indexOf('^'), "caret under column " + d.column());
        }
    }
}
