package org.hotline.store;

import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import com.mongodb.client.model.PushOptions;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.call.CallEvent;
import org.hotline.call.CallerId;
import org.hotline.call.CallbackOutcome;

/**
 * Turns one call event into the update of its call's document. Each update only sets what the
 * event knows ($set, $min, $inc, $push), so events merge in any order and onto a document an
 * earlier run of the server left. Values go in as typed BSON values, never as query text.
 */
final class CallUpdate {

    static final String ARRIVAL_AT = "arrivalAt";
    static final String ENDED_AT = "endedAt";
    static final String CALLBACK = "callback";
    static final String CALLBACK_STATUS = "callback.status";
    static final String PENDING = "pending";
    static final String JOINED = "joined";
    static final String REFUSED = "refused";

    private final List<Bson> parts = new ArrayList<>();
    private final Document entry = new Document();

    private CallUpdate() {
    }

    /** Each event entry's write id: the journal writes an event only once, however often it is replayed. */
    static final String WRITE_ID = "wid";

    /** The update for {@code event}, stamped {@code updatedAt}. */
    static Bson of(CallEvent event, Instant updatedAt) {
        return of(event, updatedAt, null);
    }

    /** The update for {@code event}, stamped {@code updatedAt}, its entry marked with {@code writeId} (if not null). */
    static Bson of(CallEvent event, Instant updatedAt, String writeId) {
        if (event.at() == null) {
            // a null date would sort before every date and win the $min on arrivalAt
            throw new IllegalArgumentException("a call event without a time: " + event.getClass().getSimpleName());
        }
        CallUpdate update = new CallUpdate();
        update.map(event);
        if (writeId != null) {
            update.entry.append(WRITE_ID, writeId);
        }
        update.parts.add(Updates.setOnInsert("direction", "inbound"));
        // Sources report in their own order (the AMI stream lags the flow): keep the timeline in time order.
        update.parts.add(Updates.pushEach("events", List.of(update.entry), new PushOptions().sortDocument(new Document("at", 1))));
        update.parts.add(Updates.set("updatedAt", date(updatedAt)));
        return Updates.combine(update.parts);
    }

    private void map(CallEvent event) {
        Date at = date(event.at());
        switch (event) {
            case CallEvent.Arrived arrived -> {
                entry("arrived", at);
                parts.add(Updates.min(ARRIVAL_AT, at));
                set("channel", arrived.channel());
                set("linkedId", arrived.linkedId());
                set("dialled", arrived.dialled());
                set("node", arrived.node());
                caller(arrived.caller());
            }
            case CallEvent.ArrivalStamped ignored -> {
                // the front door's stamp: earlier than Asterisk's channel, and the call's arrival
                entry("arrival-stamped", at);
                parts.add(Updates.min(ARRIVAL_AT, at));
            }
            case CallEvent.ArrivalStampRefused refused ->
                    entry("arrival-stamp-refused", at).append("stamp", date(refused.stamp())).append("why", refused.why());
            case CallEvent.CallerIdentified identified -> {
                entry("caller-identified", at);
                caller(identified.caller());
            }
            case CallEvent.Answered ignored -> {
                entry("answered", at);
                set("answeredAt", at);
            }
            case CallEvent.FallbackAnswering ignored -> entry("fallback-answering", at);
            case CallEvent.AnsweredByFallback ignored -> {
                // Asterisk's own fallback answered (and greeted): the server did not answer in time
                entry("answered-by-fallback", at);
                set("answeredBy", "fallback");
                set("fallback.answeredAt", at);
            }
            case CallEvent.TakenBack ignored -> {
                entry("taken-back", at);
                set("fallback.takenBackAt", at);
            }
            case CallEvent.AnswerMeasured measured -> {
                entry("answer-measured", at);
                if (measured.measure() != null) {
                    set("answer", new Document("waitMs", measured.measure().waited().toMillis())
                            .append("ring", measured.measure().ring())
                            .append("withinRule", measured.measure().withinRule())
                            .append("apologyDue", measured.measure().apologyDue()));
                }
            }
            case CallEvent.FlowStarted started -> {
                entry("flow-started", at);
                // the flow's start stands in for the arrival when the AMI stream missed it
                parts.add(Updates.min(ARRIVAL_AT, at));
                set("flow.startedAt", at);
                if (started.language() != null) {
                    set("language", started.language().code());
                }
            }
            case CallEvent.ApologyPlayed ignored -> {
                entry("apology-played", at);
                set("apologyPlayedAt", at);
            }
            case CallEvent.GreetingStarted ignored -> {
                entry("greeting-started", at);
                set("greeting.startedAt", at);
            }
            case CallEvent.GreetingEnded ignored -> {
                entry("greeting-ended", at);
                set("greeting.endedAt", at);
            }
            case CallEvent.KeyPressed pressed -> entry("key-pressed", at).append("key", String.valueOf(pressed.key()));
            case CallEvent.ChoiceMade choice -> {
                entry("choice-made", at).append("key", String.valueOf(choice.key())).append("choice", choice.choice());
                set("ivr.choice", choice.choice());
                set("ivr.key", String.valueOf(choice.key()));
                set("ivr.choiceAt", at);
            }
            case CallEvent.InvalidKey invalid -> {
                entry("invalid-key", at).append("key", String.valueOf(invalid.key()));
                parts.add(Updates.inc("ivr.invalidKeys", 1));
            }
            case CallEvent.NoInput noInput -> {
                entry("no-input", at).append("attempt", noInput.attempt());
                parts.add(Updates.inc("ivr.noInputs", 1));
            }
            case CallEvent.AfterHours ignored -> {
                entry("after-hours", at);
                set("afterHours", true);
            }
            case CallEvent.Queued queued -> {
                entry("queued", at).append("queue", queued.queue());
                set("queue.name", queued.queue());
                set("queue.enqueuedAt", at);
                set("priority", new Document("vip", queued.vip()).append("longDistance", queued.longDistance()));
            }
            case CallEvent.BackInQueue back -> {
                entry("back-in-queue", at).append("queue", back.queue()).append("since", date(back.since()));
                set("queue.name", back.queue());
                set("queue.backAt", at);
                // the place kept on the channel is the first join (the record may have lost it with its server)
                parts.add(Updates.min("queue.enqueuedAt", date(back.since())));
            }
            case CallEvent.WrapUpEnded ended -> {
                entry("wrap-up-ended", at).append("agent", ended.agent());
                set("wrapUp", new Document("agent", ended.agent()).append("endedAt", at));
            }
            case CallEvent.WrapUpCoded coded -> {
                entry("wrap-up-coded", at).append("agent", coded.agent()).append("code", coded.code());
                set("wrapUpCode", new Document("code", coded.code()).append("queue", coded.queue())
                        .append("agent", coded.agent()).append("chosenAt", at));
            }
            case CallEvent.TalkTimeReached reached -> {
                String what = reached.breach() ? "talk-time-breached" : "talk-time-warning";
                entry(what, at).append("agent", reached.agent()).append("talkedS", reached.talked().toSeconds());
                set(reached.breach() ? "talkTime.breachedAt" : "talkTime.warnedAt", at);
            }
            case CallEvent.Offered offered -> entry("offered", at).append("agent", offered.agent());
            case CallEvent.OfferEnded ended -> {
                String outcome = dashed(ended.outcome().name());
                entry("offer-ended", at).append("agent", ended.agent()).append("outcome", outcome);
                Document offer = new Document("agent", ended.agent());
                if (ended.leg() != null) {
                    offer.append("leg", ended.leg());
                }
                offer.append("ringStartedAt", date(ended.ringStartedAt())).append("ringEndedAt", at).append("outcome", outcome);
                if (ended.dialStatus() != null) {
                    offer.append("dialStatus", ended.dialStatus());
                }
                parts.add(Updates.push("offers", offer));
            }
            case CallEvent.AgentAnswered answered -> {
                entry("agent-answered", at).append("agent", answered.agent());
                set("agent.id", answered.agent());
                set("agent.answeredAt", at);
            }
            case CallEvent.ConversationStarted started -> {
                entry("conversation-started", at).append("agent", started.agent());
                set("conversation", new Document("agent", started.agent()).append("startedAt", at));
            }
            case CallEvent.ConversationEnded ended -> {
                String side = dashed(ended.endedBy().name());
                entry("conversation-ended", at).append("agent", ended.agent()).append("endedBy", side);
                set("conversation.endedAt", at);
                set("conversation.endedBy", side);
            }
            case CallEvent.CallerLeft ignored -> {
                entry("caller-hung-up", at);
                set("callerHungUpAt", at);
            }
            case CallEvent.Abandoned abandoned -> {
                entry("abandoned", at).append("position", abandoned.position());
                set("queue.abandonedAt", at);
                set("queue.abandonedPosition", abandoned.position());
                if (abandoned.duringRing()) {
                    set("queue.abandonedDuringRing", true);
                }
            }
            // Asterisk's raw leg events: the tracker turns them into the offer and conversation above.
            case CallEvent.AgentRingStarted ring -> entry("agent-ring-started", at).append("agent", ring.agent());
            case CallEvent.AgentRingEnded ring -> entry("agent-ring-ended", at).append("dialStatus", ring.dialStatus());
            case CallEvent.HangupAsked ignored -> entry("hangup-asked", at);
            case CallEvent.BridgeEntered ignored -> entry("bridge-entered", at);
            case CallEvent.BridgeLeft ignored -> entry("bridge-left", at);
            case CallEvent.LeftQueue ignored -> {
                entry("left-queue", at);
                set("queue.leftAt", at);
            }
            case CallEvent.Transferred transferred -> {
                entry("transferred", at).append("from", transferred.fromAgent()).append("to", transferred.target());
                parts.add(Updates.push("transfers", new Document("at", at).append("from", transferred.fromAgent())
                        .append("to", transferred.target())));
            }
            case CallEvent.TransferStepped stepped -> {
                Document step = new Document("step", stepped.step().id()).append("at", at);
                if (stepped.fromAgent() != null) {
                    step.append("from", stepped.fromAgent());
                }
                step.append("to", stepped.target());
                if (stepped.detail() != null) {
                    step.append("detail", stepped.detail());
                }
                entry("transfer-" + stepped.step().id(), at).append("from", stepped.fromAgent()).append("to", stepped.target());
                parts.add(Updates.push("transferSteps", step));
            }
            case CallEvent.PositionAnnounced told -> {
                entry("position-announced", at).append("position", told.position())
                        .append("expectedWaitS", told.expectedWait().toSeconds());
                parts.add(Updates.inc("queue.announcements", 1));
            }
            case CallEvent.CallbackRequested requested -> {
                entry("callback-requested", at).append("queue", requested.queue());
                set(CALLBACK + ".number", requested.number());
                set(CALLBACK + ".queue", requested.queue());
                set(CALLBACK + ".requestedAt", at);
                set(CALLBACK + ".deadline", date(requested.deadline()));
                if (requested.joined() != null) {
                    set(CALLBACK + ".joined", requested.joined()); // one open request per customer and queue: this call joined it
                    set(CALLBACK_STATUS, JOINED);
                } else if (requested.refusal() != null) {
                    set(CALLBACK + ".refusal", requested.refusal()); // never dialled: the centre's dial rule refuses the number
                    set(CALLBACK_STATUS, REFUSED);
                } else {
                    set(CALLBACK_STATUS, PENDING);
                }
            }
            case CallEvent.MessageOffered offered -> {
                entry("message-offered", at);
                if (offered.queue() != null) {
                    entry.append("queue", offered.queue()); // the queue a task made after a crash goes to
                }
            }
            case CallEvent.MessageLeft left -> {
                entry("message-left", at).append("file", left.file());
                Document message = new Document("at", at).append("lengthMs", left.length().toMillis());
                if (left.file() != null) {
                    message.append("file", left.file());
                }
                set("message", message);
            }
            case CallEvent.CallbackAttempted attempt -> {
                String outcome = dashed(attempt.outcome().name());
                entry("callback-attempted", at).append("agent", attempt.agent()).append("outcome", outcome);
                Document tried = new Document("agent", attempt.agent()).append("agentRangAt", date(attempt.agentRangAt()))
                        .append("endedAt", at).append("outcome", outcome);
                if (attempt.customerAnsweredAt() != null) {
                    tried.append("customerAnsweredAt", date(attempt.customerAnsweredAt()));
                    set(CALLBACK + ".agent", attempt.agent());
                    set(CALLBACK + ".customerAnsweredAt", date(attempt.customerAnsweredAt()));
                }
                parts.add(Updates.push(CALLBACK + ".attempts", tried));
                if (attempt.outcome() != CallbackOutcome.AGENT_NO_ANSWER) {
                    parts.add(Updates.inc(CALLBACK + ".customerDialled", 1));
                }
            }
            case CallEvent.CallbackClosed closed -> {
                entry("callback-closed", at).append("reached", closed.reached());
                set(CALLBACK_STATUS, closed.reached() ? "done" : "failed");
                set(CALLBACK + ".closedAt", at);
            }
            case CallEvent.SurveyOffered ignored -> {
                entry("survey-offered", at);
                set("survey.offeredAt", at);
            }
            case CallEvent.SurveyAnswered survey -> {
                entry("survey-answered", at).append("score", survey.score());
                set("survey.score", survey.score());
                set("survey.answeredAt", at);
            }
            case CallEvent.RecordingStarted started -> {
                entry("recording-started", at).append("file", started.file());
                set("recording.file", started.file());
                parts.add(Updates.min("recording.startedAt", at)); // a transfer's next agent adds to the same file
            }
            case CallEvent.RecordingPaused ignored -> {
                entry("recording-paused", at);
                parts.add(Updates.pushEach("recording.pauses", List.of(new Document("at", at).append("step", "paused")),
                        new PushOptions().sortDocument(new Document("at", 1))));
            }
            case CallEvent.RecordingResumed ignored -> {
                entry("recording-resumed", at);
                parts.add(Updates.pushEach("recording.pauses", List.of(new Document("at", at).append("step", "resumed")),
                        new PushOptions().sortDocument(new Document("at", 1))));
            }
            case CallEvent.RecordingEnded ignored -> {
                entry("recording-ended", at);
                parts.add(Updates.max("recording.endedAt", at));
            }
            case CallEvent.RecordingDeleted deleted -> {
                entry("recording-deleted", at).append("why", deleted.why());
                set("recording.deleted", new Document("at", at).append("why", deleted.why()));
            }
            case CallEvent.HangupRequested ignored -> {
                entry("hangup-requested", at);
                set("hangupRequestedAt", at);
            }
            case CallEvent.FlowEnded ended -> {
                String outcome = ended.outcome() == null ? null : dashed(ended.outcome().name());
                entry("flow-ended", at).append("outcome", outcome);
                set("flow.endedAt", at);
                set("flow.outcome", outcome);
            }
            case CallEvent.Settled settled -> {
                String how = dashed(settled.how().name());
                entry("settled", at).append("how", how);
                set("settled", new Document("how", how).append("at", at));
                if (settled.how() == org.hotline.call.Settlement.IMPORTED_FROM_CEL) {
                    set("source", "imported-from-cel");
                }
            }
            case CallEvent.Ended ended -> {
                String side = ended.side() == null ? "unknown" : dashed(ended.side().name());
                entry("ended", at).append("cause", ended.cause()).append("side", side);
                set(ENDED_AT, at);
                Document hangup = new Document("cause", ended.cause());
                if (ended.causeText() != null) {
                    hangup.append("causeText", ended.causeText());
                }
                set("hangup", hangup.append("side", side));
            }
        }
    }

    private Document entry(String type, Date at) {
        return entry.append("type", type).append("at", at);
    }

    /** Sets a field to a known value; an unknown (null) value leaves what is stored alone. */
    private void set(String field, Object value) {
        if (value != null) {
            parts.add(Updates.set(field, value));
        }
    }

    /** Field by field, so a source that knows less (a channel created before its caller id was set) erases nothing. */
    private void caller(CallerId caller) {
        if (caller != null) {
            set("caller.number", caller.number());
            set("caller.name", caller.name());
            set("caller.raw", caller.raw());
        }
    }

    private static String dashed(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** BSON dates hold milliseconds: finer parts of an Instant are dropped. */
    static Date date(Instant instant) {
        return Date.from(instant);
    }
}
