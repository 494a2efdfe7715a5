package org.hotline.http.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A desktop's side of {@code /api/live}: reads the event stream as EventSource does, over a real connection. */
final class SseClient implements AutoCloseable {

    record Event(long id, String type, JsonObject data) {
    }

    private final HttpClientResponse response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final List<String> malformed = new CopyOnWriteArrayList<>();
    private volatile boolean ended;
    // the event being read; on the client's event loop only
    private Long id;
    private String type;
    private String data;

    private SseClient(HttpClientResponse response) {
        this.response = response;
        // Handlers are set as the response arrives, on its event loop, so no byte is missed.
        response.handler(RecordParser.newDelimited("\n", this::line));
        response.endHandler(ignored -> ended = true);
        response.exceptionHandler(ignored -> ended = true);
    }

    static SseClient open(HttpClient http, int port, String uri, String lastEventId) {
        SseClient client = awaited(http.request(HttpMethod.GET, port, "127.0.0.1", uri)
                .compose(request -> {
                    if (lastEventId != null) {
                        request.putHeader("Last-Event-ID", lastEventId);
                    }
                    // handlers set in the callback that sends, so none is set after the first bytes came
                    return request.send().map(SseClient::new);
                }));
        assertThat(client.response.statusCode()).as("status of %s", uri).isEqualTo(200);
        return client;
    }

    String header(String name) {
        return response.getHeader(name);
    }

    /** The next event; fails the test if none comes within 10 s. */
    Event next() throws InterruptedException {
        Event event = events.poll(10, TimeUnit.SECONDS);
        assertThat(malformed).as("lines that are not an event stream's").isEmpty();
        assertThat(event).as("an event within 10 s").isNotNull();
        return event;
    }

    /** True if no event comes within {@code wait}. */
    boolean quietFor(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
    }

    String nextComment(Duration wait) throws InterruptedException {
        return comments.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        awaited(response.request().connection().close());
    }

    /** Waits for a Vert.x result from the test's thread; a test never hangs on one, and a busy shared machine gets some slack. */
    static <T> T awaited(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within 10 s", e);
        }
    }

    private void line(Buffer buffer) {
        String line = buffer.toString(StandardCharsets.UTF_8);
        if (line.isEmpty()) {
            if (data != null) {
                events.add(new Event(id, type, new JsonObject(data)));
            }
            id = null;
            type = null;
            data = null;
        } else if (line.startsWith(":")) {
            comments.add(line);
        } else if (line.startsWith("id: ")) {
            id = Long.parseLong(line.substring(4));
        } else if (line.startsWith("event: ")) {
            type = line.substring(7);
        } else if (line.startsWith("data: ") && data == null) {
            data = line.substring(6);
        } else if (!line.startsWith("retry: ")) {
            malformed.add(line); // including a second data line: the channel promises one
        }
    }
}
