package org.hotline.store;

import java.io.ByteArrayOutputStream;
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

    /** Lines read from the file, and the offset just after the last of them. */
    record Lines(List<String> lines, long next) {
    }

    private SpoolFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
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
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                throw new java.nio.channels.OverlappingFileLockException();
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            channel.close();
            throw new IllegalStateException("spool " + path + " is in use by another hotline server on the same data directory"
                    + " and database");
        }
        long size = channel.size();
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(1);
        while (end > 0) { // a torn last line: never confirmed, cut off
            one.clear();
            channel.read(one, end - 1);
            if (one.get(0) == '\n') {
                break;
            }
            end--;
        }
        if (end < size) {
            LOG.warn("spool {}: a half-written last line ({} bytes) from a crash is dropped", path, size - end);
        }
        channel.truncate(end);
        channel.position(end);
        channel.force(true);
        return new SpoolFile(path, channel);
    }

    /** The lines in the file, oldest first (at opening: what a previous run left). */
    public List<String> recovered() throws IOException {
        return read(0, Integer.MAX_VALUE).lines();
    }

    /**
     * Reads up to {@code most} whole lines from byte {@code from} (the start of a line): the spool
     * keeps only so many waiting writes in memory and reads the rest back from here.
     */
    synchronized Lines read(long from, int most) throws IOException {
        List<String> lines = new ArrayList<>();
        long end = channel.size();
        long at = from;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = from;
        while (lines.size() < most && position < end) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                break;
            }
            for (int i = 0; i < read && lines.size() < most; i++) {
                byte b = buffer.get(i);
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8);
                    if (!text.isBlank()) {
                        lines.add(text);
                    }
                    line.reset();
                    at = position + i + 1;
                } else {
                    line.write(b);
                }
            }
            position += read;
        }
        return new Lines(lines, at);
    }

    /** Appends the lines (no line may contain a line break) and puts them on disk; returns the offset of the first. */
    public synchronized long append(List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a spool line may not contain a line break");
            }
            text.append(line).append('\n');
        }
        long first = channel.position();
        ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
        return first;
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
