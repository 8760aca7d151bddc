package org.optjit.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.optjit.search.evolve.SeedRule;
import org.optjit.search.space.SearchForm;
import org.optjit.ast.AstPrinter;

/** The example rules the tests start from, read from the repository's examples/. */
public final class TestRules {

    private TestRules() {
    }

    public static Path examples() {
        return Path.of("..", "examples");
    }

    public static SeedRule seed(String name) {
        try {
            Path p = examples().resolve(name + ".opt");
            return new SeedRule(name, AstPrinter.print(SearchForm.of(Files.readString(p), p.toString())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static List<SeedRule> seeds(String... names) {
        List<SeedRule> out = new ArrayList<>();
        for (String n : names) {
            out.add(seed(n));
        }
        return out;
    }
}
