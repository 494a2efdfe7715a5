package org.hotline.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The channel event logs of every Asterisk node whose log this server can read: each node writes
 * its own, and a call lives on one node, so the events of all of them together are the centre's.
 * A node whose log is not there (no call yet, CEL off, or it runs on another machine) adds nothing.
 */
public record CelFiles(List<Path> files) {

    public CelFiles {
        files = files.stream().filter(Objects::nonNull).distinct().toList();
    }

    /** One node's log, or none when {@code file} is null. */
    public static CelFiles of(Path file) {
        return new CelFiles(file == null ? List.of() : List.of(file));
    }

    /** Whether at least one node's log can be read now. */
    public boolean readable() {
        return files.stream().anyMatch(Files::isReadable);
    }

    /** Whether at least one node's log is there as a file (an audit needs one). */
    public boolean present() {
        return files.stream().anyMatch(Files::isRegularFile);
    }

    /**
     * The events in {@code [from, to)} of every log that is there, in Asterisk's time order; lines
     * that could not be read are counted, and their problems named with the file they are in.
     */
    public CelLog read(Instant from, Instant to) throws IOException {
        List<CelEvent> events = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long skipped = 0;
        for (Path file : files) {
            CelLog log;
            try {
                log = CelFile.read(file, from, to);
            } catch (NoSuchFileException absent) {
                continue;
            }
            events.addAll(log.events());
            skipped += log.skipped();
            for (String problem : log.problems()) {
                problems.add(files.size() > 1 ? file + ": " + problem : problem);
            }
        }
        events.sort(Comparator.comparing(CelEvent::time));
        return new CelLog(events, skipped, problems);
    }

    @Override
    public String toString() {
        return files.isEmpty() ? "(none)" : files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
