package org.optjit.search.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a cluster's executors are sent: the search's jar and the libraries its manifest names. */
class ApplicationJarsTest {

    @Test
    void theJarAndTheLibrariesItsManifestNames(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(tmp.resolve("lib/core.jar"), "x");
        Files.writeString(tmp.resolve("lib/asm.jar"), "x");
        Path jar = tmp.resolve("optjit-search.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        // as maven-jar-plugin writes it; a name that is not there (a build that lost it) is left out
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/core.jar lib/asm.jar lib/gone.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        assertEquals(List.of(jar.toString(), tmp.resolve("lib/core.jar").toString(), tmp.resolve("lib/asm.jar").toString()),
                ApplicationJars.of(jar));
    }

    /** Run from the build's class directories (as these tests are), there is no jar to send: said in a sentence. */
    @Test
    void classesOutsideAJarCannotBeSent() {
        ClusterException e = assertThrows(ClusterException.class, () -> ApplicationJars.of(SparkEvaluator.class));
        assertTrue(e.getMessage().contains("not a jar") && e.getMessage().contains("bin/optjit search"), e.getMessage());
    }
}
