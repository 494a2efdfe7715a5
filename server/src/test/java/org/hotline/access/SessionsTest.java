package org.hotline.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void whileTheStoreIsAwayASessionHeldHereGoesOnAndOneNeverSeenHereCannotBeChecked() throws Exception {
        AwayBook book = new AwayBook();
        Sessions here = new Sessions(Duration.ofMinutes(30), Duration.ofHours(12), clock, new SecureRandom(), book);
        Session held = here.open(agent);
        Session elsewhere = new Sessions(Duration.ofMinutes(30), Duration.ofHours(12), clock, new SecureRandom(), book).open(agent);
        book.away = true;
        here.check();
        clock.advance(Duration.ofMinutes(20));
        assertThat(here.find(held.token())).as("held here: goes on by its own expiry").isPresent();
        assertThatThrownBy(() -> here.find(elsewhere.token())).isInstanceOf(SessionBook.Unavailable.class);
        clock.advance(Duration.ofMinutes(31));
        assertThat(here.find(held.token())).as("and still ends when idle").isEmpty();

        book.away = false;
        here.check();
        assertThat(here.find(elsewhere.token())).as("checked again once the store answers").isEmpty(); // idle 51 min
    }

    /** A book in memory whose store can be made to stop answering. */
    private static final class AwayBook implements SessionBook {

        private final MemorySessionBook kept = new MemorySessionBook();
        private volatile boolean away;

        @Override
        public boolean open(StoredSession session, int mostPerUser) {
            return !away && kept.open(session, mostPerUser);
        }

        @Override
        public java.util.Optional<StoredSession> find(String digest) throws Unavailable {
            answer();
            return kept.find(digest);
        }

        @Override
        public java.util.List<StoredSession> findAll(java.util.Collection<String> digests) throws Unavailable {
            answer();
            return kept.findAll(digests);
        }

        @Override
        public void touch(java.util.List<StoredSession> used) throws Unavailable {
            answer();
            kept.touch(used);
        }

        @Override
        public void close(String digest) {
            kept.close(digest);
        }

        @Override
        public void closeAllOf(String user) {
            kept.closeAllOf(user);
        }

        @Override
        public void removeExpired(Instant now) throws Unavailable {
            answer();
            kept.removeExpired(now);
        }

        private void answer() throws Unavailable {
            if (away) {
                throw new Unavailable("the store is away", null);
            }
        }
    }
}
