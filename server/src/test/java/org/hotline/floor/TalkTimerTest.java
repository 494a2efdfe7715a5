package org.hotline.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.call.CallEvent;
import org.hotline.live.LiveEvent;
import org.hotline.routing.TestClock;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;

/**
 * The handbook's call length: a warning at 3 minutes, a breach at 5, counted from the agent's
 * answer, on the call's record and the live channel — and nothing for a conversation already over.
 */
class TalkTimerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final AgentId LI = new AgentId("010");
    private static final CallId CALL = new CallId("1795300000.1");
    private static final CallId NEXT = new CallId("1795300000.2");

    private final TestClock clock = new TestClock(NOW);
    private final HandTimers timers = new HandTimers(clock);
    private final List<CallEvent> recorded = new ArrayList<>();
    private final List<LiveEvent> published = new ArrayList<>();
    private final TalkTimer talk = new TalkTimer(Duration.ofMinutes(3), Duration.ofMinutes(5), timers,
            (id, event) -> recorded.add(event), clock);

    {
        talk.publishOn(published::add);
    }

    @Test
    void aConversationIsWarnedAtThreeMinutesAndBreachesTheRuleAtFive() {
        talk.started(LI, CALL, NOW);

        timers.advance(Duration.ofMinutes(3).minusSeconds(1));
        assertThat(recorded).isEmpty();
        timers.advance(Duration.ofSeconds(1));
        assertThat(recorded).containsExactly(new CallEvent.TalkTimeReached(NOW.plusSeconds(180), "010", Duration.ofMinutes(3), false));

        timers.advance(Duration.ofMinutes(2));
        assertThat(recorded).containsExactly(
                new CallEvent.TalkTimeReached(NOW.plusSeconds(180), "010", Duration.ofMinutes(3), false),
                new CallEvent.TalkTimeReached(NOW.plusSeconds(300), "010", Duration.ofMinutes(5), true));
        assertThat(published).extracting(LiveEvent::type).containsExactly("talk-time-warning", "talk-time-breach");
        assertThat(published).allSatisfy(event -> assertThat(event.agent()).isEqualTo("010"));
        assertThat(published.get(1).data()).isEqualTo(Map.of("call", CALL.value(), "talkedSeconds", 300L));
    }

    @Test
    void theTimeCountsFromTheAnswerAsAsteriskSawItNotFromWhenTheFloorHeard() {
        talk.started(LI, CALL, NOW.minusSeconds(100));

        timers.advance(Duration.ofSeconds(80));

        assertThat(recorded).containsExactly(new CallEvent.TalkTimeReached(NOW.plusSeconds(80), "010", Duration.ofMinutes(3), false));
    }

    @Test
    void aConversationOverBeforeThreeMinutesIsNeitherWarnedNorBreached() {
        talk.started(LI, CALL, NOW);
        timers.advance(Duration.ofMinutes(2));
        talk.ended(LI);

        timers.advance(Duration.ofMinutes(10));

        assertThat(recorded).isEmpty();
        assertThat(published).isEmpty();
        assertThat(talk.running()).isZero();
    }

    @Test
    void theAgentsNextConversationIsNotWarnedByTheTimersOfTheLastOne() {
        talk.started(LI, CALL, NOW);
        timers.advance(Duration.ofMinutes(2));
        talk.ended(LI);
        talk.started(LI, NEXT, clock.instant());

        timers.advance(Duration.ofMinutes(4)); // the first call's 3 and 5 minutes pass; the next call's 3 minutes come at 5

        assertThat(recorded).singleElement().isEqualTo(new CallEvent.TalkTimeReached(NOW.plusSeconds(300), "010",
                Duration.ofMinutes(3), false));
        assertThat(published).singleElement().satisfies(event -> assertThat(event.data().get("call")).isEqualTo(NEXT.value()));
    }

    @Test
    void eachAgentInAConversationIsCountedUntilItEnds() {
        talk.started(LI, CALL, NOW);
        talk.started(new AgentId("011"), NEXT, NOW);
        assertThat(talk.running()).isEqualTo(2);
        talk.ended(LI);
        assertThat(talk.running()).isEqualTo(1);
    }
}
