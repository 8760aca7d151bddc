package org.optjit.cli;

import org.optjit.train.Plural;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code optjit rerun DIR}: repeats the run recorded in a run folder (its command line,
 * with the copies of its rules, into a new folder) and checks that every metric matches
 * bit for bit.
 */
@Command(name = "rerun", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Repeats a train or compare run from its folder and checks that its metrics match bit for bit.",
            "Uses the command line and the copies of the rules the folder holds; wall-time columns are not compared."},
        footer = {"", "Exit status: 0 the metrics match, 1 they differ, 2 bad input."})
public final class RerunCommand implements Callable<Integer> {

    /** Options of the recorded command that point at the old run and are dropped or replaced. */
    private static final Set<String> DROPPED_FLAGS = Set.of("--resume");
    private static final Set<String> DROPPED_WITH_VALUE = Set.of("--checkpoint", "--out");

    @Parameters(paramLabel = "DIR", description = "The folder of a train or compare run.")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the rerun goes (default: DIR-rerun, numbered if it exists).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": no such run folder");
        }
        List<String> recorded = Provenance.args(dir);
        if (recorded.isEmpty() || !Set.of("train", "compare").contains(recorded.get(0))) {
            throw new UserError(dir + ": the recorded command is not train or compare: " + recorded);
        }
        Path target = out != null ? out : fresh(dir);
        List<String> args = rewrite(recorded, Provenance.ruleArgs(dir), target);
        pw.println("rerunning: optjit " + String.join(" ", args));
        pw.flush();
        CommandLine cl = Main.commandLine();
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        int status = cl.execute(args.toArray(new String[0]));
        if (status != 0) {
            return status;
        }
        MetricsMatch.Result r = MetricsMatch.compare(dir, target);
        if (r.differences().isEmpty()) {
            pw.println("the metrics match bit for bit: " + Plural.of(r.files(), "file") + ", " + Plural.of(r.rows(), "row")
                    + " (wall-time columns not compared)");
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("the rerun differs from " + dir + " in " + Plural.of(r.differences().size(), "value") + ":");
        r.differences().stream().limit(20).forEach(d -> err.println("  " + d));
        return 1;
    }

    private static Path fresh(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path p = abs.resolveSibling(abs.getFileName() + "-rerun");
        for (int i = 2; Files.exists(p); i++) {
            p = abs.resolveSibling(abs.getFileName() + "-rerun-" + i);
        }
        return p;
    }

    /** The recorded arguments with the rules' copies for their files, a new --out, and no resume. */
    List<String> rewrite(List<String> recorded, List<String> ruleFiles, Path target) {
        List<String> out = new ArrayList<>();
        boolean[] replaced = new boolean[ruleFiles.size()];
        for (int i = 0; i < recorded.size(); i++) {
            String a = recorded.get(i);
            String name = a.contains("=") && a.startsWith("--") ? a.substring(0, a.indexOf('=')) : a;
            if (DROPPED_FLAGS.contains(a)) {
                continue;
            }
            if (DROPPED_WITH_VALUE.contains(name)) {
                if (name.equals(a)) {
                    i++;
                }
                continue;
            }
            String value = a.startsWith("--rule=") ? a.substring("--rule=".length()) : a;
            for (int k = 0; k < ruleFiles.size(); k++) {
                if (!replaced[k] && i > 0 && samePath(value, ruleFiles.get(k))) {
                    replaced[k] = true;
                    String copy = Provenance.ruleCopy(dir, k, ruleFiles.get(k)).toString();
                    a = a.startsWith("--rule=") ? "--rule=" + copy : copy;
                    break;
                }
            }
            out.add(a);
        }
        out.add("--out");
        out.add(target.toString());
        return out;
    }

    private static boolean samePath(String a, String b) {
        try {
            return Path.of(a).normalize().equals(Path.of(b).normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
