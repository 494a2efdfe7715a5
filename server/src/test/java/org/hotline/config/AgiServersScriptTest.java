package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            BinAsteriskStatus.Result result = status(bad, null);
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

    private BinAsteriskStatus.Result status(String servers, Path config) throws IOException, InterruptedException {
        java.util.Map<String, String> variables = new java.util.HashMap<>();
        variables.put("HOTLINE_AGI_SERVERS", servers);
        variables.put("HOTLINE_CONFIG", config == null ? null : config.toString());
        return BinAsteriskStatus.of(dir, variables);
    }
}
