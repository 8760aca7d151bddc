package org.optjit.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on small files written here: good, gzip, truncated, malformed. */
class IdxReaderTest {

    @TempDir
    Path dir;

    /** An IDX file of unsigned bytes with the given dimensions and data. */
    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 37);
        }
        return b;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsRawAndGzip() throws IOException {
        byte[] data = ramp(3 * 4 * 5);
        byte[] file = idx(new int[] {3, 4, 5}, data);
        for (Path p : new Path[] {write("raw", file), write("packed.gz", gzip(file))}) {
            IdxReader.Idx idx = IdxReader.read(p, 3);
            assertArrayEquals(new int[] {3, 4, 5}, idx.dims());
            assertEquals(3, idx.count());
            assertEquals(20, idx.itemSize());
            assertArrayEquals(data, idx.data());
        }
    }

    @Test
    void refusesWrongMagic() throws IOException {
        byte[] file = idx(new int[] {2}, ramp(2));
        file[0] = 0x50; // e.g. a PNG or text file
        Path p = write("bad", file);
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(p, 1));
        assertMessage(e, p, "magic", "offset 0");

        byte[] floats = idx(new int[] {2}, ramp(2));
        floats[2] = 0x0D;
        Path q = write("floats", floats);
        assertMessage(assertThrows(DataException.class, () -> IdxReader.read(q, 1)), q, "0x0d", "offset 2");

        Path r = write("rank", idx(new int[] {2, 1}, ramp(2)));
        assertMessage(assertThrows(DataException.class, () -> IdxReader.read(r, 3)), r, "2 dimensions", "offset 3");
    }

    @Test
    void refusesTruncatedRawAndGzip() throws IOException {
        byte[] file = idx(new int[] {10, 3, 3}, ramp(90));
        byte[] cut = Arrays.copyOf(file, file.length - 7);
        Path raw = write("cut", cut);
        assertMessage(assertThrows(DataException.class, () -> IdxReader.read(raw, 3)), raw,
                "truncated", "offset " + cut.length, "7 more bytes");
        Path header = write("header", Arrays.copyOf(file, 6));
        assertMessage(assertThrows(DataException.class, () -> IdxReader.read(header, 3)), header,
                "truncated", "offset 6");
        // a gzip stream of a short file, and a gzip stream itself cut short
        Path shortGz = write("short.gz", gzip(cut));
        assertMessage(assertThrows(DataException.class, () -> IdxReader.read(shortGz, 3)), shortGz,
                "truncated", "offset " + cut.length);
        byte[] gz = gzip(file);
        Path cutGz = write("cut.gz", Arrays.copyOf(gz, gz.length / 2));
        DataException e = assertThrows(DataException.class, () -> IdxReader.read(cutGz, 3));
        assertTrue(e.getMessage().startsWith(cutGz.toString()), e.getMessage());
    }

    @Test
    void refusesTrailingBytesAndMissingFiles() throws IOException {
        byte[] file = idx(new int[] {2}, ramp(2));
        Path p = write("long", Arrays.copyOf(file, file.length + 3));
        assertMessage(assertThrows(DataException.class, () -> IdxReader.read(p, 1)), p, "after the data");
        Path missing = dir.resolve("nothing");
        assertMessage(assertThrows(DataException.class, () -> IdxReader.read(missing, 1)), missing, "no such file");
    }

    static void assertMessage(DataException e, Path file, String... parts) {
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), "names the file: " + m);
        for (String part : parts) {
            assertTrue(m.contains(part), "'" + part + "' in: " + m);
        }
    }
}
