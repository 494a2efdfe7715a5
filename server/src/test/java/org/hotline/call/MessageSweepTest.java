package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.Test;

/**
 * A server killed while a caller recorded leaves the file and no task: the next start makes the
 * task from the call's record, once, however often it sweeps.
 */
class MessageSweepTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:10:00Z");
    private static final Instant OFFERED = Instant.parse("2026-11-22T01:00:00Z");
    private static final Instant RECORDED_UNTIL = Instant.parse("2026-11-22T01:00:12.340Z");
    private static final CallId ID = new CallId("1700000000.7");
    private static final Skill AFTER_HOURS = new Skill("agent");

    private final List<CallEvent> events = new ArrayList<>();
    private final FakeQueue queue = new FakeQueue();
    private final FakeMessageBox box = new FakeMessageBox();
    private final Records records = new Records();

    @Test
    void aMessageLeftWhileTheServerWasDownBecomesItsCallbackTaskWithItsAudio() {
        box.recorded.put(ID, Duration.ofMillis(8400));
        box.ends.put(ID, RECORDED_UNTIL);
        records.ended(ID, "13600136000", new Skill("orders"));

        List<CallId> again = sweep().sweep();

        assertThat(again).isEmpty();
        assertThat(queue.told).containsExactly("callback orders 13600136000 with message 1700000000.7.wav PT8.4S");
        assertThat(events).first().as("ended when Asterisk last wrote the file")
                .isEqualTo(new CallEvent.MessageLeft(RECORDED_UNTIL, "1700000000.7.wav", Duration.ofMillis(8400)));
        assertThat(events).filteredOn(CallEvent.CallbackRequested.class::isInstance).singleElement()
                .satisfies(requested -> {
                    CallEvent.CallbackRequested callback = (CallEvent.CallbackRequested) requested;
                    assertThat(callback.number()).isEqualTo("13600136000");
                    assertThat(callback.queue()).isEqualTo("orders");
                    assertThat(callback.deadline()).as("due as any callback, from the caller's place")
                            .isEqualTo(OFFERED.plus(Duration.ofHours(1)));
                });
    }

    @Test
    void twoSweepsAndTwoServersMakeOneTask() {
        box.recorded.put(ID, Duration.ofSeconds(5));
        records.ended(ID, "13600136000", new Skill("orders"));

        sweep().sweep();
        sweep().sweep(); // another server on the same store: the claim is taken

        assertThat(queue.told).hasSize(1);
        assertThat(records.claims).containsExactly(ID);
    }

    @Test
    void aCallStillGoingOnIsLookedAtAgainOnceItIsOver() {
        box.recorded.put(ID, Duration.ofSeconds(5));
        records.going(ID, "13600136000");
        MessageSweep sweep = sweep();

        assertThat(sweep.sweep()).as("the caller may still be recording").containsExactly(ID);
        assertThat(queue.told).isEmpty();

        records.ended(ID, "13600136000", null);
        assertThat(sweep.sweep(List.of(ID))).isEmpty();
        assertThat(queue.told).as("a record without its queue: the after-hours queue")
                .containsExactly("callback agent 13600136000 with message 1700000000.7.wav PT5S");
    }

    @Test
    void aMessageWhoseTaskTheFlowMadeIsLeftAlone() {
        box.recorded.put(ID, Duration.ofSeconds(5));
        records.ended(ID, "13600136000", new Skill("orders"));
        records.tasked.add(ID);

        sweep().sweep();

        assertThat(queue.told).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void aCallerCutAtTheToneIsStillCalledBackMarkedWithoutAudio() {
        box.recorded.put(ID, Duration.ofMillis(200));
        records.ended(ID, "13600136000", new Skill("orders"));

        sweep().sweep();

        assertThat(queue.told).containsExactly("callback orders 13600136000 with message without audio");
        assertThat(box.discarded).containsExactly(ID);
    }

    @Test
    void aMessageWhoseRecordIsNotInTheStoreYetIsLookedAtAgain() {
        box.recorded.put(ID, Duration.ofSeconds(5));
        MessageSweep sweep = sweep();

        assertThat(sweep.sweep()).as("the last server's spool may still be replaying").containsExactly(ID);

        records.ended(ID, "13600136000", new Skill("orders"));
        assertThat(sweep.sweep(List.of(ID))).isEmpty();
        assertThat(queue.told).hasSize(1);
    }

    @Test
    void aStoreThatCannotBeReachedLeavesTheMessageForTheNextSweep() {
        box.recorded.put(ID, Duration.ofSeconds(5));
        records.away = true;

        assertThat(sweep().sweep()).containsExactly(ID);
        assertThat(queue.told).isEmpty();
    }

    private MessageSweep sweep() {
        return new MessageSweep(new Messages(MessageRules.standard(), box, records), queue, AFTER_HOURS,
                Clock.fixed(NOW, ZoneOffset.UTC), (id, event) -> events.add(event));
    }

    /** The calls' records and the claims, as the store keeps them for every server. */
    private static final class Records implements MessageTasks {
        final Map<CallId, MessageCall> records = new HashMap<>();
        final Set<CallId> tasked = new HashSet<>();
        final List<CallId> claims = new ArrayList<>();
        boolean away;

        void ended(CallId id, String number, Skill queue) {
            records.put(id, new MessageCall(id, number, Language.ZH, queue, OFFERED, true, false));
        }

        void going(CallId id, String number) {
            records.put(id, new MessageCall(id, number, Language.ZH, null, OFFERED, false, false));
        }

        @Override
        public boolean claim(CallId call) {
            if (claims.contains(call)) {
                return false;
            }
            return claims.add(call);
        }

        @Override
        public Optional<MessageCall> recordOf(CallId call) {
            if (away) {
                throw new IllegalStateException("the store is away");
            }
            MessageCall kept = records.get(call);
            return Optional.ofNullable(kept).map(record -> new MessageCall(record.id(), record.number(), record.language(),
                    record.queue(), record.offeredAt(), record.ended(), tasked.contains(call) || record.tasked()));
        }
    }
}
