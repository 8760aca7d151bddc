package org.optjit.train.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a checkpoint belongs to: the rule (name and a hash of its source), its
 * hyperparameters, the network, the data and everything else that decides the sequence
 * of updates. A checkpoint is only resumed by a run with the same fingerprint, so that
 * resuming continues the same computation; the number of epochs is not part of it (a
 * finished run may be extended).
 *
 * @param entries named parts, in a fixed order
 */
public record Fingerprint(Map<String, String> entries) {

    public Fingerprint {
        entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The entries whose values differ, as "name: checkpoint has X, this run has Y". */
    public List<String> differences(Fingerprint current) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String now = current.entries.get(e.getKey());
            if (!e.getValue().equals(now)) {
                out.add(e.getKey() + ": the checkpoint has " + e.getValue() + ", this run has "
                        + (now == null ? "nothing" : now));
            }
        }
        for (String key : current.entries.keySet()) {
            if (!entries.containsKey(key)) {
                out.add(key + ": the checkpoint has nothing, this run has " + current.entries.get(key));
            }
        }
        return out;
    }

    /** A short hex SHA-256 of a text, for identifying a rule's source. */
    public static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
