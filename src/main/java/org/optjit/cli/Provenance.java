package org.optjit.cli;

import org.optjit.train.Plural;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.optjit.Rule;
import org.optjit.blas.BlasLibrary;
import org.optjit.train.checkpoint.Fingerprint;

/**
 * What a run folder keeps so that the run can be understood and repeated: the exact
 * command line ({@value #ARGS}, one argument a line, for {@code optjit rerun}), a copy of
 * every rule's source under {@code source/<k>/<file name>}, and {@value #FILE}: the
 * resolved hyperparameters (defaults included), the seed, the backend, optjit's version and
 * commit, the JDK, the BLAS, the processor and the operating system.
 */
final class Provenance {

    static final String FILE = "provenance.txt";
    static final String ARGS = "command.args";
    static final String SOURCES = "source";

    private Provenance() {
    }

    /** One rule of the run: the path as the user gave it, the parsed rule, the values it runs with. */
    record RuleRun(Path file, Rule rule, String hypers) {
    }

    static void write(Path dir, List<String> args, List<RuleRun> rules, String seed, String backend) {
        RunDirectories.createDirectories(dir);
        StringBuilder sb = new StringBuilder();
        sb.append("command: optjit ").append(String.join(" ", args.stream().map(Provenance::quoted).toList())).append('\n');
        sb.append("working directory: ").append(Path.of("").toAbsolutePath()).append('\n');
        sb.append("started: ").append(OffsetDateTime.now(ZoneOffset.UTC).withNano(0)).append('\n');
        for (int k = 0; k < rules.size(); k++) {
            RuleRun r = rules.get(k);
            Path copy = Path.of(SOURCES, Integer.toString(k + 1), r.file().getFileName().toString());
            RunDirectories.write(dir.resolve(copy), r.rule().source());
            sb.append("rule: ").append(r.rule().name()).append(" from ").append(r.file()).append(", ")
                    .append(Fingerprint.sha256(r.rule().source())).append(", copy in ").append(copy).append('\n');
            sb.append("hyperparameters of ").append(r.rule().name()).append(": ").append(r.hypers()).append('\n');
        }
        sb.append("seed: ").append(seed).append('\n');
        sb.append("backend: ").append(backend).append('\n');
        sb.append("optjit: ").append(BuildInfo.version()).append(", commit ").append(BuildInfo.commit()).append('\n');
        sb.append("jdk: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(" (").append(System.getProperty("java.vendor")).append(")\n");
        sb.append("blas: ").append(BlasLibrary.describe()).append('\n');
        sb.append("processor: ").append(processor()).append(", ").append(Plural.of(Runtime.getRuntime()
                .availableProcessors(), "processor")).append(" available\n");
        sb.append("os: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        RunDirectories.write(dir.resolve(FILE), sb.toString());
        StringBuilder a = new StringBuilder();
        for (String arg : args) {
            a.append(escape(arg)).append('\n');
        }
        RunDirectories.write(dir.resolve(ARGS), a.toString());
        StringBuilder files = new StringBuilder();
        for (RuleRun r : rules) {
            files.append(escape(r.file().toString())).append('\n');
        }
        RunDirectories.write(dir.resolve(SOURCES).resolve(RULE_ARGS), files.toString());
    }

    /** Under {@value #SOURCES}: the rule files as the command line named them, one a line. */
    static final String RULE_ARGS = "files.args";

    private static String escape(String arg) {
        return arg.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** Every hyperparameter value a run uses, defaults included, and the biases' where they differ. */
    static String resolvedHypers(org.optjit.Kernel k, org.optjit.train.TrainConfig c) {
        org.optjit.Optimizer o = k.bind(c.hypers());
        StringBuilder sb = new StringBuilder();
        for (String name : o.hyperparameterNames()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(name).append('=').append(org.optjit.ast.AstPrinter.number(o.get(name)));
        }
        if (!c.biasHypers().isEmpty()) {
            sb.append("; biases: ");
            c.biasHypers().forEach((n, v) -> sb.append(n).append('=').append(org.optjit.ast.AstPrinter.number(v)).append(' '));
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /** The whole command line of this process, as picocli received it. */
    static List<String> commandLine(picocli.CommandLine.Model.CommandSpec spec) {
        picocli.CommandLine.ParseResult root = spec.root().commandLine().getParseResult();
        return root == null ? List.of(spec.name()) : root.originalArgs();
    }

    /** The command line a run folder recorded. */
    static List<String> args(Path dir) {
        return lines(dir.resolve(ARGS));
    }

    /** The rule files as the recorded command line named them, in the order of their copies. */
    static List<String> ruleArgs(Path dir) {
        return lines(dir.resolve(SOURCES).resolve(RULE_ARGS));
    }

    /** The copy of the {@code k}-th rule (0-based) in a run folder. */
    static Path ruleCopy(Path dir, int k, String file) {
        return dir.resolve(SOURCES).resolve(Integer.toString(k + 1)).resolve(Path.of(file).getFileName().toString());
    }

    private static List<String> lines(Path file) {
        Path dir = file.getParent();
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                out.add(unescape(line));
            }
        } catch (IOException e) {
            throw new UserError(dir + ": not a run folder of optjit (cannot read " + file.getFileName() + ": "
                    + e.getMessage() + ")");
        }
        return out;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String quoted(String arg) {
        return arg.matches("[A-Za-z0-9_./=,:+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    /** The processor's model name where the system says it (Linux), else the architecture. */
    static String processor() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try (var lines = Files.lines(cpuinfo)) {
                var model = lines.filter(l -> l.toLowerCase(Locale.ROOT).startsWith("model name")).findFirst();
                if (model.isPresent()) {
                    return model.get().substring(model.get().indexOf(':') + 1).trim();
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // fall through to the architecture
            }
        }
        String id = System.getenv("PROCESSOR_IDENTIFIER");
        return id != null ? id : System.getProperty("os.arch");
    }
}
