package org.optjit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optjit.Backend;
import org.optjit.Rule;
import org.optjit.reference.References;
import org.optjit.reference.tensor.TensorReferences;

/**
 * The example files themselves: the promised set is there, each has a header that gives
 * its name, source, equations, defaults and conventions (the math is written once, there), and each
 * loads with a default for every hyperparameter, so {@code kernel.bind(Map.of())} works.
 */
class ExampleFilesTest {

    static Stream<String> names() {
        return Examples.NAMES.stream();
    }

    static Stream<String> tensorNames() {
        return Examples.TENSOR_NAMES.stream();
    }

    static Stream<String> allNames() {
        return Stream.concat(Examples.NAMES.stream(), Examples.TENSOR_NAMES.stream());
    }

    @Test
    void everyPromisedExampleIsThereAndHasAReference() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(Examples.DIR)) {
            s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".opt"))
                    .forEach(f -> files.add(f.substring(0, f.length() - ".opt".length())));
        }
        assertEquals(allNames().collect(java.util.stream.Collectors.toCollection(TreeSet::new)), files, "examples/*.opt");
        assertEquals(new TreeSet<>(Examples.NAMES), References.names(), "reference implementations");
        assertEquals(new TreeSet<>(Examples.TENSOR_NAMES), TensorReferences.names(), "tensor reference implementations");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allNames")
    void hasAHeaderWithNameSourceEquationsAndDefaults(String name) throws IOException {
        List<String> header = header(Files.readAllLines(Examples.path(name)));
        assertFalse(header.isEmpty(), name + ": no header comment");
        assertTrue(header.get(0).matches("# Name: " + Pattern.quote(name) + " -- \\S.*"),
                name + ": the header must start with '# Name: " + name + " -- <what it is>', not: " + header.get(0));
        assertTrue(section(header, "Source").length() > 20, name + ": no '# Source:' citing a paper or lecture");
        assertTrue(section(header, "Defaults").length() > 10, name + ": no '# Defaults:'");
        assertTrue(section(header, "Convention").length() > 10,
                name + ": no '# Convention:' (which choice the file makes where sources and libraries differ)");
        List<String> equations = sectionLines(header, "Equations");
        // A transform (clip_global_norm, agc) updates g and leaves w to the rule after it.
        String updated = TensorReferences.isTransform(name) ? "g" : "w";
        assertTrue(equations.stream().anyMatch(l -> l.contains(updated) && (l.contains("<-") || l.contains("="))),
                name + ": '# Equations:' must be followed by the update of " + updated + ", indented");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyHyperparameterHasADocumentedDefault(String name) throws IOException {
        checkDefaults(Examples.load(name), name);
    }

    /** The same for the tensor examples. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tensorNames")
    void everyHyperparameterOfATensorExampleHasADocumentedDefault(String name) throws IOException {
        checkDefaults(Examples.load(name), name);
    }

    private static void checkDefaults(Rule rule, String name) throws IOException {
        String defaults = section(header(Files.readAllLines(Examples.path(name))), "Defaults");
        assertFalse(rule.hyperparameters().isEmpty(), name + ": a rule without a learning rate?");
        for (Rule.Hyperparameter h : rule.hyperparameters()) {
            assertTrue(h.declared(), name + ": '" + h.name() + "' is an inferred hyperparameter (a typo?)");
            assertTrue(h.defaultValue().isPresent(), name + ": '" + h.name() + "' has no default");
            assertTrue(Pattern.compile("\\b" + Pattern.quote(h.name()) + "\\b").matcher(defaults).find(),
                    name + ": the header's Defaults do not mention '" + h.name() + "'");
        }
        // A transform compiles only in front of a rule that assigns w.
        Rule runnable = TensorReferences.isTransform(name)
                ? Rule.chain(rule, Examples.load(TensorReferences.SUCCESSOR)) : rule;
        Examples.compile(runnable, Backend.INTERPRETER).bind(Map.of());
    }

    /** The leading comment lines. */
    static List<String> header(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.startsWith("#")) {
                break;
            }
            out.add(l);
        }
        return out;
    }

    /** The lines after "# Key:" up to the next "# Other:" key. */
    static List<String> sectionLines(List<String> header, String key) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : header) {
            boolean isKey = l.matches("# [A-Z][a-z]+:.*");
            if (isKey) {
                in = l.startsWith("# " + key + ":");
                if (in) {
                    out.add(l.substring(("# " + key + ":").length()));
                }
            } else if (in) {
                out.add(l.substring(1));
            }
        }
        return out;
    }

    static String section(List<String> header, String key) {
        return String.join("\n", sectionLines(header, key)).trim();
    }
}
