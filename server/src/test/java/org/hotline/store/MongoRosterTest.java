package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hotline.routing.Agent;
import org.hotline.routing.Tier;
import org.hotline.routing.roster.AgentConflict;
import org.hotline.routing.roster.RosterAgent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoRosterTest {

    private static final Skill ORDERS = new Skill("orders");
    private static final Agent LEAD = new Agent(new AgentId("001"), "张伟", Tier.TEAM_LEAD, Map.of(ORDERS, 2));
    private static final Agent LI = new Agent(new AgentId("010"), "李明", Tier.FRONT_LINE, Map.of(ORDERS, 3), LEAD.id());

    private final MongoStore store = TestMongo.openStore();
    private final MongoRoster roster = new MongoRoster(store.roster());

    @AfterEach
    void drop() {
        store.database().drop();
        store.close();
    }

    @Test
    void theSeedIsPlantedOnceAndAnAgentChangedSinceStaysAsChanged() {
        assertThat(roster.plant(List.of(LEAD, LI))).containsExactly(LEAD, LI);
        RosterAgent moved = roster.find(LI.id()).orElseThrow().with(LI.withSkills(Map.of(ORDERS, 5))).with(RosterAgent.Standing.DISABLED);
        roster.replace(moved);

        assertThat(roster.plant(List.of(LEAD, LI))).isEmpty();
        assertThat(roster.find(LI.id())).contains(moved);
        assertThat(roster.all()).extracting(RosterAgent::id).containsExactly(LEAD.id(), LI.id());
    }

    @Test
    void anAgentIsKeptWithTheirPhonesKeyAndTheirIdIsTakenForGood() {
        RosterAgent zhao = new RosterAgent(new Agent(new AgentId("020"), "赵敏", Tier.SENIOR, Map.of(ORDERS, 4), null),
                RosterAgent.Standing.ACTIVE, "0123456789abcdef0123456789abcdef");
        roster.add(zhao);
        roster.replace(zhao.with(RosterAgent.Standing.REMOVED));

        assertThat(roster.find(zhao.id())).contains(zhao.with(RosterAgent.Standing.REMOVED));
        assertThatThrownBy(() -> roster.add(zhao)).isInstanceOf(AgentConflict.class);
        Document kept = store.roster().find(new Document("_id", "020")).first();
        assertThat(kept.keySet()).containsExactlyInAnyOrder("_id", "name", "tier", "skills", "teamLead", "standing", "phoneKey");
    }
}
