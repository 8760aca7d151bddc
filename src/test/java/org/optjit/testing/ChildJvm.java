package org.optjit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a fresh JVM: the same java binary, the given
 * JVM options, and (unless told otherwise) the Vector API module. For what one JVM cannot
 * show about itself: class unloading under a small metaspace, C2-compiled code
 * ({@code -Xbatch}), or a JVM started without {@code jdk.incubator.vector}.
 *
 * @param exitCode the child's exit status (-1 when it timed out)
 * @param output   its standard output and error, interleaved
 */
public record ChildJvm(int exitCode, String output) {

    /** Runs {@code main} with the Vector API module added. */
    public static ChildJvm run(Class<?> main, List<String> jvmOptions, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(main, true, jvmOptions, args, timeoutSeconds);
    }

    /** Runs {@code main}, with or without {@code --add-modules jdk.incubator.vector}. */
    public static ChildJvm run(Class<?> main, boolean vectorModule, List<String> jvmOptions, List<String> args,
                               long timeoutSeconds) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (vectorModule) {
            command.add("--add-modules=jdk.incubator.vector");
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            // Read while it runs: a child that fills the pipe would otherwise never finish.
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                return new ChildJvm(-1, "timed out after " + timeoutSeconds + " s\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new ChildJvm(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
