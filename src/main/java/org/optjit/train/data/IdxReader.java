package org.optjit.train.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX format of the MNIST family (LeCun et al., "THE MNIST DATABASE", file
 * formats section), raw or gzip-compressed.
 *
 * <p>Layout: two zero bytes, a type byte (only {@code 0x08}, unsigned byte, is used by the
 * MNIST family and accepted here), the number of dimensions, then each dimension as a
 * big-endian 32-bit integer, then the data in row-major order. Compression is recognised
 * by the gzip magic bytes, not by the file name. Every malformed or truncated file is
 * refused with a {@link DataException} naming the file and the byte offset (in the
 * decompressed stream for gzip files).
 */
public final class IdxReader {

    /** The IDX type code of unsigned bytes. */
    static final int UNSIGNED_BYTE = 0x08;

    /** The contents of one IDX file: its dimensions and its bytes, unsigned. */
    public record Idx(Path file, int[] dims, byte[] data) {
        /** The number of items (the first dimension). */
        public int count() {
            return dims[0];
        }

        /** The number of bytes per item (the product of the other dimensions). */
        public int itemSize() {
            int n = 1;
            for (int i = 1; i < dims.length; i++) {
                n *= dims[i];
            }
            return n;
        }
    }

    private IdxReader() {
    }

    /** Reads {@code file}, expecting {@code expectedDims} dimensions (e.g. 3 for images). */
    public static Idx read(Path file, int expectedDims) {
        try (InputStream in = open(file)) {
            Counting c = new Counting(in, file);
            int zero = c.u8() << 8 | c.u8();
            int type = c.u8();
            int rank = c.u8();
            if (zero != 0) {
                throw new DataException(file + ": not an IDX file (bad magic number 0x"
                        + String.format("%02x%02x%02x%02x", zero >> 8, zero & 0xff, type, rank)
                        + " at offset 0)");
            }
            if (type != UNSIGNED_BYTE) {
                throw new DataException(file + ": unsupported IDX data type 0x"
                        + String.format("%02x", type) + " at offset 2 (only 0x08, unsigned byte)");
            }
            if (rank != expectedDims) {
                throw new DataException(file + ": " + rank + " dimensions at offset 3, expected "
                        + expectedDims);
            }
            int[] dims = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                long at = c.offset;
                dims[i] = c.int32();
                if (dims[i] < 0 || (i > 0 && dims[i] == 0)) {
                    throw new DataException(file + ": bad dimension " + dims[i] + " at offset " + at);
                }
                total *= dims[i];
                if (total > Integer.MAX_VALUE - 16) {
                    throw new DataException(file + ": data too large (" + total
                            + " bytes, dimension at offset " + at + ")");
                }
            }
            byte[] data = c.bytes((int) total);
            if (c.in.read() >= 0) { // a longer file is as suspect as a shorter one
                throw new DataException(file + ": unexpected bytes after the data at offset "
                        + c.offset + " (" + total + " data bytes expected)");
            }
            return new Idx(file, dims, data);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (ZipException | EOFException e) {
            throw new DataException(file + ": corrupt gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e + ")");
        }
    }

    /** Opens raw or gzip data, recognising gzip by its magic bytes 1f 8b. */
    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }

    /** Reads big-endian values and knows its offset, for messages. */
    private static final class Counting {
        final InputStream in;
        final Path file;
        long offset;

        Counting(InputStream in, Path file) {
            this.in = in;
            this.file = file;
        }

        int u8() throws IOException {
            int b;
            try {
                b = in.read();
            } catch (EOFException e) { // a gzip stream cut short
                b = -1;
            }
            if (b < 0) {
                throw truncated(1);
            }
            offset++;
            return b;
        }

        int int32() throws IOException {
            return u8() << 24 | u8() << 16 | u8() << 8 | u8();
        }

        byte[] bytes(int n) throws IOException {
            byte[] out = new byte[n];
            int got = 0;
            while (got < n) {
                int r;
                try {
                    r = in.read(out, got, n - got);
                } catch (EOFException e) { // a gzip stream cut short
                    r = -1;
                }
                if (r < 0) {
                    throw truncated(n - got);
                }
                got += r;
                offset += r;
            }
            return out;
        }

        DataException truncated(int missing) {
            return new DataException(file + ": truncated at offset " + offset + " ("
                    + missing + " more bytes expected)");
        }
    }
}
