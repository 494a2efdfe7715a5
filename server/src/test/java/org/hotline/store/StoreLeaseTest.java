package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.hotline.routing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One server at a time holds a store's lease; a restarted one takes its own back at once; a late holder is fenced off. */
class StoreLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(15);
    private static final ServerIdentity A = new ServerIdentity("aaaaaaaa-0000-0000-0000-000000000001", "host-a", 101);
    private static final ServerIdentity B = new ServerIdentity("bbbbbbbb-0000-0000-0000-000000000002", "host-b", 202);

    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T06:00:00Z"));
    private MongoStore store;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    private StoreLease lease(ServerIdentity who) {
        return new StoreLease(store.database().getCollection(StoreLease.COLLECTION), who, clock, TTL);
    }

    @Test
    void theFirstServerTakesItAndASecondIsToldWhoHoldsItSinceWhen() {
        StoreLease a = lease(A);
        StoreLease b = lease(B);

        assertThat(a.take()).isEmpty();
        clock.advance(Duration.ofSeconds(3));
        StoreLease.Holder holder = b.take().orElseThrow();

        assertThat(a.stillHeld()).isTrue();
        assertThat(a.token()).isEqualTo(1);
        assertThat(b.stillHeld()).isFalse();
        assertThat(b.token()).isZero();
        assertThat(holder.server()).isEqualTo(A.id());
        assertThat(holder.host()).isEqualTo("host-a");
        assertThat(holder.pid()).isEqualTo(101);
        assertThat(holder.since()).isEqualTo(Instant.parse("2026-12-06T06:00:00Z"));
        assertThat(holder.describe()).contains(A.id(), "host-a", "pid 101", "since 2026-12-06T06:00:00Z");
    }

    @Test
    void theHolderWritesWhereStandbysReachItsPagesAndTheLatestAddressWinsAtTheNextRenewal() {
        StoreLease a = lease(A);
        StoreLease b = lease(B);
        a.advertise("10.0.0.5:8080");
        a.take();

        assertThat(b.take().orElseThrow().web()).isEqualTo("10.0.0.5:8080");
        a.advertise("10.0.0.5:43210"); // the port a server on port 0 found once listening
        clock.advance(Duration.ofSeconds(3));
        a.renew();
        assertThat(b.take().orElseThrow().web()).isEqualTo("10.0.0.5:43210");
    }

    @Test
    void renewedItStaysHeldPastItsTimeToLive() {
        StoreLease a = lease(A);
        StoreLease b = lease(B);
        a.take();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(3));
            assertThat(a.renew()).isTrue();
        }

        assertThat(a.stillHeld()).isTrue();
        assertThat(b.take()).isPresent();
    }

    @Test
    void notRenewedItStopsCountingAsHeldBeforeItExpiresAndIsTakenOverAfter() {
        StoreLease a = lease(A);
        StoreLease b = lease(B);
        a.take();

        clock.advance(Duration.ofSeconds(11)); // past two thirds of 15 s: A stops dialling on its own
        assertThat(a.stillHeld()).isFalse();
        assertThat(b.take()).as("not yet expired").isPresent();

        clock.advance(Duration.ofSeconds(5)); // 16 s: expired
        assertThat(b.take()).isEmpty();
        assertThat(b.stillHeld()).isTrue();
        assertThat(b.token()).isEqualTo(2);
    }

    @Test
    void aHolderThatWasAwayIsFencedOffItsRenewalFailsAndItsTokenIsOlder() {
        StoreLease a = lease(A);
        StoreLease b = lease(B);
        a.take();
        long old = a.token();
        clock.advance(Duration.ofSeconds(20)); // A was stopped (SIGSTOP, a long pause): B takes over
        b.take();

        assertThat(a.renew()).isFalse();
        assertThat(a.stillHeld()).isFalse();
        assertThat(a.token()).isZero();
        assertThat(b.token()).isGreaterThan(old);
        assertThat(a.lastSeen().orElseThrow().server()).isEqualTo(B.id());
    }

    @Test
    void aServerRestartedWithTheSameStateDirectoryTakesItsLeaseBackAtOnce() {
        lease(A).take(); // then killed: never released
        clock.advance(Duration.ofSeconds(2));

        StoreLease restarted = lease(A);
        assertThat(restarted.take()).isEmpty();
        assertThat(restarted.stillHeld()).isTrue();
        assertThat(restarted.token()).isEqualTo(2); // a take-over all the same: the killed run's token is older
        assertThat(lease(B).take()).isPresent();
    }

    @Test
    void releasedAtAGracefulStopTheNextServerTakesItAtOnce() {
        StoreLease a = lease(A);
        a.take();
        a.release();

        assertThat(a.stillHeld()).isFalse();
        assertThat(lease(B).take()).isEmpty();
    }

    @Test
    void theServersIdIsKeptInItsStateDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        ServerIdentity first = ServerIdentity.of(dir);
        ServerIdentity again = ServerIdentity.of(dir);

        assertThat(again.id()).isEqualTo(first.id()).matches("[0-9a-f-]{36}");
        assertThat(again.pid()).isEqualTo(ProcessHandle.current().pid());
    }
}
