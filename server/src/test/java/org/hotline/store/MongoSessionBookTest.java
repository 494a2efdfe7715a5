package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.hotline.access.Role;
import org.hotline.access.Session;
import org.hotline.access.SessionDigest;
import org.hotline.access.Sessions;
import org.hotline.access.User;
import org.hotline.routing.TestClock;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two servers on one store: what one opens, uses or closes, the other knows. */
class MongoSessionBookTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T01:00:00Z"));
    private final MongoStore store = TestMongo.openStore();
    private final Sessions one = server();
    private final Sessions other = server();
    private final User agent = new User("li.na", "Li Na", Role.AGENT, new AgentId("010"), "$2a$04$hash", false);

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    private Sessions server() {
        return new Sessions(Duration.ofMinutes(30), Duration.ofHours(12), clock, new SecureRandom(),
                new MongoSessionBook(store.sessions(), StoreSpool.inMemory(), clock));
    }

    @Test
    void aSessionOpenedOnOneServerIsFoundByAnotherOnTheSameStore() throws Exception {
        Session opened = one.open(agent);
        Session found = other.find(opened.token()).orElseThrow();
        assertThat(found.viewer()).isEqualTo(agent.viewer());
        assertThat(found.displayName()).isEqualTo("Li Na");
        assertThat(found.csrfToken()).as("the same CSRF token, though never stored").isEqualTo(opened.csrfToken());
        assertThat(server().find(opened.token())).as("a server restarted on the store").isPresent();
    }

    @Test
    void aLoggedOutSessionIsRefusedEverywhereAtTheNextCheck() throws Exception {
        Session session = one.open(agent);
        assertThat(other.find(session.token())).isPresent();
        one.close(session.token());
        other.check();
        assertThat(other.findHeld(session.token())).isEmpty();
        assertThat(other.isOpen(session.token())).isFalse();
        assertThat(other.find(session.token())).isEmpty();
        assertThat(server().find(session.token())).isEmpty();
    }

    @Test
    void aUserWhoseRoleChangedOnOneServerIsLoggedOutOnEvery() throws Exception {
        Session first = one.open(agent);
        Session second = other.open(agent);
        assertThat(other.find(first.token())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        one.closeAllOf("li.na");
        other.check();
        assertThat(other.find(first.token())).isEmpty();
        assertThat(other.find(second.token())).isEmpty();
        assertThat(one.open(agent)).as("logging in again afterwards works").satisfies(again ->
                assertThat(other.find(again.token())).isPresent());
    }

    @Test
    void aSessionIdlePastItsLimitIsRefusedByEveryServer() throws Exception {
        Session session = one.open(agent);
        clock.advance(Duration.ofMinutes(31));
        assertThat(other.find(session.token())).isEmpty();
        assertThat(one.find(session.token())).isEmpty();
    }

    @Test
    void useIsWrittenAtMostOnceAMinuteAndCarriesTheSessionToTheNextServer() throws Exception {
        Session session = one.open(agent);
        Instant opened = clock.instant();
        clock.advance(Duration.ofSeconds(30));
        one.findHeld(session.token());
        one.check();
        assertThat(lastSeen(session)).as("used 30 s ago: not written yet").isEqualTo(opened);

        clock.advance(Duration.ofMinutes(20));
        one.findHeld(session.token());
        one.check();
        assertThat(lastSeen(session)).isEqualTo(clock.instant());

        clock.advance(Duration.ofMinutes(29));
        assertThat(other.find(session.token())).as("49 min after login, 29 min after its last use").isPresent();
    }

    @Test
    void aUseSeenOnAnotherServerKeepsTheSessionAliveHere() throws Exception {
        Session session = one.open(agent);
        other.find(session.token());
        clock.advance(Duration.ofMinutes(20));
        other.findHeld(session.token());
        other.check();
        one.check();
        clock.advance(Duration.ofMinutes(20));
        assertThat(one.findHeld(session.token())).as("idle here for 40 min, used there 20 min ago").isPresent();
    }

    @Test
    void theStoreHoldsNoUsableToken() throws Exception {
        Session session = one.open(agent);
        List<Document> kept = store.sessions().find().into(new ArrayList<>());
        assertThat(kept).hasSize(1);
        String json = kept.getFirst().toJson();
        assertThat(json).doesNotContain(session.token()).doesNotContain(session.csrfToken());
        assertThat(kept.getFirst().getString("_id")).isEqualTo(SessionDigest.of(session.token()));
        assertThat(other.find(kept.getFirst().getString("_id"))).as("the digest given as a cookie").isEmpty();
    }

    @Test
    void aUserHasAtMostTwentySessionsAndTheOldestEnds() throws Exception {
        Session oldest = one.open(agent);
        for (int i = 0; i < Sessions.MOST_PER_USER; i++) {
            clock.advance(Duration.ofSeconds(1));
            one.open(agent);
        }
        assertThat(store.sessions().countDocuments(new Document("user", "li.na"))).isEqualTo(Sessions.MOST_PER_USER);
        assertThat(other.find(oldest.token())).isEmpty();
    }

    @Test
    void expiredSessionsLeaveTheStore() throws Exception {
        one.open(agent);
        assertThat(store.sessions().listIndexes().into(new ArrayList<>()))
                .as("MongoDB's own expiry").anyMatch(index -> index.get("expireAfterSeconds") != null);
        clock.advance(Duration.ofHours(1));
        one.check();
        assertThat(store.sessions().countDocuments()).isZero();
    }

    @Test
    void aLogoutWhileTheStoreIsAwayWaitsInTheSpoolRatherThanBeingLost() throws Exception {
        try (MongoStore away = new MongoStore("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200", "hotline")) {
            StoreSpool spool = new StoreSpool(null, WriteRetry.standard());
            MongoSessionBook book = new MongoSessionBook(away.sessions(), spool, clock);
            book.close(SessionDigest.of("some token"));
            book.closeAllOf("li.na");
            assertThat(spool.waiting()).isEqualTo(2);
        }
    }

    private Instant lastSeen(Session session) {
        return store.sessions().find(new Document("_id", SessionDigest.of(session.token()))).first().getDate("lastSeen").toInstant();
    }
}
