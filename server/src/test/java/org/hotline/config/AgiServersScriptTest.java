package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/asterisk renders asterisk.agi.servers (or HOTLINE_AGI_SERVERS) into the dialplan: it lets
 * through what the server lets through, and nothing else. Checked with {@code status}, which reads
 * the settings and starts nothing.
 */
class AgiServersScriptTest {

    @TempDir
    Path dir;

    @Test
    void anEntryThatIsNotHostAndPortStopsTheScriptBeforeTheDialplanIsWritten() throws Exception {
        for (String bad : List.of("127.0.0.1:4573,${EVIL}:1", "127.0.0.1:4573)", "127.0.0.1", "127.0.0.1:4573,", "h:70000")) {
            Result result = status(bad, null);
            assertThat(result.exit()).as(bad).isEqualTo(1);
            assertThat(result.errors()).as(bad).contains("HOTLINE_AGI_SERVERS (or asterisk.agi.servers)");
        }
    }

    @Test
    void theConfigurationFilesListIsCheckedToo() throws Exception {
        Path config = dir.resolve("hotline.yaml");
        Files.writeString(config, "asterisk:\n  agi:\n    port: 4573\n    servers:\n      - 127.0.0.1:4573\n      - \"x)y:1\"\n");
        assertThat(status(null, config).errors()).contains("'x)y:1' is not host:port");
        Files.writeString(config, "asterisk:\n  agi:\n    servers: [127.0.0.1:4573, hotline-b:4574]\n");
        assertThat(status(null, config).errors()).doesNotContain("HOTLINE_AGI_SERVERS");
    }

    private record Result(int exit, String errors) {
    }

    private Result status(String servers, Path config) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("hotline.home", "..")).toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/asterisk").toString(), "status")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("errors.txt").toFile());
        builder.environment().put("HOTLINE_STATE_DIR", dir.resolve("state").toString());
        builder.environment().remove("HOTLINE_AGI_SERVERS");
        if (servers != null) {
            builder.environment().put("HOTLINE_AGI_SERVERS", servers);
        }
        if (config != null) {
            builder.environment().put("HOTLINE_CONFIG", config.toString());
        }
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("errors.txt"), StandardCharsets.UTF_8));
    }
}
