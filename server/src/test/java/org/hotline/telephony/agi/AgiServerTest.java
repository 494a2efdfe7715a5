package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import org.hotline.call.AnswerDeadline;
import org.hotline.config.HotlineConfig;
import org.junit.jupiter.api.Test;

class AgiServerTest {

    private static HotlineConfig.Agi freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new HotlineConfig.Agi("127.0.0.1", socket.getLocalPort(), AnswerDeadline.standard());
        }
    }

    private static void connect(HotlineConfig.Agi config) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(config.bindAddress(), config.port()), 2_000);
        }
    }

    @Test
    void noCallIsTakenUntilTheServerCanFollowItsEventsThenEveryCallIs() throws Exception {
        HotlineConfig.Agi config = freePort();
        try (AgiServer agi = AgiServer.prepare(config, Map.of())) {
            // Asterisk is refused at once, and its fallback answers and holds the caller.
            assertThatThrownBy(() -> connect(config)).isInstanceOf(ConnectException.class);
            assertThat(agi.isListening()).isFalse();

            agi.listen();
            agi.listen(); // again after an AMI reconnect: nothing changes

            connect(config);
            assertThat(agi.isListening()).isTrue();
        }
    }

    @Test
    void anAddressInUseStopsStartUpAtOnce() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            HotlineConfig.Agi config = new HotlineConfig.Agi("127.0.0.1", taken.getLocalPort(), AnswerDeadline.standard());
            assertThatThrownBy(() -> AgiServer.prepare(config, Map.of()))
                    .isInstanceOf(IOException.class).hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
