package org.hotline.routing.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.routing.Agent;
import org.hotline.routing.Tier;
import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.Test;

/** The roster as admins change it: who may be added, what each change does at once, what is kept and what never is. */
class RosterChangesTest {

    private static final Skill ORDERS = new Skill("orders");
    private static final AgentId LEAD = new AgentId("001");
    private static final AgentId LI = new AgentId("010");
    private static final AgentId ZHAO = new AgentId("020");

    private final KeptRoster roster = new KeptRoster();
    private final List<String> done = new ArrayList<>();
    private final RosterRules rules = new RosterRules(Set.of(ORDERS, new Skill("complaints")));
    private final RosterEffects effects = new RosterEffects() {
        @Override
        public void seated(Agent agent) {
            done.add("seated " + agent.id());
        }

        @Override
        public void changed(Agent agent) {
            done.add("changed " + agent.id());
        }

        @Override
        public void unseated(AgentId agent) {
            if (agent.equals(onACall)) {
                throw new AgentConflict("agent " + agent + " is ON_CALL");
            }
            done.add("unseated " + agent);
        }

        @Override
        public void accountsChanged() {
            done.add("accounts " + roster.all().stream().filter(RosterAgent::active).map(RosterAgent::id).toList());
        }
    };
    private final DeskLogins logins = new DeskLogins() {
        @Override
        public String open(Agent agent, String password) {
            done.add("login agent-" + agent.id());
            return "agent-" + agent.id();
        }

        @Override
        public void close(AgentId agent) {
            done.add("logins closed " + agent);
        }

        @Override
        public void reopen(AgentId agent) {
            done.add("logins open " + agent);
        }
    };
    private AgentId onACall;

    private final AddAgent add = new AddAgent(roster, rules, new FirstPasswords(new SecureRandom()),
            (agent, password) -> "key of " + agent + ":" + password, logins, effects);

    RosterChangesTest() {
        roster.plant(List.of(new Agent(LEAD, "张伟", Tier.TEAM_LEAD, Map.of(ORDERS, 2)),
                new Agent(LI, "李明", Tier.FRONT_LINE, Map.of(ORDERS, 3), LEAD)));
    }

    private static Agent zhao() {
        return new Agent(ZHAO, "赵敏", Tier.FRONT_LINE, Map.of(ORDERS, 3), LEAD);
    }

    @Test
    void anAddedAgentIsSeatedTheirPhoneAccountLoadedAndTheirFirstPasswordsHandedOutOnceKeptOnlyAsAKey() {
        NewAgent made = add.add(zhao());

        assertThat(done).containsExactly("login agent-020", "seated 020", "accounts [001, 010, 020]");
        assertThat(made.phonePassword()).hasSize(FirstPasswords.LENGTH).isNotEqualTo(made.deskPassword());
        assertThat(made.deskPassword()).hasSize(FirstPasswords.LENGTH);
        RosterAgent kept = roster.find(ZHAO).orElseThrow();
        assertThat(kept.phoneKey()).isEqualTo("key of 020:" + made.phonePassword());
        assertThat(kept.active()).isTrue();
        assertThat(made.toString()).doesNotContain(made.phonePassword(), made.deskPassword());
    }

    @Test
    void eachNewAgentGetsPasswordsOfTheirOwn() {
        NewAgent zhao = add.add(zhao());
        NewAgent qian = add.add(new Agent(new AgentId("021"), "钱", Tier.SENIOR, Map.of(ORDERS, 4)));
        assertThat(Set.of(zhao.phonePassword(), zhao.deskPassword(), qian.phonePassword(), qian.deskPassword())).hasSize(4);
    }

    @Test
    void anAgentIsRefusedWithUnknownSkillsATeamLeadWhoIsNotOneOrATakenId() {
        assertThatThrownBy(() -> add.add(new Agent(ZHAO, "赵敏", Tier.FRONT_LINE, Map.of(new Skill("refunds"), 3))))
                .isInstanceOf(BadAgent.class).hasMessageContaining("not a queue");
        assertThatThrownBy(() -> add.add(new Agent(ZHAO, "赵敏", Tier.FRONT_LINE, Map.of(ORDERS, 3), LI)))
                .isInstanceOf(BadAgent.class).hasMessageContaining("not a team lead");
        assertThatThrownBy(() -> add.add(new Agent(ZHAO, "赵敏", Tier.FRONT_LINE, Map.of(ORDERS, 3), new AgentId("099"))))
                .isInstanceOf(BadAgent.class).hasMessageContaining("no agent 099");
        assertThatThrownBy(() -> add.add(new Agent(ZHAO, "赵".repeat(41), Tier.FRONT_LINE, Map.of(ORDERS, 3))))
                .isInstanceOf(BadAgent.class).hasMessageContaining("40 characters");
        assertThatThrownBy(() -> add.add(new Agent(LI, "另一个", Tier.FRONT_LINE, Map.of(ORDERS, 3))))
                .isInstanceOf(AgentConflict.class).hasMessageContaining("taken");
        assertThat(done).isEmpty();
    }

    @Test
    void aChangedAgentTakesTheirNewSkillsOnTheFloorAndKeepsTheirPhone() {
        RosterAgent before = roster.find(LI).orElseThrow();
        new ChangeAgent(roster, rules, effects).change(new Agent(LI, "李明", Tier.SENIOR, Map.of(new Skill("complaints"), 4), LEAD));

        assertThat(done).containsExactly("changed 010");
        RosterAgent after = roster.find(LI).orElseThrow();
        assertThat(after.agent().tier()).isEqualTo(Tier.SENIOR);
        assertThat(after.phoneKey()).isEqualTo(before.phoneKey());
    }

    @Test
    void aTeamLeadOthersNameIsNeitherDemotedNorRemoved() {
        assertThatThrownBy(() -> new ChangeAgent(roster, rules, effects).change(new Agent(LEAD, "张伟", Tier.SENIOR, Map.of(ORDERS, 2))))
                .isInstanceOf(AgentConflict.class).hasMessageContaining("team lead of 010");
        assertThatThrownBy(() -> new RemoveAgent(roster, logins, effects).remove(LEAD))
                .isInstanceOf(AgentConflict.class).hasMessageContaining("team lead of 010");
        assertThat(done).isEmpty();
    }

    @Test
    void aDisabledAgentLeavesTheFloorTheirLoginsAndPhoneAccountGoAndComeBackWhenEnabled() {
        new DisableAgent(roster, logins, effects).disable(LI);
        assertThat(done).containsExactly("unseated 010", "logins closed 010", "accounts [001]");
        assertThat(roster.find(LI).orElseThrow().standing()).isEqualTo(RosterAgent.Standing.DISABLED);

        done.clear();
        new EnableAgent(roster, logins, effects).enable(LI);
        assertThat(done).containsExactly("seated 010", "logins open 010", "accounts [001, 010]");
    }

    @Test
    void anAgentOnACallIsNeitherDisabledNorRemovedAndNothingChanges() {
        onACall = LI;
        assertThatThrownBy(() -> new DisableAgent(roster, logins, effects).disable(LI)).isInstanceOf(AgentConflict.class);
        assertThatThrownBy(() -> new RemoveAgent(roster, logins, effects).remove(LI)).isInstanceOf(AgentConflict.class);
        assertThat(roster.find(LI).orElseThrow().active()).isTrue();
        assertThat(done).isEmpty();
    }

    @Test
    void aRemovedAgentStaysOnTheRosterForTheirPastCallsAndTheirIdIsNotGivenAgain() {
        new RemoveAgent(roster, logins, effects).remove(LI);
        assertThat(done).containsExactly("unseated 010", "logins closed 010", "accounts [001]");
        assertThat(roster.find(LI).orElseThrow().standing()).isEqualTo(RosterAgent.Standing.REMOVED);
        assertThat(roster.find(LI).orElseThrow().agent().name()).isEqualTo("李明");

        assertThatThrownBy(() -> add.add(new Agent(LI, "新人", Tier.FRONT_LINE, Map.of(ORDERS, 3))))
                .isInstanceOf(AgentConflict.class).hasMessageContaining("not given again");
        assertThatThrownBy(() -> new EnableAgent(roster, logins, effects).enable(LI)).isInstanceOf(UnknownAgent.class);
        assertThatThrownBy(() -> new ChangeAgent(roster, rules, effects).change(new Agent(LI, "李明", Tier.SENIOR, Map.of(ORDERS, 3))))
                .isInstanceOf(UnknownAgent.class);
    }

    @Test
    void theSeedPlantsOnlyAgentsTheRosterNeverHadAndLeavesAdminsChangesAlone() {
        new ChangeAgent(roster, rules, effects).change(new Agent(LI, "李明明", Tier.FRONT_LINE, Map.of(ORDERS, 5), LEAD));
        new RemoveAgent(roster, logins, effects).remove(LI);

        List<Agent> planted = roster.plant(List.of(new Agent(LI, "李明", Tier.FRONT_LINE, Map.of(ORDERS, 3), LEAD),
                new Agent(new AgentId("012"), "周", Tier.FRONT_LINE, Map.of(ORDERS, 1))));

        assertThat(planted).extracting(Agent::id).containsExactly(new AgentId("012"));
        assertThat(roster.find(LI).orElseThrow().agent().name()).isEqualTo("李明明");
        assertThat(roster.find(LI).orElseThrow().standing()).isEqualTo(RosterAgent.Standing.REMOVED);
    }

    @Test
    void aNewPhonePasswordReplacesTheKeyAndIsAnsweredOnceWhileTheDesktopLoginStaysAsItWas() {
        NewAgent made = add.add(zhao());
        done.clear();

        String renewed = new NewPhonePassword(roster, new FirstPasswords(new SecureRandom()),
                (agent, password) -> "key of " + agent + ":" + password, effects).renew(ZHAO);

        assertThat(renewed).hasSize(FirstPasswords.LENGTH).isNotEqualTo(made.phonePassword());
        assertThat(roster.find(ZHAO).orElseThrow().phoneKey()).isEqualTo("key of 020:" + renewed);
        assertThat(done).containsExactly("accounts [001, 010, 020]");
    }

    /** The roster as a store keeps it (the store's own test checks MongoDB's). */
    static final class KeptRoster implements Roster {
        private final Map<AgentId, RosterAgent> agents = new LinkedHashMap<>();

        @Override
        public List<RosterAgent> all() {
            return agents.values().stream().sorted(java.util.Comparator.comparing(RosterAgent::id)).toList();
        }

        @Override
        public Optional<RosterAgent> find(AgentId id) {
            return Optional.ofNullable(agents.get(id));
        }

        @Override
        public void add(RosterAgent agent) {
            if (agents.putIfAbsent(agent.id(), agent) != null) {
                throw new AgentConflict("agent ID " + agent.id() + " is taken");
            }
        }

        @Override
        public void replace(RosterAgent agent) {
            agents.put(agent.id(), agent);
        }

        @Override
        public List<Agent> plant(List<Agent> seed) {
            return seed.stream().filter(agent -> agents.putIfAbsent(agent.id(), RosterAgent.seeded(agent)) == null).toList();
        }
    }
}
