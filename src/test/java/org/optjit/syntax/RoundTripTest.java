package org.optjit.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.RuleException;
import org.optjit.ast.AstPrinter;
import org.optjit.ast.RuleAst;
import org.optjit.ast.SpanEraser;

/** Parse, print, parse again: the same tree (spans aside), on every corpus file that parses. */
class RoundTripTest {

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path root = Path.of(RoundTripTest.class.getResource("/corpus").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".opt")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void printingAndReparsingGivesTheSameTree(Path file) throws IOException {
        RuleAst first;
        try {
            first = RuleParser.parse(Files.readString(file), file.toString());
        } catch (RuleException e) {
            return; // a syntax error file: nothing to print
        }
        assertRoundTrips(first);
    }

    @Test
    void precedenceSensitiveShapesKeepTheirParentheses() {
        for (String s : List.of("w = (-g)^2", "w = -g^2", "w = (g^2)^3", "w = g^2^3", "w = g^-2",
                "w = a - b - (c - d)", "w = a / (b * c)", "w = (a ? b : c) ? d : e", "w = a ? b : c ? d : e",
                "w = !(a < b) ? 1 : 0", "w = (a || b) && c ? 1 : 0", "w = -(a + b)", "w = 2^(g - 1)")) {
            RuleAst ast = RuleParser.parse(s, "<t>");
            assertEquals(s + "\n", AstPrinter.print(ast), "prints back as written");
            assertRoundTrips(ast);
        }
    }

    private static void assertRoundTrips(RuleAst first) {
        String printed = AstPrinter.print(first);
        RuleAst second = RuleParser.parse(printed, "<printed>");
        assertEquals(SpanEraser.erase(first.statements()), SpanEraser.erase(second.statements()), printed);
        assertEquals(printed, AstPrinter.print(second), "printing is a fixed point");
    }
}
