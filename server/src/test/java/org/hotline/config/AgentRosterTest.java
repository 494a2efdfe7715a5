package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.routing.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentRosterTest {

    private static final Set<Skill> QUEUES = Set.of(new Skill("orders"), new Skill("after-sales"),
            new Skill("complaints"), new Skill("agent"));

    @TempDir
    Path dir;

    private List<Agent> load(String yaml) throws IOException {
        Path file = dir.resolve("agents.yaml");
        Files.writeString(file, yaml);
        return AgentRoster.load(file, QUEUES);
    }

    @Test
    void theShippedRosterIsValid() {
        Path shipped = Path.of(System.getProperty("hotline.home", "..")).resolve("config/agents.yaml");
        List<Agent> agents = AgentRoster.load(shipped, QUEUES);
        assertThat(agents).extracting(Agent::id).contains(new AgentId("010"));
        assertThat(agents.getFirst().level(new Skill("orders"))).contains(3);
    }

    @Test
    void anAgentHasAnIdANameATierAndSkillsWithLevels() throws IOException {
        Agent agent = load("agents:\n  - id: \"010\"\n    name: 李明\n    tier: team-lead\n    skills: {orders: 3, complaints: 5}\n")
                .getFirst();
        assertThat(agent.id()).isEqualTo(new AgentId("010"));
        assertThat(agent.name()).isEqualTo("李明");
        assertThat(agent.tier()).isEqualTo(Tier.TEAM_LEAD);
        assertThat(agent.level(new Skill("complaints"))).contains(5);
    }

    @Test
    void aDuplicateIdIsRejectedNamingBothEntries() {
        assertThatThrownBy(() -> load("agents:\n  - {id: \"010\", name: A, skills: {orders: 1}}\n"
                + "  - {id: \"010\", name: B, skills: {orders: 1}}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("agents[1] (010): the ID is already used by agents[0]");
    }

    @Test
    void anUnknownSkillIsRejectedNamingTheEntryAndTheQueuesThatExist() {
        assertThatThrownBy(() -> load("agents:\n  - {id: \"012\", name: C, skills: {refunds: 3}}\n"))
                .hasMessage("agents[0] (012).skills: unknown skill 'refunds' (queues: after-sales, agent, complaints, orders)");
    }

    @Test
    void anUnquotedIdWouldLoseItsLeadingZeroSoItIsRefused() {
        assertThatThrownBy(() -> load("agents:\n  - {id: 010, name: A, skills: {orders: 1}}\n"))
                .hasMessageStartingWith("agents[0].id: write the ID in quotes");
    }

    @Test
    void otherMistakesNameTheirEntryAndField() {
        assertThatThrownBy(() -> load("agents:\n  - {id: \"1\", name: A, skills: {orders: 9}}\n"))
                .hasMessage("agents[0] (1).skills.orders: a level from 1 to 5");
        assertThatThrownBy(() -> load("agents:\n  - {id: \"1\", name: A, tier: boss, skills: {orders: 1}}\n"))
                .hasMessageStartingWith("agents[0] (1).tier:");
        assertThatThrownBy(() -> load("agents:\n  - {id: \"1\", skills: {orders: 1}}\n"))
                .hasMessage("agents[0] (1).name: is required");
        assertThatThrownBy(() -> load("agents:\n  - {id: \"1\", name: A, skill: {orders: 1}}\n"))
                .hasMessageStartingWith("agents[0].skill: unknown setting");
        assertThatThrownBy(() -> load("agents:\n  - {id: \"1; DROP\", name: A, skills: {orders: 1}}\n"))
                .hasMessageStartingWith("agents[0].id:");
    }

    @Test
    void anAgentMayNameTheTeamLeadTheirEscalatedCasesGoTo() throws IOException {
        List<Agent> agents = load("agents:\n  - {id: \"010\", name: A, skills: {orders: 1}, teamLead: \"001\"}\n"
                + "  - {id: \"001\", name: L, tier: team-lead, skills: {orders: 1}}\n");
        assertThat(agents.getFirst().teamLead()).isEqualTo(new AgentId("001"));
        assertThat(agents.get(1).teamLead()).isNull();
    }

    @Test
    void theTeamLeadMustBeATeamLeadOfTheRosterAndNotTheAgent() {
        assertThatThrownBy(() -> load("agents:\n  - {id: \"010\", name: A, skills: {orders: 1}, teamLead: \"099\"}\n"))
                .hasMessage("agents[0] (010).teamLead: \"099\" is not an agent in the roster");
        assertThatThrownBy(() -> load("agents:\n  - {id: \"010\", name: A, skills: {orders: 1}, teamLead: \"011\"}\n"
                + "  - {id: \"011\", name: B, tier: senior, skills: {orders: 1}}\n"))
                .hasMessage("agents[0] (010).teamLead: \"011\" is not a team lead (tier: team-lead)");
        assertThatThrownBy(() -> load("agents:\n  - {id: \"001\", name: L, tier: team-lead, skills: {orders: 1}, teamLead: \"001\"}\n"))
                .hasMessage("agents[0] (001).teamLead: an agent is not their own team lead");
        assertThatThrownBy(() -> load("agents:\n  - {id: \"010\", name: A, skills: {orders: 1}, teamLead: 1}\n"))
                .hasMessageStartingWith("agents[0] (010).teamLead: the team lead's agent ID, in quotes");
    }
}
