package org.optjit.cli;

import java.io.PrintWriter;
import org.optjit.RuleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code optjit} command line. The only place that prints for a user.
 *
 * <p>Exit status: 0 success, 1 an internal error (reported in one line, without a stack
 * trace unless {@code OPTJIT_DEBUG} is set), 2 bad input or bad usage.
 */
@Command(name = "optjit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Optimizer update rules compiled to fused JVM kernels.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status for bad input or usage. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Each command lives in its own class; register it here.
        cl.addSubcommand(new CheckCommand());
        cl.addSubcommand(new ExplainCommand());
        cl.addSubcommand(new BenchCommand());
        cl.addSubcommand(new TrainCommand());
        cl.addSubcommand(new CompareCommand());
        cl.addSubcommand(new TraceCommand());
        cl.addSubcommand(new RerunCommand());
        cl.addSubcommand(new SuiteCommand());
        cl.setExecutionExceptionHandler(Main::handleException);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("optjit: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        return cl;
    }

    private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof RuleException || ex instanceof UserError) {
            err.println(ex.getMessage());
            return BAD_INPUT;
        }
        err.println("optjit: internal error: " + ex);
        if (System.getenv("OPTJIT_DEBUG") != null) {
            ex.printStackTrace(err);
        } else {
            err.println("(set OPTJIT_DEBUG=1 to see where)");
        }
        return 1;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = commandLine().execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            System.err.println("optjit: input too large to process: " + e);
            status = BAD_INPUT;
        }
        System.exit(status);
    }

    /** Version from the jar manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"optjit " + BuildInfo.version(), "commit " + BuildInfo.commit()};
        }
    }
}
