package org.hotline.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

/** Supervisors play any call's recording; an agent only their own, and only where the centre allows it. */
class RecordingAccessTest {

    private final Viewer lead = new Viewer("zhang.lead", Role.SUPERVISOR, new AgentId("001"));
    private final Viewer admin = new Viewer("root", Role.ADMIN, null);
    private final Viewer agent = new Viewer("li.na", Role.AGENT, new AgentId("010"));

    @Test
    void supervisorsPlayEveryCall() {
        RecordingAccess closed = new RecordingAccess(false);

        assertThat(closed.mayPlay(lead, "010")).isTrue();
        assertThat(closed.mayPlay(lead, null)).isTrue();
        assertThat(closed.mayPlay(admin, "010")).isTrue();
    }

    @Test
    void agentsPlayNothingUnlessAllowed() {
        assertThat(new RecordingAccess(false).mayPlay(agent, "010")).isFalse();
    }

    @Test
    void whereAllowedAnAgentPlaysTheCallsTheyAnsweredAndNoOthers() {
        RecordingAccess open = new RecordingAccess(true);

        assertThat(open.mayPlay(agent, "010")).isTrue();
        assertThat(open.mayPlay(agent, "011")).isFalse();
        assertThat(open.mayPlay(agent, null)).isFalse();
    }
}
