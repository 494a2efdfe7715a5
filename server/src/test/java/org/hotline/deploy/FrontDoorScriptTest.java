package org.hotline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.it.AsteriskSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/kamailio renders the front door's configuration from the template and the environment:
 * what it renders is a configuration Kamailio itself accepts, with every node of HOTLINE_NODES in
 * its list, and a node that is not host:port stops it before anything is written.
 */
class FrontDoorScriptTest {

    @TempDir
    Path dir;

    @Test
    void theRenderedConfigurationIsOneKamailioAcceptsWithEveryNodeInTheList() throws Exception {
        Result result = run("check", Map.of("HOTLINE_NODES", "127.0.0.1:5060,asterisk-b.example:5080",
                "HOTLINE_KAMAILIO_PORT", "5999"));

        assertThat(result.exit()).as(result.output()).isZero();
        Path instance = dir.resolve("state/kamailio");
        assertThat(Files.readAllLines(instance.resolve("dispatcher.list")))
                .containsExactly("1 sip:127.0.0.1:5060", "1 sip:asterisk-b.example:5080");
        String config = Files.readString(instance.resolve("kamailio.cfg"));
        assertThat(config).contains("listen = udp:127.0.0.2:5999", "listen = tcp:127.0.0.2:5999")
                .doesNotContainPattern("@[A-Z_]+@");
    }

    @Test
    void aNodeThatIsNotHostAndPortStopsTheScriptBeforeAnythingIsWritten() throws Exception {
        for (String bad : List.of("127.0.0.1", "127.0.0.1:5060,", "h:70000", "a|b:5060", "127.0.0.1:5060,${x}:1")) {
            Result result = run("check", Map.of("HOTLINE_NODES", bad));
            assertThat(result.exit()).as(bad).isEqualTo(1);
            assertThat(result.output()).as(bad).contains("HOTLINE_NODES");
            assertThat(dir.resolve("state/kamailio/kamailio.cfg")).as(bad).doesNotExist();
        }
    }

    private record Result(int exit, String output) {
    }

    private Result run(String command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(AsteriskSandbox.home().resolve("bin/kamailio").toString(), command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile());
        builder.environment().put("HOTLINE_STATE_DIR", dir.resolve("state").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8));
    }
}
