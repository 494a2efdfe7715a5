package org.hotline.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file of lines, each on disk ({@code fsync}) before {@link #append} returns; the
 * writes the store has not confirmed yet. A crash can leave the last line half written: opening
 * the file again cuts it off (it was never confirmed to anyone, so nothing is lost that was kept).
 * The file is the owner's alone (0600): it holds callers' numbers.
 */
public final class SpoolFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolFile.class);

    private final Path path;
    private final FileChannel channel;
    private final List<String> recovered;

    private SpoolFile(Path path, FileChannel channel, List<String> recovered) {
        this.path = path;
        this.channel = channel;
        this.recovered = recovered;
    }

    /** Opens (or creates) the file, reading the complete lines a previous run left. */
    public static SpoolFile open(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (!Files.exists(path)) {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            }
        }
        byte[] bytes = Files.readAllBytes(path);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--; // a torn last line: never confirmed, cut off
        }
        if (end < bytes.length) {
            LOG.warn("spool {}: a half-written last line ({} bytes) from a crash is dropped", path, bytes.length - end);
        }
        List<String> lines = new ArrayList<>();
        for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                throw new java.nio.channels.OverlappingFileLockException();
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            channel.close();
            throw new IllegalStateException("spool " + path + " is in use by another hotline server on the same data directory"
                    + " and database");
        }
        channel.truncate(end);
        channel.position(end);
        channel.force(true);
        return new SpoolFile(path, channel, List.copyOf(lines));
    }

    /** The lines found at opening, oldest first. */
    public List<String> recovered() {
        return recovered;
    }

    /** Appends the lines (no line may contain a line break) and puts them on disk. */
    public synchronized void append(List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a spool line may not contain a line break");
            }
            text.append(line).append('\n');
        }
        ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /** Empties the file: everything in it is in the store. */
    public synchronized void clear() throws IOException {
        channel.truncate(0);
        channel.position(0);
        channel.force(false);
    }

    public synchronized long size() throws IOException {
        return channel.size();
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
