package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare: seeds, sweeps, per-rule --hyper, rules given twice, and defaults that differ from train's. */
class CompareExperimentsTest {

    private static final String[] SMALL = {"--data", "blobs", "--limit", "120,40,40", "--layers", "32-6-5",
        "--epochs", "2", "--threads", "1", "--backend", "interpreter"};

    static CliRunner compare(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("compare", "--out", out.toString()));
        all.addAll(List.of(SMALL));
        all.addAll(List.of(args));
        return CliRunner.run(all.toArray(new String[0]));
    }

    @Test
    void threeSeedsReportMeanAndSpreadThatMatchTheRuns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c");
        CliRunner r = compare(out, "examples/momentum.opt", "examples/sgd.opt", "--set", "eps=0.05", "--seeds", "3");
        assertEquals(0, r.status(), r.out() + r.err());
        String summary = Files.readString(out.resolve("summary.md"));
        double[] errors = new double[3];
        for (int s = 1; s <= 3; s++) {
            List<String> lines = Files.readAllLines(out.resolve("momentum/seed-" + s + "/metrics.csv"));
            String[] last = lines.get(lines.size() - 1).split(",");
            errors[s - 1] = Double.parseDouble(last[List.of(lines.get(0).split(",")).indexOf("test_error")]);
        }
        Spread expected = Spread.of(errors);
        assertTrue(expected.sd() > 0, "three seeds must give three different runs");
        Matcher m = Pattern.compile("\\| momentum \\|[^\\n]*").matcher(summary);
        assertTrue(m.find(), summary);
        assertTrue(m.group().contains(expected.text()), "expected test error " + expected.text() + " in " + m.group());
        assertTrue(summary.contains("mean ± sample standard deviation over 3 seeds"), summary);
        assertTrue(summary.contains("momentum (") && summary.contains("spread over seeds"), summary);
        assertTrue(Files.size(out.resolve("val-error.png")) > 0);
    }

    @Test
    void aSweepRunsEveryValueAndMarksTheBest(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c");
        CliRunner r = compare(out, "examples/momentum.opt", "--sweep", "eps=0.001,0.05");
        assertEquals(0, r.status(), r.out() + r.err());
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(Files.exists(out.resolve("momentum/eps=0.001/metrics.csv")));
        assertTrue(Files.exists(out.resolve("momentum/eps=0.05/metrics.csv")));
        assertEquals(1, summary.split("\\*\\*best\\*\\*", -1).length - 1, summary);
        CliRunner bad = compare(dir.resolve("d"), "examples/momentum.opt", "--sweep", "lr=0.1,0.2");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("no rule has a hyperparameter 'lr'"), bad.err());
    }

    @Test
    void hyperMayNameOneHyperparameterPerRule(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c");
        CliRunner r = compare(out, "examples/momentum.opt", "examples/adam.opt", "--hyper", "adam.beta1,momentum.mu",
                "--lr-control", "plateau");
        assertEquals(0, r.status(), r.out() + r.err());
        // the rate column records the controlled hyperparameter: beta1's default for adam, mu's for momentum
        assertTrue(Files.readAllLines(out.resolve("adam/metrics.csv")).get(1).endsWith(",0.9"));
        CliRunner bad = compare(dir.resolve("d"), "examples/momentum.opt", "--hyper", "nosuch.lr");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("no rule is labelled 'nosuch'"), bad.err());
    }

    @Test
    void rulesGivenTwiceGetAMessageAboutTheName(@TempDir Path dir) throws Exception {
        CliRunner same = compare(dir.resolve("a"), "examples/momentum.opt", "examples/momentum.opt");
        assertEquals(2, same.status());
        assertTrue(same.err().contains("examples/momentum.opt is given twice"), same.err());
        Path other = dir.resolve("other/momentum.opt");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "hyper eps = 0.01\nw -= eps*g\n");
        CliRunner named = compare(dir.resolve("b"), "examples/momentum.opt", other.toString(), "--set", "momentum.eps=0.1");
        assertEquals(2, named.status());
        assertTrue(named.err().contains("2 rules are called 'momentum'") && named.err().contains("momentum-1.eps"),
                named.err());
    }

    @Test
    void defaultsThatDifferFromTrainsArePrintedAndWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c");
        CliRunner r = compare(out, "examples/sgd.opt");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("defaults that differ from train's: --batch 10 (train: 128), --init sparse (train: fan-in)"),
                r.out());
        assertTrue(Files.readString(out.resolve("summary.md")).contains("- --batch 10 (train: 128)"));
        CliRunner given = compare(dir.resolve("d"), "examples/sgd.opt", "--batch", "128", "--init", "fan-in");
        assertTrue(!given.out().contains("differ from train's"), given.out());
    }

    @Test
    void severalRunsOfASeriesBecomeAMeanLineAndABand() {
        var runs = List.of(List.of(new CurveCharts.Point(1, 1.0), new CurveCharts.Point(2, 3.0)),
                List.of(new CurveCharts.Point(1, 3.0), new CurveCharts.Point(2, 3.0)));
        double[][] m = CurveCharts.meanAndSd(runs, false);
        assertEquals(2.0, m[1][0]);
        assertEquals(Math.sqrt(2), m[2][0], 1e-12);
        assertEquals(0.0, m[2][1]);
        var chart = CurveCharts.chart(java.util.Map.of("r", runs), "t", "epoch", "y", false);
        assertTrue(chart.getSeriesMap().containsKey("r ± sd") && chart.getSeriesMap().containsKey("r (mean of 2)"),
                chart.getSeriesMap().keySet().toString());
    }

    @Test
    void logAxesLabelEveryDecadeAndSaySo() throws Exception {
        var series = java.util.Map.of("a", List.of(List.of(new CurveCharts.Point(1, 0.031), new CurveCharts.Point(2, 0.027))));
        var chart = CurveCharts.chart(series, "t", "epoch", "loss", true);
        assertTrue(chart.getYAxisTitle().contains("log scale"), chart.getYAxisTitle());
        assertEquals(0.01, chart.getStyler().getYAxisMin(), 1e-12);
        assertEquals(0.1, chart.getStyler().getYAxisMax(), 1e-12);
    }
}
