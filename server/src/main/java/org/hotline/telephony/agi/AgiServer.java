package org.hotline.telephony.agi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.hotline.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server Asterisk connects to. Scripts are mapped by name explicitly (the library's
 * default would instantiate any class named in the URL), and each call runs on its own virtual
 * thread, since a FastAGI script blocks for the whole call.
 */
public final class AgiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgiServer.class);
    private static final int MAX_CALLS = 10_000;

    private final Server server;
    private final HotlineConfig.Agi config;
    private volatile Thread acceptor;
    private boolean closed;

    private AgiServer(Server server, HotlineConfig.Agi config) {
        this.server = server;
        this.config = config;
    }

    /**
     * The server, not listening yet: {@link #listen()} opens it once the AMI link is up, so no call
     * is taken before the server can follow its events. Fails now if the address is not free.
     */
    public static AgiServer prepare(HotlineConfig.Agi config, Map<String, AgiScript> scripts) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()));
        } catch (IOException e) {
            throw new IOException("FastAGI server cannot listen on " + config.bindAddress() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(Map.copyOf(scripts));
        Server server = new Server(mapping);
        server.setAddress(InetAddress.getByName(config.bindAddress()));
        server.setPort(config.port());
        return new AgiServer(server, config);
    }

    /** Starts listening (once; later calls do nothing). Until then Asterisk's fallback has the callers. */
    public synchronized void listen() throws IOException {
        if (acceptor != null || closed) {
            return;
        }
        acceptor = Thread.ofPlatform().name("agi-accept").daemon().start(() -> {
            try {
                server.startup();
            } catch (IOException | RuntimeException e) {
                server.failure = e;
                LOG.error("FastAGI server stopped: {}", e.getMessage());
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!server.listening && server.failure == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!server.listening) {
            server.shutdown();
            throw new IOException("FastAGI server could not listen on " + config.bindAddress() + ":" + config.port()
                    + (server.failure != null ? ": " + server.failure.getMessage() : ""));
        }
        LOG.info("FastAGI listening on {}:{}", config.bindAddress(), config.port());
    }

    public boolean isListening() {
        Thread running = acceptor;
        return server.listening && running != null && running.isAlive();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (acceptor == null) {
            return; // never listened
        }
        try {
            server.shutdown();
        } catch (IllegalStateException alreadyDown) {
            // nothing to stop
        }
        server.listening = false;
        if (server.pool != null) {
            // Calls in progress end now; Asterisk's dialplan fallback closes them politely.
            server.pool.shutdownNow();
        }
    }

    private static final class Server extends DefaultAgiServer {
        volatile boolean listening;
        volatile Exception failure;
        volatile ThreadPoolExecutor pool;

        Server(SimpleMappingStrategy mapping) {
            super(mapping);
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            ServerSocketFacade socket = super.createServerSocket();
            listening = true;
            return socket;
        }

        @Override
        protected ThreadPoolExecutor createPool() {
            pool = new ThreadPoolExecutor(0, MAX_CALLS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    Thread.ofVirtual().name("agi-call-", 0).factory());
            return pool;
        }
    }
}
