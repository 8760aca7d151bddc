package org.optjit.train.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.optjit.train.EarlyStopping;
import org.optjit.train.EpochMetrics;
import org.optjit.train.control.RateControllerState;

/**
 * The checkpoint file format (big-endian):
 * <pre>
 *   magic    8 bytes  "OPTJITCK"
 *   version  int      1
 *   length   long     number of body bytes
 *   body     length bytes (see {@link #encodeBody})
 *   sha256   32 bytes over everything before it
 * </pre>
 * Decoding checks magic, version, length and checksum before it reads a single field, and
 * builds a new {@link Checkpoint} without touching anything else, so a bad file can only
 * be refused as a whole.
 */
public final class CheckpointCodec {

    static final byte[] MAGIC = "OPTJITCK".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    private static final int HEADER = MAGIC.length + 4 + 8;
    private static final int DIGEST = 32;

    private CheckpointCodec() {
    }

    public static byte[] encode(Checkpoint c) {
        byte[] body = encodeBody(c);
        ByteBuffer out = ByteBuffer.allocate(HEADER + body.length + DIGEST);
        out.put(MAGIC).putInt(VERSION).putLong(body.length).put(body);
        out.put(sha256(out.array(), HEADER + body.length));
        return out.array();
    }

    /** Decodes a whole file; {@code name} is used in messages. */
    public static Checkpoint decode(byte[] file, String name) {
        if (file.length < MAGIC.length || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CheckpointException(name + ": not an optjit checkpoint");
        }
        if (file.length < HEADER + DIGEST) {
            throw new CheckpointException(name + ": truncated checkpoint (" + file.length + " bytes)");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        in.position(MAGIC.length);
        int version = in.getInt();
        if (version != VERSION) {
            throw new CheckpointException(name + ": checkpoint format version " + version
                    + " is not supported (this optjit reads version " + VERSION + ")");
        }
        long length = in.getLong();
        if (length != file.length - HEADER - DIGEST) {
            throw new CheckpointException(name + ": truncated or damaged checkpoint: header announces "
                    + (length + HEADER + DIGEST) + " bytes, the file has " + file.length);
        }
        byte[] expected = sha256(file, file.length - DIGEST);
        if (!Arrays.equals(expected, 0, DIGEST, file, file.length - DIGEST, file.length)) {
            throw new CheckpointException(name + ": corrupt checkpoint: SHA-256 checksum does not match its content");
        }
        try {
            return decodeBody(new DataInputStream(new ByteArrayInputStream(file, HEADER, (int) length)));
        } catch (IOException | RuntimeException e) {
            // The checksum matched, so this is a file written by a different (buggy) writer.
            throw new CheckpointException(name + ": malformed checkpoint body (" + e.getMessage() + ")");
        }
    }

    /**
     * Body: fingerprint (count, then key/value strings); seed; position (epoch, step in
     * epoch, step, loss sum, seconds); parameters (count, floats); optimizer (rule name,
     * t, count, then name and floats per array); controller (scale, best, since best,
     * recent errors); early stopping (best, best epoch, since best); history (count, then
     * epoch, step and six doubles per epoch).
     */
    static byte[] encodeBody(Checkpoint c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(c.fingerprint().entries().size());
            for (Map.Entry<String, String> e : c.fingerprint().entries().entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.writeLong(c.seed());
            Position p = c.position();
            out.writeInt(p.epoch());
            out.writeInt(p.stepInEpoch());
            out.writeLong(p.step());
            out.writeDouble(p.lossSum());
            out.writeDouble(p.seconds());
            writeFloats(out, c.params());
            writeString(out, c.optimizer().ruleName());
            out.writeLong(c.optimizer().t());
            out.writeInt(c.optimizer().arrays().size());
            for (Checkpoint.NamedArray a : c.optimizer().arrays()) {
                writeString(out, a.name());
                writeFloats(out, a.values());
            }
            RateControllerState r = c.controller();
            out.writeDouble(r.scale());
            out.writeDouble(r.best());
            out.writeInt(r.sinceBest());
            double[] recent = r.recent();
            out.writeInt(recent.length);
            for (double v : recent) {
                out.writeDouble(v);
            }
            out.writeDouble(c.stopping().best());
            out.writeInt(c.stopping().bestEpoch());
            out.writeInt(c.stopping().sinceBest());
            out.writeInt(c.history().size());
            for (EpochMetrics m : c.history()) {
                out.writeInt(m.epoch());
                out.writeLong(m.step());
                for (double v : new double[] {m.trainLoss(), m.valLoss(), m.valError(), m.testError(), m.seconds(), m.rate()}) {
                    out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Checkpoint decodeBody(DataInputStream in) throws IOException {
        int n = count(in);
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            entries.put(readString(in), readString(in));
        }
        long seed = in.readLong();
        Position position = new Position(in.readInt(), in.readInt(), in.readLong(), in.readDouble(), in.readDouble());
        float[] params = readFloats(in);
        String rule = readString(in);
        long t = in.readLong();
        int k = count(in);
        List<Checkpoint.NamedArray> arrays = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            arrays.add(new Checkpoint.NamedArray(readString(in), readFloats(in)));
        }
        double scale = in.readDouble();
        double best = in.readDouble();
        int sinceBest = in.readInt();
        double[] recent = new double[count(in)];
        for (int i = 0; i < recent.length; i++) {
            recent[i] = in.readDouble();
        }
        EarlyStopping.State stopping = new EarlyStopping.State(in.readDouble(), in.readInt(), in.readInt());
        int h = count(in);
        List<EpochMetrics> history = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            history.add(new EpochMetrics(in.readInt(), in.readLong(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
        }
        if (in.available() != 0) {
            throw new IOException(in.available() + " unexpected bytes at the end");
        }
        return new Checkpoint(new Fingerprint(entries), seed, position, params,
                new Checkpoint.OptimizerSnapshot(rule, t, arrays),
                new RateControllerState(scale, best, sinceBest, recent), stopping, history);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new EOFException("count " + n + " exceeds the remaining data");
        }
        return n;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(count(in)), StandardCharsets.UTF_8);
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length);
        b.asFloatBuffer().put(v);
        out.writeInt(v.length);
        out.write(b.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || 4L * n > in.available()) {
            throw new EOFException("array of " + n + " floats exceeds the remaining data");
        }
        float[] v = new float[n];
        ByteBuffer.wrap(in.readNBytes(4 * n)).asFloatBuffer().get(v);
        return v;
    }

    private static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
