package org.hotline.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.hotline.shared.AgentId;
import org.hotline.routing.TestClock;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), Duration.ofHours(12), clock, new SecureRandom());
    private final User agent = new User("li.na", "Li Na", Role.AGENT, new AgentId("010"), "$2a$04$hash", false);

    @Test
    void aSessionEndsAfterThirtyMinutesWithoutARequest() throws Exception {
        Session session = sessions.open(agent);
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(session.token())).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(session.token())).as("kept alive by use").isPresent();
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.find(session.token())).isEmpty();
    }

    @Test
    void aSessionInUseStillEndsTwelveHoursAfterLogin() throws Exception {
        Session session = sessions.open(agent);
        for (int i = 0; i < 12 * 3 - 1; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(sessions.find(session.token())).isPresent();
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.find(session.token())).isEmpty();
    }

    @Test
    void askingWhetherASessionStandsDoesNotKeepItAlive() throws Exception {
        Session session = sessions.open(agent);
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.isOpen(session.token())).isTrue();
        clock.advance(Duration.ofMinutes(20));
        assertThat(sessions.isOpen(session.token())).isFalse();
        assertThat(sessions.isOpen("made-up")).isFalse();
    }

    @Test
    void tokensAreLongRandomAndTheCsrfTokenDiffersFromTheSessionToken() throws Exception {
        Session one = sessions.open(agent);
        Session two = sessions.open(agent);
        assertThat(one.token()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(two.token()).isNotEqualTo(one.csrfToken());
        assertThat(sessions.find("made-up")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void loggingOutOrChangingTheUserEndsTheirSessions() throws Exception {
        Session one = sessions.open(agent);
        Session two = sessions.open(agent);
        sessions.close(one.token());
        assertThat(sessions.find(one.token())).isEmpty();
        assertThat(sessions.find(two.token())).isPresent();
        sessions.closeAllOf("li.na");
        assertThat(sessions.find(two.token())).isEmpty();
    }
}
