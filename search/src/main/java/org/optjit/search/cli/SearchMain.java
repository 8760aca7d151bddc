package org.optjit.search.cli;

import java.io.PrintWriter;
import org.optjit.RuleException;
import org.optjit.search.spark.ClusterException;
import picocli.CommandLine;

/** Entry point of {@code optjit search} (bin/optjit starts it with Spark on the class path). */
public final class SearchMain {

    public static final int BAD_INPUT = 2;

    private SearchMain() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SearchCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter err = line.getErr();
            if (ex instanceof RuleException || ex instanceof UserError) {
                err.println(ex.getMessage());
                return BAD_INPUT;
            }
            if (ex instanceof ClusterException) {
                // the cluster went away during the search: what was saved can be --resume'd
                err.println("optjit search: " + ex.getMessage() + "; the finished generations are saved (--resume)");
                return BAD_INPUT;
            }
            err.println("optjit search: internal error: " + ex);
            if (System.getenv("OPTJIT_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set OPTJIT_DEBUG=1 to see where)");
            }
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("optjit search: " + ex.getMessage());
            err.println("Try 'optjit search --help'.");
            return BAD_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
