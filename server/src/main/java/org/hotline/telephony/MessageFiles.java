package org.hotline.telephony;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.hotline.call.MessageBox;
import org.hotline.shared.CallId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callers' messages on disk: one WAV file per call, named by its call id, in the sounds
 * directory of the Asterisk instance under the state directory. Asterisk writes it (by a name
 * relative to its own sounds directory, the same seen from a chroot or not); the server reads it
 * back. Only names of this shape are ever opened: nothing a caller or a client sent reaches a path.
 */
public final class MessageFiles implements MessageBox {

    private static final Logger LOG = LoggerFactory.getLogger(MessageFiles.class);
    /** The directory under Asterisk's sounds directory, as Asterisk names a file to record. */
    private static final String DIRECTORY = "messages";
    private static final String EXTENSION = ".wav";
    /** Asterisk's format_wav: 16-bit PCM, 8000 Hz, mono. */
    public static final String FORMAT = "wav";

    private final Path directory;

    /** @param directory Asterisk's sounds' {@code messages/} of the instance (config: callbacks.messages) */
    public MessageFiles(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The name Asterisk records {@code call}'s message under (relative to its sounds, without extension). */
    public static String asteriskName(CallId call) {
        return DIRECTORY + "/" + call.value();
    }

    /** Makes the directory Asterisk records into (it does not make it itself). */
    public void prepare() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the messages directory " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String fileOf(CallId call) {
        return call.value() + EXTENSION;
    }

    /**
     * The file of a message named {@code file} ({@link #fileOf}), if the name has that shape and the
     * file is there; anything else is empty.
     */
    public Optional<Path> pathOf(String file) {
        if (file == null || !file.endsWith(EXTENSION)
                || !CallId.isValid(file.substring(0, file.length() - EXTENSION.length()))) {
            return Optional.empty();
        }
        Path path = directory.resolve(file).normalize();
        return path.getParent().equals(directory) && Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public Optional<Duration> lengthOf(CallId call) {
        return pathOf(fileOf(call)).flatMap(MessageFiles::length);
    }

    @Override
    public void discard(CallId call) {
        pathOf(fileOf(call)).ifPresent(path -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("empty message {} not removed: {}", path, e.getMessage());
            }
        });
    }

    /** A WAV file's length from its header: the sound data over the bytes per second. */
    static Optional<Duration> length(Path wav) {
        try (InputStream in = Files.newInputStream(wav)) {
            ByteBuffer header = ByteBuffer.wrap(in.readNBytes(12)).order(ByteOrder.LITTLE_ENDIAN);
            if (header.limit() < 12 || header.getInt(0) != 0x46464952 || header.getInt(8) != 0x45564157) { // RIFF, WAVE
                return Optional.empty();
            }
            long offset = 12;
            int byteRate = 0;
            while (true) {
                ByteBuffer chunk = ByteBuffer.wrap(in.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN);
                if (chunk.limit() < 8) {
                    return Optional.empty();
                }
                int id = chunk.getInt(0);
                long size = Integer.toUnsignedLong(chunk.getInt(4));
                offset += 8;
                if (id == 0x20746d66) { // "fmt "
                    ByteBuffer fmt = ByteBuffer.wrap(in.readNBytes((int) Math.min(size, 64))).order(ByteOrder.LITTLE_ENDIAN);
                    byteRate = fmt.limit() >= 12 ? fmt.getInt(8) : 0;
                    in.skipNBytes(size - fmt.limit());
                } else if (id == 0x61746164) { // "data"
                    // a file still being written says 0: what is on disk counts
                    long data = Math.min(size == 0 ? Long.MAX_VALUE : size, Files.size(wav) - offset);
                    return byteRate <= 0 || data < 0 ? Optional.empty()
                            : Optional.of(Duration.ofMillis(data * 1000 / byteRate));
                } else {
                    in.skipNBytes(size + (size & 1));
                    offset += size & 1;
                }
                offset += size;
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("message {} unreadable: {}", wav, e.getMessage());
            return Optional.empty();
        }
    }
}
