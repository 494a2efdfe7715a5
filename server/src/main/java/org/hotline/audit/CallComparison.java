package org.hotline.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Call by call, what the records say against what CEL says: a call missing on one side, a time off by more
 * than {@link FigureValue#TIME_TOLERANCE}, a queue, an offer or an outcome that differs.
 */
final class CallComparison {

    private CallComparison() {
    }

    /**
     * @param fromCel     the day's calls rebuilt from CEL
     * @param fromRecords the day's call records
     * @param nearby      records and CEL calls just outside the day (a call arriving on the stroke of midnight
     *                    may fall on either side by a few ms): those are compared, not reported missing
     */
    static List<CallDifference> of(List<AuditedCall> fromCel, List<AuditedCall> fromRecords, Map<String, AuditedCall> nearbyRecords,
                                   Map<String, AuditedCall> nearbyCel) {
        Map<String, AuditedCall> records = new HashMap<>();
        fromRecords.forEach(call -> records.put(call.id(), call));
        List<CallDifference> differences = new ArrayList<>();
        for (AuditedCall cel : fromCel) {
            AuditedCall record = records.remove(cel.id());
            if (record == null) {
                record = nearbyRecords.get(cel.id());
            }
            if (record == null) {
                differences.add(new CallDifference(cel.id(), "record", "arrived " + cel.arrivalAt(), "-"));
            } else {
                compare(cel, record, differences);
            }
        }
        for (AuditedCall record : records.values()) {
            AuditedCall cel = nearbyCel.get(record.id());
            if (cel == null) {
                differences.add(new CallDifference(record.id(), "record", "-", "arrived " + record.arrivalAt()));
            } else {
                compare(cel, record, differences);
            }
        }
        differences.sort(Comparator.comparing(CallDifference::callId));
        return differences;
    }

    private static void compare(AuditedCall cel, AuditedCall record, List<CallDifference> out) {
        String id = cel.id();
        time(id, "arrivalAt", cel.arrivalAt(), record.arrivalAt(), out);
        time(id, "answeredAt", cel.answeredAt(), record.answeredAt(), out);
        same(id, "queue.name", cel.queue(), record.queue(), out);
        time(id, "queue.enqueuedAt", cel.enqueuedAt(), record.enqueuedAt(), out);
        time(id, "agent.answeredAt", cel.agentAnsweredAt(), record.agentAnsweredAt(), out);
        time(id, "queue.abandonedAt", cel.abandonedAt().orElse(null), record.abandonedAt().orElse(null), out);
        time(id, "conversation.startedAt", cel.talkStartedAt(), record.talkStartedAt(), out);
        time(id, "conversation.endedAt", cel.talkEndedAt(), record.talkEndedAt(), out);
        same(id, "outcome", cel.outcome(), record.outcome(), out);
        offers(id, cel.offers(), record.offers(), out);
    }

    private static void offers(String id, List<Offer> cel, List<Offer> record, List<CallDifference> out) {
        if (cel.size() != record.size()) {
            out.add(new CallDifference(id, "offers", cel.size() + " rings " + agents(cel), record.size() + " rings " + agents(record)));
            return;
        }
        for (int i = 0; i < cel.size(); i++) {
            Offer c = cel.get(i);
            Offer r = record.get(i);
            String at = "offers[" + i + "].";
            same(id, at + "agent", c.agent(), r.agent(), out);
            time(id, at + "ringStartedAt", c.ringStartedAt(), r.ringStartedAt(), out);
            time(id, at + "ringEndedAt", c.ringEndedAt(), r.ringEndedAt(), out);
            same(id, at + "outcome", c.outcome() == null ? null : c.outcome().id(), r.outcome() == null ? null : r.outcome().id(), out);
        }
    }

    private static List<String> agents(List<Offer> offers) {
        return offers.stream().map(Offer::agent).toList();
    }

    private static void time(String id, String what, Instant cel, Instant record, List<CallDifference> out) {
        if (cel == null && record == null) {
            return;
        }
        if (cel == null || record == null
                || Duration.between(cel, record).abs().compareTo(FigureValue.TIME_TOLERANCE) > 0) {
            out.add(new CallDifference(id, what, text(cel), text(record)));
        }
    }

    private static void same(String id, String what, String cel, String record, List<CallDifference> out) {
        if (!Objects.equals(cel, record)) {
            out.add(new CallDifference(id, what, text(cel), text(record)));
        }
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }
}
