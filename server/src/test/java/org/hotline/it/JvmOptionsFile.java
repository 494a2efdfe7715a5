package org.hotline.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** config/jvm.options, the server's JVM options as bin/hotline and the systemd unit pass them to java. */
public final class JvmOptionsFile {

    private JvmOptionsFile() {
    }

    public static Path path() {
        return AsteriskSandbox.home().resolve("config/jvm.options");
    }

    /** The options as java reads the file: words, {@code #} to the end of the line a comment. */
    public static List<String> options() {
        try {
            return Files.readAllLines(path()).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .flatMap(line -> Arrays.stream(line.split("\\s+")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
