package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/hotline store DATA_DIR PORT}: a wrong call or a store that cannot start says so and exits; it never runs half. */
class StoreCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aMissingPortIsAUsageError() throws Exception {
        assertThat(run("var/store")).isEqualTo(StoreCommand.USAGE);
        assertThat(err()).contains("expected DATA_DIR PORT");
    }

    @Test
    void aPortThatIsNoPortIsAUsageError() throws Exception {
        assertThat(run("var/store", "70000")).isEqualTo(StoreCommand.USAGE);
        assertThat(run("var/store", "-1")).isEqualTo(StoreCommand.USAGE);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aPortInUseStopsItWithTheReason(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(run(dir.toString(), String.valueOf(taken.getLocalPort()))).isEqualTo(StoreCommand.CANNOT_START);
        }
        assertThat(err()).startsWith("hotline store: embedded MongoDB cannot listen on 127.0.0.1:");
    }

    private int run(String... args) throws InterruptedException {
        return StoreCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
