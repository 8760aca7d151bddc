package org.optjit.search.evolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.optjit.train.AtomicFiles;

/**
 * A search's files under {@code --out}, each written atomically (a temporary file renamed
 * over the target, {@link AtomicFiles}), so a kill at any moment leaves the last finished
 * generation whole:
 * <ul>
 *   <li>{@code generations/gen-NNNNNN.jsonl}: one line per candidate evaluated in that generation;</li>
 *   <li>{@code search.json}: the configuration and the state after the last finished
 *       generation; written after the generation's file, so it never names a generation
 *       whose records are missing. A generation file beyond it (a kill between the two
 *       writes) is removed on resume and made again.</li>
 * </ul>
 */
public final class SearchStore {

    /** What {@code search.json} holds. */
    public record Saved(SearchConfig config, SearchState state) {
    }

    public static final String STATE_FILE = "search.json";
    public static final String GENERATIONS = "generations";
    public static final String EVALUATED = "evaluated.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    public SearchStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    public boolean exists() {
        return Files.exists(dir.resolve(STATE_FILE));
    }

    public Saved load() throws IOException {
        return JSON.readValue(Files.readString(dir.resolve(STATE_FILE)), Saved.class);
    }

    public void saveGeneration(int generation, List<Member> born) {
        StringBuilder sb = new StringBuilder();
        for (Member m : born) {
            sb.append(line(m)).append('\n');
        }
        write(generationFile(generation), sb.toString());
    }

    public void saveState(SearchConfig config, SearchState state) {
        try {
            write(dir.resolve(STATE_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Saved(config, state)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes generation files at or beyond {@code next} (left by a kill before the state was saved). */
    public void dropGenerationsFrom(int next) throws IOException {
        for (Path p : generationFiles()) {
            if (generationNumber(p) >= next) {
                Files.delete(p);
            }
        }
    }

    /** Every evaluated candidate, generation by generation, as one JSONL file. */
    public Path writeEvaluated() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path p : generationFiles()) {
            sb.append(Files.readString(p, StandardCharsets.UTF_8));
        }
        Path out = dir.resolve(EVALUATED);
        write(out, sb.toString());
        return out;
    }

    /** Every evaluated member, in order of birth. */
    public List<Member> readEvaluated() throws IOException {
        List<Member> out = new ArrayList<>();
        for (Path p : generationFiles()) {
            for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (!l.isBlank()) {
                    out.add(JSON.readValue(l, Member.class));
                }
            }
        }
        return out;
    }

    static String line(Member m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> generationFiles() throws IOException {
        Path g = dir.resolve(GENERATIONS);
        if (!Files.isDirectory(g)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(g)) {
            return s.filter(p -> p.getFileName().toString().matches("gen-\\d+\\.jsonl")).sorted().toList();
        }
    }

    private static int generationNumber(Path p) {
        String n = p.getFileName().toString();
        return Integer.parseInt(n.substring(4, n.length() - 6));
    }

    private Path generationFile(int generation) {
        return dir.resolve(GENERATIONS).resolve(String.format("gen-%06d.jsonl", generation));
    }

    private static void write(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
