package org.optjit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics columns that do not apply to a run are absent, not NaN. */
class MetricsColumnsTest {

    @Test
    void aRateThatDoesNotApplyIsLeftOut(@TempDir Path dir) throws Exception {
        List<EpochMetrics> h = List.of(new EpochMetrics(1, 10, 0.5, 0.4, 0.1, 0.2, 1.5, Double.NaN),
                new EpochMetrics(2, 20, 0.3, 0.35, 0.09, 0.19, 1.4, Double.NaN));
        MetricsFiles.write(dir, h);
        List<String> csv = Files.readAllLines(dir.resolve(MetricsFiles.CSV));
        assertEquals("epoch,step,train_loss,val_loss,val_error,test_error,seconds", csv.get(0));
        assertFalse(String.join("\n", csv).contains("NaN"));
        String jsonl = Files.readString(dir.resolve(MetricsFiles.JSONL));
        assertFalse(jsonl.contains("rate") || jsonl.contains("null"), jsonl);
    }

    @Test
    void aColumnWithSomeValuesStaysAndItsGapsAreNullInJson(@TempDir Path dir) throws Exception {
        MetricsFiles.write(dir, List.of(new EpochMetrics(1, 10, Double.NaN, 0.4, 0.1, 0.2, 1.5, 0.01),
                new EpochMetrics(2, 20, 0.3, 0.35, 0.09, 0.19, 1.4, 0.01)));
        assertTrue(Files.readAllLines(dir.resolve(MetricsFiles.CSV)).get(0).endsWith(",rate"));
        assertTrue(Files.readString(dir.resolve(MetricsFiles.JSONL)).contains("\"train_loss\": null"));
    }
}
