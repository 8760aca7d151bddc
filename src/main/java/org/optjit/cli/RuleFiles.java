package org.optjit.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rule files given to a command that runs several: the same file twice is a mistake, not a comparison. */
final class RuleFiles {

    private RuleFiles() {
    }

    static void noneTwice(List<Path> files) {
        Map<Path, Path> seen = new HashMap<>();
        for (Path f : files) {
            Path key = f.toAbsolutePath().normalize();
            Path first = seen.putIfAbsent(key, f);
            if (first != null) {
                throw new UserError(f + " is given twice" + (first.toString().equals(f.toString()) ? "" : " (also as "
                        + first + ")") + "; to see a rule's spread over seeds use --seeds N, to try other values --sweep");
            }
        }
    }
}
