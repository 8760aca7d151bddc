package org.optjit.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In a child JVM that asks JavaCPP for a platform whose native jar is not shipped (as on a
 * machine the bundled OpenBLAS does not support), AUTO falls back to the Java BLAS and says
 * why, and NATIVE is refused with the reason; in a normal child JVM AUTO is native.
 */
class BlasFallbackTest {

    private static final String OTHER_PLATFORM = "-Dorg.bytedeco.javacpp.platform=linux-ppc64le";

    @Test
    void autoFallsBackToJavaWhenTheNativeLibraryCannotLoad() throws Exception {
        String out = probe(OTHER_PLATFORM, "AUTO");
        assertTrue(out.startsWith("java 12.0 VectorBLAS"), out);
        assertTrue(out.contains("native BLAS unavailable: UnsatisfiedLinkError"), out);
    }

    @Test
    void nativeIsRefusedWhenTheNativeLibraryCannotLoad() throws Exception {
        String out = probe(OTHER_PLATFORM, "NATIVE");
        assertTrue(out.startsWith("refused the native BLAS (OpenBLAS from org.bytedeco:openblas) cannot load"), out);
    }

    @Test
    void javaIsJavaAndAutoIsNativeOnThisPlatform() throws Exception {
        assertTrue(probe(null, "JAVA").startsWith("java 12.0 VectorBLAS"));
        String auto = probe(null, "AUTO");
        // the project ships linux-x86_64 only: elsewhere the fallback is the right answer
        boolean shipped = System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64");
        assertEquals(shipped, auto.startsWith("native 12.0 OpenBLAS"), auto);
    }

    private static String probe(String property, String choice) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules=jdk.incubator.vector");
        if (property != null) {
            cmd.add(property);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(BlasProbe.class.getName());
        cmd.add(choice);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
