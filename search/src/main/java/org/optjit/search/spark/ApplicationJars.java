package org.optjit.search.spark;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The jars a cluster's executors need: the search's own jar and the libraries its manifest's
 * class path names ({@code lib/}: the core, ANTLR, ASM, the BLAS with its native library,
 * ...). Spark and its libraries are the cluster's own ({@code provided} in the module's pom),
 * so they are not sent. The driver gives these to {@code spark.jars}; each executor fetches
 * them from the driver when it starts.
 */
public final class ApplicationJars {

    private ApplicationJars() {
    }

    /**
     * The jar {@code anchor} was loaded from and the jars its manifest names.
     *
     * @throws ClusterException when {@code anchor} was not loaded from a jar (from the
     *     build's class directories): there is nothing to send
     */
    public static List<String> of(Class<?> anchor) {
        try {
            return of(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new ClusterException("cannot tell where the search's classes come from: " + e.getMessage(), e);
        }
    }

    /** {@code jar} and the jars its manifest names, as {@link #of(Class)}. */
    static List<String> of(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new ClusterException("the search's classes come from " + jar + ", not a jar, so a cluster's "
                    + "executors cannot be sent them; run the search from its jar (bin/optjit search, after "
                    + "mvn -f search/pom.xml package)", null);
        }
        List<String> out = new ArrayList<>();
        out.add(jar.toString());
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest m = file.getManifest();
            String classPath = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (classPath != null) {
                for (String entry : classPath.trim().split("\\s+")) {
                    Path lib = jar.getParent().resolve(entry);
                    if (Files.isRegularFile(lib)) {
                        out.add(lib.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new ClusterException("cannot read " + jar + ": " + e.getMessage(), e);
        }
        return out;
    }
}
