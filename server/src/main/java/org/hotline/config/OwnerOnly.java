package org.hotline.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files only the server's own user may read: customer data, uploads and secrets are
 * never left to the umask the server happened to be started with (0700 directories, 0600 files).
 * Set explicitly, also on what an earlier version made with looser modes. On a file system without
 * POSIX modes nothing is changed.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Makes the directory (and missing parents) when absent; the directory itself is the owner's only. */
    public static Path directory(Path dir) {
        try {
            if (!posix()) {
                return Files.createDirectories(dir);
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            Files.setPosixFilePermissions(dir, DIRECTORY);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + dir + " the server's own: " + e.getMessage(), e);
        }
    }

    /** An existing file made the owner's only. */
    public static Path file(Path file) {
        try {
            if (posix() && Files.exists(file)) {
                Files.setPosixFilePermissions(file, FILE);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " the server's own: " + e.getMessage(), e);
        }
    }

    /** The attribute to create a file with: owner-only from its first byte. */
    public static java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
