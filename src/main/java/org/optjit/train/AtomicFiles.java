package org.optjit.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the new, never a mix: the
 * bytes go to a temporary file in the same directory, are forced to the device, and the
 * temporary file is renamed over the target (an atomic rename within one file system).
 * A process killed at any moment leaves at worst a stray {@code *.tmp} file, which
 * readers ignore.
 *
 * <p>Every file optjit writes for a user goes through here and gets one permission mode,
 * {@link #MODE} where the file system has POSIX permissions (a temporary file alone would
 * be private to its owner, unlike files written directly).
 */
public final class AtomicFiles {

    /** The suffix of temporary files; anything ending in it is an unfinished write. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** The mode of every output file: the owner reads and writes, everyone reads. */
    public static final String MODE = "rw-r--r--";

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, target.getFileName().toString() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (Files.getFileStore(temp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString(MODE));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not possible on every platform (e.g. Windows); the rename is still atomic.
        }
    }
}
