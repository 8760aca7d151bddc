package org.optjit.cli;

import org.optjit.train.Plural;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.optjit.Rule;
import org.optjit.RuleException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code optjit check FILE...}: parses and analyses rules, reporting every problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check rule files and report every error with its location.",
                "Also warns about valid rules that probably do not say what was meant (a misspelt or unused name).",
                "Exit status: 0 when all files are valid (warnings or not), 2 otherwise; with --strict warnings count as errors."})
public final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "rule files (.opt)")
    List<Path> files;

    @picocli.CommandLine.Option(names = "--strict", description = "Treat warnings as errors (exit status 2).")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean ok = true;
        for (Path file : files) {
            try {
                Rule rule = Rule.load(file);
                List<org.optjit.Diagnostic> warnings = rule.warnings();
                for (org.optjit.Diagnostic w : warnings) {
                    err.println(w.format(strict ? "error" : "warning"));
                }
                if (strict && !warnings.isEmpty()) {
                    ok = false;
                    continue;
                }
                out.println(file + ": ok (" + Describe.roles(rule) + ")"
                        + (warnings.isEmpty() ? "" : ", " + Plural.of(warnings.size(), "warning")));
            } catch (RuleException e) {
                ok = false;
                err.println(e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return ok ? 0 : Main.BAD_INPUT;
    }
}
