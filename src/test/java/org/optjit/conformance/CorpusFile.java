package org.optjit.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One file of the conformance corpus and the expectations written in its header comments
 * (values are worked out by hand, never by the code under test):
 * <pre>
 * # set: lr=0.5 mu=0.25         hyperparameter values (others take their defaults)
 * # init: w=1,2 g=0.5,-1 v=0,0  weights, gradients, and state overriding its initialiser
 * # t: 10                       the step count before the first step (default 0)
 * # steps: 2                    how many steps (default 1; g is the same every step)
 * # expect: w=1.25,2 v=-0.25,0  exact float32 values after the steps (inf, -inf, nan)
 * # error: &lt;input&gt;:3:7: error: ...   (error/ files) the first line of each diagnostic
 * </pre>
 */
record CorpusFile(String name, String source, Map<String, Double> set, Map<String, float[]> init, long t,
                  int steps, Map<String, float[]> expect, List<String> errors) {

    static List<CorpusFile> load(String folder) {
        Path dir;
        try {
            dir = Path.of(CorpusFile.class.getResource("/corpus/" + folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".opt")).sorted().map(CorpusFile::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CorpusFile read(Path p) {
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> set = new LinkedHashMap<>();
        Map<String, float[]> init = new LinkedHashMap<>();
        Map<String, float[]> expect = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        long t = 0;
        int steps = 1;
        for (String line : text.split("\n")) {
            if (line.startsWith("# set:")) {
                for (String kv : fields(line)) {
                    set.put(key(kv), Double.parseDouble(value(kv)));
                }
            } else if (line.startsWith("# init:")) {
                fields(line).forEach(kv -> init.put(key(kv), floats(value(kv))));
            } else if (line.startsWith("# expect:")) {
                fields(line).forEach(kv -> expect.put(key(kv), floats(value(kv))));
            } else if (line.startsWith("# t:")) {
                t = Long.parseLong(rest(line));
            } else if (line.startsWith("# steps:")) {
                steps = Integer.parseInt(rest(line));
            } else if (line.startsWith("# error: ")) {
                errors.add(line.substring("# error: ".length()));
            }
        }
        return new CorpusFile(p.getFileName().toString(), text, set, init, t, steps, expect, errors);
    }

    private static String rest(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static List<String> fields(String line) {
        return List.of(rest(line).split("\\s+"));
    }

    private static String key(String kv) {
        return kv.substring(0, kv.indexOf('='));
    }

    private static String value(String kv) {
        return kv.substring(kv.indexOf('=') + 1);
    }

    private static float[] floats(String csv) {
        String[] parts = csv.split(",");
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parseFloat(parts[i]);
        }
        return out;
    }

    static float parseFloat(String s) {
        return switch (s) {
            case "inf" -> Float.POSITIVE_INFINITY;
            case "-inf" -> Float.NEGATIVE_INFINITY;
            case "nan" -> Float.NaN;
            default -> Float.parseFloat(s);
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
