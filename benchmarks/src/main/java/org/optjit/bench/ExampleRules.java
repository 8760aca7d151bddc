package org.optjit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.optjit.Rule;

/** The example rules, packed into the benchmarks jar from {@code examples/} (see pom.xml). */
final class ExampleRules {

    private ExampleRules() {
    }

    /** The source text of {@code examples/<name>.opt}. */
    static String source(String name) {
        try (InputStream in = ExampleRules.class.getResourceAsStream("/examples/" + name + ".opt")) {
            if (in == null) {
                throw new IllegalArgumentException("no example rule '" + name + "' in the benchmarks jar"
                        + " (examples/" + name + ".opt); rebuild it after adding the file");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code examples/<name>.opt}, parsed and analysed; {@code a+b} chains two examples, as the command line does. */
    static Rule rule(String name) {
        if (name.contains("+")) {
            return Rule.chain(java.util.Arrays.stream(name.split("\\+")).map(ExampleRules::rule).toArray(Rule[]::new));
        }
        return Rule.parse(source(name), name + ".opt");
    }

    /**
     * The {@code threads} parameter of the benchmarks: a number, or {@code all} for every
     * available processor.
     */
    static int threads(String param) {
        return param.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(param);
    }
}
