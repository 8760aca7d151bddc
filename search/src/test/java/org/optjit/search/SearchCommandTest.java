package org.optjit.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optjit.search.cli.SearchMain;
import org.optjit.search.evolve.Budget;
import picocli.CommandLine;

/** Mistakes on the command line: exit status 2 and one located sentence, before Spark starts. */
class SearchCommandTest {

    private record Run(int status, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = SearchMain.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void budgetsAreEvaluationsOrDurations() {
        assertEquals(new Budget(Budget.Kind.EVALUATIONS, 2000), Budget.parse("2000"));
        assertEquals(new Budget(Budget.Kind.SECONDS, 600), Budget.parse("10m"));
        assertEquals(new Budget(Budget.Kind.SECONDS, 7200), Budget.parse("2h"));
        assertEquals(new Budget(Budget.Kind.SECONDS, 90), Budget.parse("90s"));
        assertThrows(IllegalArgumentException.class, () -> Budget.parse("ten minutes"));
        assertThrows(IllegalArgumentException.class, () -> Budget.parse("0"));
    }

    @Test
    void badInputExitsWithStatusTwoAndASentence(@TempDir Path tmp) throws Exception {
        Run r = run("--budget", "lots", "--out", tmp.resolve("a").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("'lots' is not a budget"), r.err());

        r = run("--out", tmp.resolve("a").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--budget is required"), r.err());

        r = run("--budget", "10", "--out", tmp.resolve("a").toString(), tmp.resolve("missing.opt").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("missing.opt: no such file"), r.err());

        Path bad = tmp.resolve("bad.opt");
        Files.writeString(bad, "w -= eps*g +\n");
        r = run("--budget", "10", "--out", tmp.resolve("a").toString(), bad.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("bad.opt:1:"), r.err());

        Path noDefault = tmp.resolve("nodefault.opt");
        Files.writeString(noDefault, "v = mu*v - eps*g\nw += v\n");
        r = run("--budget", "10", "--out", tmp.resolve("a").toString(), noDefault.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("none for: mu"), r.err());

        r = run("--resume", "--out", tmp.resolve("nothing").toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("holds no search"), r.err());

        // a cluster needs the search's jar to send to its executors; these tests run from class directories
        r = run("--budget", "10", "--master", "spark://127.0.0.1:1", "--out", tmp.resolve("c").toString(),
                "--examples", TestRules.examples().toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--master spark://127.0.0.1:1: ") && r.err().contains("not a jar"), r.err());

        r = run("--budget", "10", "--algorithm", "genetic");
        assertEquals(2, r.status());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
