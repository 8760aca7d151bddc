package org.optjit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and commit optjit was built from: {@code org/optjit/git.properties}, written
 * at build time by the git-commit-id plugin (see pom.xml). Nothing runs git at run time,
 * so a run in a user's folder never depends on that folder being a repository.
 */
final class BuildInfo {

    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/org/optjit/git.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build information: reported as unknown
        }
        return p;
    }

    static String version() {
        return PROPS.getProperty("git.build.version", "unknown");
    }

    /** The full commit id, with " (uncommitted changes)" when the build tree was dirty; "unknown" outside git. */
    static String commit() {
        String id = PROPS.getProperty("git.commit.id");
        if (id == null || id.isBlank()) {
            return "unknown";
        }
        return id + ("true".equals(PROPS.getProperty("git.dirty")) ? " (uncommitted changes)" : "");
    }
}
