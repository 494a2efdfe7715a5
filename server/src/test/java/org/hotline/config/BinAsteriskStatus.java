package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code bin/asterisk status} (it reads and checks the settings, and starts nothing) with some variables set or unset. */
final class BinAsteriskStatus {

    record Result(int exit, String errors) {
    }

    private BinAsteriskStatus() {
    }

    /** @param variables set to their value, or unset where the value is null */
    static Result of(Path dir, Map<String, String> variables) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("hotline.home", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/asterisk").toString(), "status")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("errors.txt").toFile());
        builder.environment().put("HOTLINE_STATE_DIR", dir.resolve("state").toString());
        variables.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("errors.txt"), StandardCharsets.UTF_8));
    }
}
