package org.hotline.http.live;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.hotline.http.NumberMasking;
import org.hotline.live.LiveEvent;

/**
 * One event as the stream carries it, encoded once and shared by every connection that gets it.
 *
 * @param json  the event as one line of JSON: {@code {type, agent, at, ...data}}
 * @param bytes {@code id: <id>\nevent: <type>\ndata: <json>\n\n} in UTF-8; never modified
 * @param maskedBytes the same with customers' numbers masked, for viewers who may not read them
 */
record SseFrame(long id, String agent, String type, String json, byte[] bytes, byte[] maskedBytes) {

    static SseFrame of(long id, LiveEvent event) {
        JsonObject body = new JsonObject()
                .put("type", event.type())
                .put("agent", event.agent())
                .put("at", event.at().toString());
        event.data().forEach(body::put);
        String json = body.encode(); // JSON escapes line breaks, so the data stays on one line
        return new SseFrame(id, event.agent(), event.type(), json, frame(id, event.type(), json),
                frame(id, event.type(), NumberMasking.masked(body).encode()));
    }

    private static byte[] frame(long id, String type, String json) {
        return ("id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] bytesFor(LiveStream stream) {
        return stream.masksNumbers() ? maskedBytes : bytes;
    }

    /** Whether a connection following {@code agent} (null: the whole floor) gets this frame. */
    boolean isFor(String follower) {
        return follower == null || agent == null || agent.equals(follower);
    }
}
