package org.hotline.telephony;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotline.call.RecordingShelf;
import org.hotline.campaign.AttemptRecording;
import org.hotline.shared.CallId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversations' recordings on disk: one WAV file per call, named by its call id, in the data
 * directory of the Asterisk instance under the state directory ({@code [hotline-record]} has
 * MixMonitor write there). Only names of this shape are ever opened: nothing a client sent reaches a path.
 */
public final class RecordingFiles implements RecordingShelf {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingFiles.class);
    private static final String EXTENSION = ".wav";

    private final Path directory;

    /** @param directory Asterisk's data's {@code recordings/} of the instance (config: recordings) */
    public RecordingFiles(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The file's name of {@code call}'s recording, as its record carries it. */
    public static String fileOf(CallId call) {
        return call.value() + EXTENSION;
    }

    /** Makes the directory Asterisk records into. */
    public void prepare() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the recordings directory " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The file of {@code call}'s recording, if it is there. */
    public Optional<Path> pathOf(CallId call) {
        Path path = directory.resolve(fileOf(call)).normalize();
        return path.getParent().equals(directory) && Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** The file of a campaign attempt's recording, if it is there. */
    public Optional<Path> pathOf(AttemptRecording attempt) {
        Path path = directory.resolve(attempt.name() + EXTENSION).normalize();
        return path.getParent().equals(directory) && Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Deletes a campaign attempt's recording; false when there was none to delete. */
    public boolean delete(AttemptRecording attempt) {
        return deleteFile(directory.resolve(attempt.name() + EXTENSION).normalize());
    }

    @Override
    public boolean delete(CallId call) {
        return deleteFile(directory.resolve(fileOf(call)).normalize());
    }

    private boolean deleteFile(Path path) {
        if (!path.getParent().equals(directory)) {
            return false;
        }
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("recording {} not deleted: {}", path, e.getMessage());
            return false;
        }
    }

    /** The bytes all recordings take on disk (blocking: a directory listing). */
    public long diskUse() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.mapToLong(file -> {
                try {
                    return Files.isRegularFile(file) ? Files.size(file) : 0;
                } catch (IOException gone) {
                    return 0; // deleted while listed
                }
            }).sum();
        } catch (IOException e) {
            LOG.warn("recordings directory {} unreadable: {}", directory, e.getMessage());
            return 0;
        }
    }
}
