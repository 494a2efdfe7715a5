package org.hotline.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Ports free on the loopback address at the moment of asking. */
final class FreePorts {

    private FreePorts() {
    }

    static int tcp() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port", e);
        }
    }

    /** SIP listens on UDP and TCP with one number. */
    static int udpAndTcp() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = tcp();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no port free on both UDP and TCP");
    }

    /** A block of 1000 RTP ports below the ephemeral range, so it never holds a port chosen above. */
    static int rtpBlock() {
        return 20_000 + 1_000 * ThreadLocalRandom.current().nextInt(12);
    }
}
