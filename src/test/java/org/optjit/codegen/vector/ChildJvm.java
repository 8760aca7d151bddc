package org.optjit.codegen.vector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a fresh JVM with the given JVM options. */
final class ChildJvm {

    /** What the child did: its exit status and everything it printed (stdout and stderr). */
    record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    static Result run(Class<?> main, List<String> jvmOptions, long timeoutSeconds) throws IOException,
            InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=jdk.incubator.vector");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(main.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
