package org.hotline.floor;

import org.hotline.shared.AgentRingRule;
import io.vertx.core.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hotline.call.ServiceHours;
import org.hotline.routing.Agent;
import org.hotline.routing.AgentSelection;
import org.hotline.routing.CallbackPolicy;
import org.hotline.routing.Distributor;
import org.hotline.routing.PriorityRules;

/** A floor for tests of the parts around it: open all day, no telephony, nothing recorded. */
public final class TestFloor {

    private TestFloor() {
    }

    public static Floor of(Context context, List<Agent> agents, Clock clock) {
        return new Floor(context,
                new Distributor(agents, PriorityRules.standard(), AgentSelection.mostSkilledThenLongestIdle(), clock),
                new FloorRules(Duration.ofSeconds(10), AgentRingRule.handbook(), CallbackPolicy.standard(),
                        ServiceHours.everyDay(ZoneOffset.UTC, new ServiceHours.Hours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))),
                (request, agent, ringFor, result) -> result.couldNotDial("no telephony in this test"),
                (id, event) -> { }, clock);
    }
}
