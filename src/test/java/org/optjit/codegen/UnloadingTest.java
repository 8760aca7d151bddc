package org.optjit.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Generated kernels are hidden classes that are unloaded with their last instance: a JVM
 * with a 24 MB metaspace compiles 100,000 of them. Holding on to them instead must run out
 * of metaspace, which shows that the limit is small enough to catch a leak.
 */
class UnloadingTest {

    private static final String METASPACE = "-XX:MaxMetaspaceSize=24m";

    private static Process child(String... mainArgs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, METASPACE, "-Xmx256m",
                "-XX:TieredStopAtLevel=1", // the child only compiles rules: C1 suffices, saves CPU
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                CompileMany.class.getName()));
        command.addAll(List.of(mainArgs));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        String out;
        try {
            if (!p.waitFor(150, TimeUnit.SECONDS)) {
                throw new AssertionError("child JVM did not finish in time");
            }
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
        return out;
    }

    @Test
    void hundredThousandKernelsFitInASmallMetaspace() throws Exception {
        Process p = child("100000");
        String out = finish(p);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("compiled 100000"), out);
    }

    @Test
    void keepingTheKernelsExhaustsThatMetaspace() throws Exception {
        Process p = child("100000", "keep");
        String out = finish(p);
        assertTrue(p.exitValue() != 0 && out.contains("Metaspace"), out);
    }
}
