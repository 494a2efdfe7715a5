package org.hotline.telephony;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
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
    /** The header Asterisk's format_wav writes before the sound. */
    private static final int UNFINISHED_HEADER = 44;

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
    public List<CallId> calls() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> pathOf(name).isPresent())
                    .map(name -> new CallId(name.substring(0, name.length() - EXTENSION.length())))
                    .sorted(java.util.Comparator.comparing(CallId::value))
                    .toList();
        } catch (IOException e) {
            LOG.warn("messages directory {} not read: {}", directory, e.getMessage());
            return List.of();
        }
    }

    /** The file's last change: Asterisk writes it until the recording ends, then closes it. */
    @Override
    public Optional<Instant> endOf(CallId call) {
        return pathOf(fileOf(call)).flatMap(path -> {
            try {
                return Optional.of(Files.getLastModifiedTime(path).toInstant());
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void discard(CallId call) {
        pathOf(fileOf(call)).ifPresent(path -> {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("message {} not removed: {}", path, e.getMessage());
            }
        });
    }

    /**
     * A WAV file's length: its frames over their rate, as the JDK's sound API reads the header. A file
     * whose header was never finished (Asterisk fills in the sizes when it closes the file: one it was
     * writing when it stopped says 0) counts what is on disk after Asterisk's 44-byte header.
     */
    static Optional<Duration> length(Path wav) {
        try {
            AudioFileFormat file = AudioSystem.getAudioFileFormat(wav.toFile());
            AudioFormat format = file.getFormat();
            long frames = file.getFrameLength();
            if (frames == 0 && format.getFrameSize() > 0) {
                frames = Math.max(0, Files.size(wav) - UNFINISHED_HEADER) / format.getFrameSize();
            }
            if (frames < 0 || format.getFrameRate() <= 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis((long) (frames * 1000 / (double) format.getFrameRate())));
        } catch (IOException | UnsupportedAudioFileException | RuntimeException e) {
            LOG.warn("message {} unreadable: {}", wav, e.getMessage());
            return Optional.empty();
        }
    }
}
