package org.optjit.codegen;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test main in a fresh JVM: the same java binary, the test class path and the
 * Vector API module, plus the given JVM options (a small metaspace, {@code -Xbatch}, ...).
 *
 * @param exitCode the child's exit status
 * @param output   its standard output and error, interleaved
 */
record ChildProcess(int exitCode, String output) {

    static ChildProcess run(Class<?> main, List<String> jvmOptions, List<String> args, int timeoutSeconds)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            // read while it runs: a child that fills the pipe would otherwise never finish
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError(main.getSimpleName() + " did not finish in " + timeoutSeconds + " s");
            }
            return new ChildProcess(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }
}
