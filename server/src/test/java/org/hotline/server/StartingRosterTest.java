package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.junit.jupiter.api.Test;

/** Skills a supervisor changed outlive a restart, as far as the menu still has their queues. */
class StartingRosterTest {

    private static final Skill ORDERS = new Skill("orders");
    private static final Skill COMPLAINTS = new Skill("complaints");
    private static final Skill REFUNDS = new Skill("refunds");
    private static final AgentId LI = new AgentId("010");
    private static final AgentId WANG = new AgentId("011");
    private static final List<Agent> ROSTER = List.of(new Agent(LI, "李明", Tier.FRONT_LINE, Map.of(ORDERS, 3)),
            new Agent(WANG, "王芳", Tier.SENIOR, Map.of(COMPLAINTS, 4)));

    @Test
    void savedSkillsWinOverTheRostersAndOtherAgentsKeepTheirs() {
        List<Agent> agents = StartingRoster.of(ROSTER, Map.of(LI, Map.of(COMPLAINTS, 2, ORDERS, 5)), Set.of(ORDERS, COMPLAINTS));
        assertThat(agents.get(0).skills()).isEqualTo(Map.of(COMPLAINTS, 2, ORDERS, 5));
        assertThat(agents.get(1)).isEqualTo(ROSTER.get(1));
    }

    @Test
    void aQueueTheMenuNoLongerHasIsDroppedAndAnAgentLeftWithNoneKeepsTheRostersSkills() {
        List<Agent> agents = StartingRoster.of(ROSTER, Map.of(LI, Map.of(REFUNDS, 3, COMPLAINTS, 2), WANG, Map.of(REFUNDS, 5)),
                Set.of(ORDERS, COMPLAINTS));
        assertThat(agents.get(0).skills()).isEqualTo(Map.of(COMPLAINTS, 2));
        assertThat(agents.get(1).skills()).isEqualTo(Map.of(COMPLAINTS, 4));
    }

    @Test
    void savedLevelsOutOfRangeAreNotUsed() {
        assertThat(StartingRoster.of(ROSTER, Map.of(LI, Map.of(ORDERS, 9)), Set.of(ORDERS)).get(0)).isEqualTo(ROSTER.get(0));
    }
}
