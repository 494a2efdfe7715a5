package org.hotline.call;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotline.routing.CallbackRequest;
import org.hotline.shared.CallId;
import org.hotline.shared.Skill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message is never lost with the server: a server killed or frozen while a caller recorded
 * leaves the file Asterisk wrote and no task. At start-up and at a take-over each kept message
 * whose call is over and has no callback becomes its task, as the flow would have made it — the
 * caller's number from the call's record, due by the callback rule, with its audio — claimed in
 * the store so that two sweeps or two servers make it once.
 */
public final class MessageSweep {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSweep.class);

    private final Messages messages;
    private final MessageTaking taking;
    private final Skill afterHoursQueue;
    private final Clock clock;

    /** @param afterHoursQueue the queue of a message whose record does not name one (offered after hours) */
    public MessageSweep(Messages messages, AgentQueue agents, Skill afterHoursQueue, Clock clock, CallEventSink events) {
        this.messages = messages;
        this.taking = new MessageTaking(messages, agents, clock, events);
        this.afterHoursQueue = afterHoursQueue;
        this.clock = clock;
    }

    /** Sweeps every kept message; returns the calls to look at again later ({@link #sweep(List)}). May block. */
    public List<CallId> sweep() {
        return sweep(messages.box().calls());
    }

    /**
     * Makes the missing task of each of {@code calls}' messages; returns those to look at again: the
     * call still going on (its caller may be recording, or back in the flow), or its record not read
     * or not there yet.
     * May block.
     */
    public List<CallId> sweep(List<CallId> calls) {
        List<CallId> again = new ArrayList<>();
        int made = 0;
        for (CallId call : calls) {
            Optional<MessageCall> record;
            try {
                record = messages.tasks().recordOf(call);
            } catch (RuntimeException storeAway) {
                again.add(call);
                continue;
            }
            if (record.isEmpty()) {
                again.add(call); // its record may still be on its way (the last server's spool, replayed)
                continue;
            }
            if (record.get().tasked()) {
                continue;
            }
            MessageCall kept = record.get();
            if (!kept.ended()) {
                again.add(call);
                continue;
            }
            if (kept.number() == null || !CallbackRequest.isDialable(kept.number())) {
                LOG.warn("message {} has no number to call back in its record: kept, no task", call);
                continue;
            }
            try {
                Instant since = kept.offeredAt() != null ? kept.offeredAt() : messages.box().endOf(call).orElseGet(clock::instant);
                taking.leave(call, kept.number(), kept.language(), kept.queue() != null ? kept.queue() : afterHoursQueue, since, true);
                made++;
            } catch (RuntimeException e) {
                LOG.warn("the task of message {} not made ({}): tried again", call, e.toString());
                again.add(call);
            }
        }
        if (made > 0) {
            LOG.warn("messages a stopped server left without their callback task, made now: {}", made);
        }
        return again;
    }
}
