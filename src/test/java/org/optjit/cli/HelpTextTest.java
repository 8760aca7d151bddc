package org.optjit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --help texts: the command list shows each command's first description line, so it must be a whole sentence. */
class HelpTextTest {

    @Test
    void everyCommandsFirstDescriptionLineIsAWholeSentence() {
        CommandLine cl = Main.commandLine();
        for (var e : cl.getSubcommands().entrySet()) {
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            assertTrue(d.length > 0, e.getKey());
            assertTrue(d[0].endsWith("."), e.getKey() + ": '" + d[0] + "' is cut off in the command list");
        }
    }

    @Test
    void theCommandListIsNotCut() {
        CliRunner r = CliRunner.run("--help");
        assertEquals(0, r.status());
        assertTrue(r.out().contains("explain  Show what a rule compiles to."), r.out());
        assertTrue(!r.out().matches("(?s).*,\\s*\\n\\s+bench.*"), r.out());
    }
}
