package org.hotline.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hours whose counting into the rollups failed (a batch the store refused, a full queue),
 * kept in a local file, not the store: counting fails mostly when the store is away. Each hour
 * stays marked until a recompute of it succeeded ({@link Recounter}).
 */
public final class RecountMarks {

    private static final Logger LOG = LoggerFactory.getLogger(RecountMarks.class);

    private final Path file;
    private final TreeSet<Instant> hours = new TreeSet<>();

    private RecountMarks(Path file) {
        this.file = file;
    }

    /** Reads the marks a previous run left (unreadable lines are skipped). */
    public static RecountMarks open(Path file) throws IOException {
        RecountMarks marks = new RecountMarks(file);
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    if (!line.isBlank()) {
                        marks.hours.add(Instant.parse(line.strip()).truncatedTo(ChronoUnit.HOURS));
                    }
                } catch (DateTimeParseException torn) {
                    LOG.warn("recount marks {}: unreadable line skipped", file);
                }
            }
        }
        return marks;
    }

    /** Marks the hours of these instants; on disk before it returns. */
    public synchronized void mark(Collection<Instant> instants) {
        boolean added = false;
        for (Instant at : instants) {
            added |= hours.add(at.truncatedTo(ChronoUnit.HOURS));
        }
        if (added) {
            save();
        }
    }

    public synchronized Set<Instant> marked() {
        return Set.copyOf(hours);
    }

    public synchronized void done(Instant hour) {
        if (hours.remove(hour)) {
            save();
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            try {
                Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(next);
            }
            List<String> lines = hours.stream().map(Instant::toString).toList();
            Files.write(next, lines, StandardCharsets.UTF_8, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.error("recount marks {} not saved ({}): hours to recount are {}", file, e.toString(), hours);
        }
    }
}
