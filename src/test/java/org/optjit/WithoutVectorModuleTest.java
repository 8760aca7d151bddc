package org.optjit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optjit.testing.ChildJvm;

/**
 * The Vector API is an incubator module that users may not add: without it AUTO must pick
 * SCALAR, every rule must still run, and VECTOR must refuse with a message saying how to
 * enable it (issue 3).
 */
class WithoutVectorModuleTest {

    @Test
    void autoFallsBackToScalarAndVectorExplainsTheFlag() throws Exception {
        ChildJvm r = ChildJvm.run(WithoutVectorModuleMain.class, false, List.of(), List.of("examples"), 120);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("vectorAvailable=false"), r.output());
        long examples;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".opt")).count();
        }
        assertTrue(examples >= 41, "examples/*.opt: " + examples);
        assertTrue(r.output().contains("auto=SCALAR for " + examples + " examples"), r.output());
        assertTrue(r.output().contains("VECTOR refused: the VECTOR backend needs the jdk.incubator.vector module:"
                + " start the JVM with --add-modules jdk.incubator.vector"), r.output());
        assertTrue(r.output().contains("VECTOR refused a rule over tensors: the VECTOR backend needs the"
                + " jdk.incubator.vector module"), r.output());
    }

    @Test
    void autoPicksVectorWhenTheModuleIsPresent() {
        // Surefire starts this JVM with the module.
        assertTrue(Kernel.vectorAvailable());
        assertEquals(Backend.VECTOR, Rule.parse("w -= lr*g").compile(Backend.AUTO).backend());
    }
}
