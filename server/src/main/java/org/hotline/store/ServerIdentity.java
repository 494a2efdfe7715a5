package org.hotline.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Who this server is to the store's lease: an id kept in its state directory, so the same server
 * restarted (even after a kill) is known again and takes its lease back at once.
 */
public record ServerIdentity(String id, String host, long pid) {

    static final String FILE_NAME = "server-id";

    /** Reads the id from {@code dir}, making one the first time. */
    public static ServerIdentity of(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        String id = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "";
        if (!id.matches("[0-9a-f-]{36}")) {
            id = UUID.randomUUID().toString();
            Files.createDirectories(dir);
            Path next = dir.resolve(FILE_NAME + ".next");
            Files.deleteIfExists(next);
            try {
                Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(next);
            }
            Files.writeString(next, id + "\n", StandardCharsets.UTF_8);
            Files.move(next, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return new ServerIdentity(id, hostName(), ProcessHandle.current().pid());
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
