package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.routing.TestClock;
import org.hotline.store.MongoStore;
import org.hotline.store.ServerIdentity;
import org.hotline.store.StoreLease;
import org.hotline.store.TestMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A standby takes the floor over when, and only when, the active server stops renewing the store's lease. */
class TakeoverTest {

    private static final Duration TTL = Duration.ofSeconds(15);
    private static final Duration EVERY = Duration.ofMillis(20);
    private static final Instant START = Instant.parse("2026-12-06T06:00:00Z");

    private final TestClock clock = new TestClock(START);
    private final MongoStore store = TestMongo.openStore();
    private final StoreLease active = lease("aaaaaaaa-0000-0000-0000-000000000001", "host-a");
    private final List<Takeover> watches = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        watches.forEach(Takeover::close);
        store.database().drop();
        store.close();
    }

    @Test
    void standbysLeaveTheFloorToAnActiveServerThatRenewsItsLease() throws Exception {
        active.take();
        Standby b = standby("bbbbbbbb-0000-0000-0000-000000000002", "host-b");
        Standby c = standby("cccccccc-0000-0000-0000-000000000003", "host-c");

        await().atMost(Duration.ofSeconds(5)).until(() -> b.holderSeen.get() != null && c.holderSeen.get() != null);
        Thread.sleep(300); // further looks at the lease change nothing

        assertThat(b.becameActive.get() + c.becameActive.get()).isZero();
        assertThat(b.holderSeen.get().host()).isEqualTo("host-a");
        assertThat(c.holderSeen.get().token()).isEqualTo(1);
    }

    @Test
    void ofTwoStandbysExactlyOneTakesOverOnceTheActiveServersLeaseExpires() throws Exception {
        active.take();
        Standby b = standby("bbbbbbbb-0000-0000-0000-000000000002", "host-b");
        Standby c = standby("cccccccc-0000-0000-0000-000000000003", "host-c");

        clock.advance(TTL.plusSeconds(1)); // the active server was killed or frozen: no renewal since

        await().atMost(Duration.ofSeconds(5)).until(() -> b.becameActive.get() + c.becameActive.get() > 0);
        Thread.sleep(300);
        assertThat(b.becameActive.get() + c.becameActive.get()).as("one take-over, once").isEqualTo(1);
        Standby winner = b.becameActive.get() == 1 ? b : c;
        Standby other = winner == b ? c : b;
        await().atMost(Duration.ofSeconds(5)).until(() -> other.holderSeen.get().token() == 2);
        assertThat(other.holderSeen.get().server()).isEqualTo(winner.lease.me().id());
        assertThat(winner.lease.token()).as("the new holder's fencing token").isEqualTo(2);
        assertThat(active.stillHeld()).as("the old holder no longer counts the lease as held").isFalse();
    }

    @Test
    void aStandbyThatCannotReachTheStoreKeepsTryingAndTakesOverWhenItAnswers() {
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger becameActive = new AtomicInteger();
        StoreLease lease = lease("bbbbbbbb-0000-0000-0000-000000000002", "host-b");
        watches.add(Takeover.watch(() -> {
            if (failures.incrementAndGet() <= 5) {
                throw new IllegalStateException("cannot reach MongoDB");
            }
            return lease.take();
        }, EVERY, holder -> { }, becameActive::incrementAndGet));

        await().atMost(Duration.ofSeconds(5)).until(() -> becameActive.get() == 1);
        assertThat(lease.stillHeld()).isTrue();
    }

    @Test
    void aStandbyStoppedBeforeTheLeaseIsFreeNeverTakesIt() throws Exception {
        active.take();
        Standby b = standby("bbbbbbbb-0000-0000-0000-000000000002", "host-b");
        b.watch.close();

        clock.advance(TTL.plusSeconds(1));
        Thread.sleep(200);

        assertThat(b.becameActive.get()).isZero();
        assertThat(b.lease.token()).isZero();
    }

    private Standby standby(String id, String host) {
        StoreLease lease = lease(id, host);
        AtomicReference<StoreLease.Holder> seen = new AtomicReference<>();
        AtomicInteger becameActive = new AtomicInteger();
        Takeover watch = Takeover.watch(lease::take, EVERY, seen::set, becameActive::incrementAndGet);
        watches.add(watch);
        return new Standby(lease, watch, seen, becameActive);
    }

    private StoreLease lease(String id, String host) {
        return new StoreLease(store.lease(), new ServerIdentity(id, host, 1), clock, TTL);
    }

    private record Standby(StoreLease lease, Takeover watch, AtomicReference<StoreLease.Holder> holderSeen,
                           AtomicInteger becameActive) {
    }
}
