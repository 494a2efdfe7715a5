package org.hotline.http.live;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open {@code /api/live} connection. Everything it does runs on the connection's own context;
 * the hub hands it bytes from the hub's context through {@link #send}.
 *
 * <p>Flow control: bytes go straight to the response while its write queue has room. When the
 * client reads slower than events come, they wait in a backlog until the response drains; a client
 * whose backlog passes its limit is disconnected rather than letting memory grow (it reconnects with
 * {@code Last-Event-ID} and catches up from the replay buffer).
 */
final class LiveStream {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStream.class);

    private final Context context;
    private final HttpServerResponse response;
    private final String client;
    private final Watcher watcher;
    private final int backlogLimit;
    private final Consumer<LiveStream> onClose;
    private final ArrayDeque<byte[]> backlog = new ArrayDeque<>();
    private int backlogBytes;
    private boolean closed;

    /**
     * Who watches the stream.
     *
     * @param follower     the agent whose events this connection wants (plus everyone's), or null for all
     * @param masksNumbers whether the viewer gets customers' numbers masked
     * @param loggedIn     whether the viewer's session still stands: a stream ends with its session (logout, expiry)
     */
    record Watcher(String follower, boolean masksNumbers, BooleanSupplier loggedIn) {
    }

    /**
     * @param client       who is connected, for the log
     * @param backlogLimit bytes that may wait for a slow client before it is disconnected
     * @param onClose      run once, on the connection's context, when the connection is gone
     */
    LiveStream(Context context, HttpServerResponse response, String client, Watcher watcher, int backlogLimit,
               Consumer<LiveStream> onClose) {
        this.watcher = watcher;
        this.context = context;
        this.response = response;
        this.client = client;
        this.backlogLimit = backlogLimit;
        this.onClose = onClose;
    }

    /** Watches the connection; false if the client has gone already. On the connection's context. */
    boolean watch() {
        response.closeHandler(ignored -> closed());
        response.exceptionHandler(failure -> disconnect()); // a broken connection is not written to again
        response.drainHandler(ignored -> drain());
        if (response.closed()) {
            closed();
            return false;
        }
        return true;
    }

    /** Writes the first bytes at once; on the connection's context, before anything is sent. */
    void start(byte[] opening) {
        write(opening);
    }

    String follower() {
        return watcher.follower();
    }

    boolean masksNumbers() {
        return watcher.masksNumbers();
    }

    /** From any thread: the heartbeat, or the end of the stream when the viewer's session has ended. */
    void ping(byte[] ping) {
        context.runOnContext(ignored -> {
            if (closed) {
                return;
            }
            if (!watcher.loggedIn().getAsBoolean()) {
                LOG.info("live client {} disconnected: its session has ended", client);
                closed();
                response.end(); // the browser reconnects, and is told to log in
                return;
            }
            write(ping);
        });
    }

    /** From any thread: bytes for this client, written in the order given. */
    void send(byte[] bytes) {
        context.runOnContext(ignored -> write(bytes));
    }

    /** From any thread: several frames in one go (a replay). */
    void send(List<byte[]> frames) {
        if (!frames.isEmpty()) {
            context.runOnContext(ignored -> frames.forEach(this::write));
        }
    }

    private void write(byte[] bytes) {
        if (closed) {
            return;
        }
        if (backlog.isEmpty() && !response.writeQueueFull()) {
            response.write(Buffer.buffer(bytes));
            return;
        }
        backlog.addLast(bytes);
        backlogBytes += bytes.length;
        if (backlogBytes > backlogLimit) {
            LOG.info("live client {} disconnected: more than {} bytes behind", client, backlogLimit);
            disconnect();
        }
    }

    private void disconnect() {
        closed();
        response.reset(); // closes an HTTP/1.1 connection, resets an HTTP/2 stream
    }

    private void drain() {
        while (!closed && !backlog.isEmpty() && !response.writeQueueFull()) {
            byte[] next = backlog.removeFirst();
            backlogBytes -= next.length;
            response.write(Buffer.buffer(next));
        }
    }

    private void closed() {
        if (!closed) {
            closed = true;
            backlog.clear();
            backlogBytes = 0;
            onClose.accept(this);
        }
    }
}
