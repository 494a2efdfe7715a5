package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.AgentId;
import org.hotline.routing.CallbackRequest;
import org.hotline.routing.CallerMessage;
import org.hotline.routing.UnsettledDial;
import org.hotline.shared.Skill;
import org.hotline.routing.WaitingCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The callback requests still open in the call records, read at start-up so a restart loses
 * none: each goes back in line at the place of the call it came from.
 */
public final class OpenCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(OpenCallbacks.class);
    /** Bounds the start-up read; a backlog larger than this is a problem to see in the logs, not to load blindly. */
    private static final int MAX = 10_000;

    private final MongoCollection<Document> calls;

    public OpenCallbacks(MongoCollection<Document> calls) {
        this.calls = calls;
    }

    public List<CallbackRequest> read() {
        return readKept().stream().map(KeptRequest::request).toList();
    }

    /**
     * The open requests with their dialling state: one left "dialling" by a server that stopped
     * mid-try carries it ({@link KeptRequest#dialling()}), to be settled from Asterisk's facts.
     */
    public List<KeptRequest> readKept() {
        List<KeptRequest> open = new ArrayList<>();
        for (Document call : calls.find(eq(CallUpdate.CALLBACK_STATUS, CallUpdate.PENDING)).limit(MAX)) {
            try {
                open.add(new KeptRequest(request(call), dialling(call)));
            } catch (RuntimeException e) {
                LOG.warn("callback request in call {} cannot be restored: {}", call.get("_id"), e.getMessage());
            }
        }
        if (open.size() == MAX) {
            LOG.warn("{} or more open callback requests: only the first {} are back in line", MAX, MAX);
        }
        return open;
    }

    /** An open request as kept, and the try a stopped server left unsettled, if any. */
    public record KeptRequest(CallbackRequest request, UnsettledDial dialling) {
    }

    private static UnsettledDial dialling(Document call) {
        Document callback = call.get(CallUpdate.CALLBACK, Document.class);
        Document dialling = callback.get("dialling", Document.class);
        if (dialling == null || !MongoDialling.DIALLING.equals(dialling.getString("state"))) {
            return null;
        }
        return new UnsettledDial(new CallId(call.getString("_id")), new AgentId(dialling.getString("agent")),
                dialling.getString("channel"), dialling.getInteger("attempt", 0), dialling.getDate("since").toInstant());
    }

    private static CallbackRequest request(Document call) {
        Document callback = call.get(CallUpdate.CALLBACK, Document.class);
        Document queue = call.get("queue", Document.class);
        Instant requestedAt = callback.getDate("requestedAt").toInstant();
        Date enqueued = queue == null ? null : queue.getDate("enqueuedAt");
        WaitingCall place = WaitingCall.ordinary(new CallId(call.getString("_id")), new Skill(callback.getString("queue")),
                enqueued == null ? requestedAt : enqueued.toInstant()).asCallback();
        Integer dialled = callback.getInteger("customerDialled");
        String language = call.getString("language");
        CallbackRequest request = new CallbackRequest(place, callback.getString("number"),
                language == null ? Language.ZH : Language.of(language),
                requestedAt, callback.getDate("deadline").toInstant(), dialled == null ? 0 : dialled);
        Document message = call.get("message", Document.class);
        return message == null ? request : request.withMessage(message.getString("file") == null ? CallerMessage.withoutAudio()
                : new CallerMessage(message.getString("file"), java.time.Duration.ofMillis(message.getLong("lengthMs"))));
    }
}
