package org.hotline.floor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.live.LiveEvent;
import org.hotline.live.LiveFeed;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.PauseReason;
import org.hotline.shared.Skill;

/**
 * Publishes {@code agent-state} events: compares the agents' states after a floor step with those
 * last published, so every kind of change (API, feature code, ringing, answer, wrap-up, ring-no-answer)
 * is seen without the distributor knowing of screens. Confined to the floor's context.
 */
final class AgentStateFeed {

    // The phone too: a wall board shows whose softphone is registered, and a phone going away is news;
    // and the skills, which a supervisor may change while the agent works.
    private record Shown(AgentState state, PauseReason reason, boolean phoneRegistered, Map<Skill, Integer> skills) {

        static Shown of(AgentStatus status) {
            return new Shown(status.state(), status.pauseReason(), status.phoneRegistered(), status.agent().skills());
        }
    }

    private final LiveFeed live;
    private final Map<AgentId, Shown> shown = new HashMap<>();

    AgentStateFeed(LiveFeed live, List<AgentStatus> now) {
        this.live = live;
        now.forEach(status -> shown.put(status.agent().id(), Shown.of(status)));
    }

    void publishChanges(List<AgentStatus> statuses) {
        for (AgentStatus status : statuses) {
            Shown now = Shown.of(status);
            if (!now.equals(shown.put(status.agent().id(), now))) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("state", dashed(now.state()));
                data.put("reason", now.reason() == null ? null : dashed(now.reason()));
                data.put("phoneRegistered", now.phoneRegistered());
                Map<String, Integer> skills = new TreeMap<>();
                now.skills().forEach((skill, level) -> skills.put(skill.name(), level));
                data.put("skills", skills);
                live.publish(LiveEvent.forAgent("agent-state", status.agent().id().value(), data, status.since()));
            }
        }
    }

    // The same names the agents API uses: "logged-out", "ring-no-answer".
    private static String dashed(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
