package org.hotline.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.report.AgentSpan;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.PauseReason;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.junit.jupiter.api.Test;

class AgentTimeKeeperTest {

    private static final Instant NINE = Instant.parse("2026-11-22T01:00:00Z");
    private static final Agent LI = new Agent(new AgentId("010"), "Li", Tier.FRONT_LINE, Map.of(new Skill("orders"), 3));

    private final List<AgentSpan> spans = new ArrayList<>();
    private final AgentTimeKeeper keeper = new AgentTimeKeeper(spans::add);

    private static List<AgentStatus> li(AgentState state, PauseReason reason, int secondsAfterNine) {
        return List.of(new AgentStatus(LI, state, reason, NINE.plusSeconds(secondsAfterNine), true, false, null));
    }

    @Test
    void eachStateTheAgentLeavesBecomesASpanOfItsTime() {
        keeper.observe(li(AgentState.READY, null, 0));
        keeper.observe(li(AgentState.READY, null, 0)); // no change, nothing yet
        keeper.observe(li(AgentState.PAUSED, PauseReason.BREAK, 300));
        keeper.observe(li(AgentState.PAUSED, PauseReason.ADMIN, 900));

        assertThat(spans).containsExactly(
                new AgentSpan("010", "ready", null, NINE, NINE.plusSeconds(300)),
                new AgentSpan("010", "paused", "break", NINE.plusSeconds(300), NINE.plusSeconds(900)));
    }

    @Test
    void atANewHourTheTimeSoFarIsCountedSoThePastHourIsComplete() {
        keeper.observe(li(AgentState.ON_CALL, null, 3000));
        keeper.flush(NINE.plusSeconds(3700));
        keeper.observe(li(AgentState.WRAP_UP, null, 3800));

        assertThat(spans).containsExactly(
                new AgentSpan("010", "on-call", null, NINE.plusSeconds(3000), NINE.plusSeconds(3600)),
                new AgentSpan("010", "on-call", null, NINE.plusSeconds(3600), NINE.plusSeconds(3800)));
    }

    @Test
    void atAGracefulStopEveryOpenStretchIsCountedUpToTheStop() {
        keeper.observe(li(AgentState.PAUSED, PauseReason.TRAINING, 3000));
        keeper.flushAll(NINE.plusSeconds(3300));

        assertThat(spans).containsExactly(new AgentSpan("010", "paused", "training", NINE.plusSeconds(3000), NINE.plusSeconds(3300)));

        keeper.flushAll(NINE.plusSeconds(3300)); // twice (a stop retried): nothing more
        keeper.observe(li(AgentState.READY, null, 3400));
        assertThat(spans).hasSize(2).last()
                .isEqualTo(new AgentSpan("010", "paused", "training", NINE.plusSeconds(3300), NINE.plusSeconds(3400)));
    }
}
