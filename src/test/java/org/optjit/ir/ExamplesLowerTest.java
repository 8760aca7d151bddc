package org.optjit.ir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.ast.AstPrinter;
import org.optjit.ast.RuleAst;
import org.optjit.ast.SpanEraser;
import org.optjit.syntax.RuleParser;

/** Every shipped example lowers to a well-formed program and round-trips through the printer. */
class ExamplesLowerTest {

    static Stream<Path> examples() throws IOException {
        Path dir = Path.of("examples");
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".opt")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void lowersWellFormedAndRoundTrips(Path file) throws IOException {
        String source = Files.readString(file);
        Program p = FrontEnd.compile(source, file.toString());
        WellFormed.check(p);
        assertTrue(p.body().size() > 0);
        RuleAst ast = RuleParser.parse(source, file.toString());
        RuleAst again = RuleParser.parse(AstPrinter.print(ast), "<printed>");
        assertTrue(SpanEraser.erase(ast.statements()).equals(SpanEraser.erase(again.statements())), file.toString());
    }
}
