package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.hotline.campaign.Attempt;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.CampaignStatus;
import org.hotline.campaign.Contact;
import org.hotline.campaign.ContactDetails;
import org.hotline.campaign.ContactStatus;
import org.hotline.lease.LeaseStanding;
import org.hotline.routing.AgentState;
import org.hotline.routing.DeskState;
import org.hotline.routing.PauseReason;
import org.hotline.routing.TestClock;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every write that dials or changes a floor decision carries the lease's token: a server that was
 * frozen and wakes after another took over changes nothing, even before it notices it lost the lease.
 */
class StoreFenceTest {

    private static final Duration TTL = Duration.ofSeconds(15);
    private static final Instant START = Instant.parse("2026-12-06T06:00:00Z");
    private static final ServerIdentity A = new ServerIdentity("aaaaaaaa-0000-0000-0000-000000000001", "host-a", 101);
    private static final ServerIdentity B = new ServerIdentity("bbbbbbbb-0000-0000-0000-000000000002", "host-b", 202);
    private static final Skill ORDERS = new Skill("orders");
    private static final AgentId AGENT = new AgentId("010");
    private static final CampaignId SURVEY = new CampaignId("survey-1");

    private final TestClock clockA = new TestClock(START);
    private final TestClock clockB = new TestClock(START);
    private final MongoStore store = TestMongo.openStore();
    private final StoreLease a = lease(A, clockA);
    private final StoreLease b = lease(B, clockB);

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    @Test
    void aSingleServerHoldingTheLeaseWritesAsBefore() {
        a.take();
        Writers mine = new Writers(a);

        mine.desks.save(AGENT, new DeskState(AgentState.READY, null, START));
        assertThat(mine.requests.claim(ORDERS, "+8613800138000", new CallId("a.1"), held -> true)).isEqualTo(new CallId("a.1"));
        mine.dialling.dialling(new CallId("a.1"), 1, AGENT, "a.1-cb1", START);
        mine.dialling.settled(new CallId("a.1"), "a.1-cb1", "answered", START.plusSeconds(30));
        Contact claimed = mine.book.claim(contact(), "dialer-a", START).orElseThrow();
        mine.book.dialling(claimed, START);
        assertThat(mine.book.finish(attempt(claimed), after(claimed), "dialer-a")).isTrue();
        assertThat(mine.campaigns.move(SURVEY, CampaignStatus.RUNNING, CampaignStatus.PAUSED)).isTrue();

        assertThat(mine.desks.load()).containsEntry(AGENT, new DeskState(AgentState.READY, null, START));
        assertThat(callback("a.1").getString("state")).isEqualTo("settled");
        assertThat(callback("a.1").get(StoreFence.FIELD)).isEqualTo(1L);
        assertThat(contactDocument().getString("status")).isEqualTo("done");
    }

    @Test
    void aRenewalLateOnThisServersClockDoesNotFenceItOffWhileNoOneElseTookOver() {
        a.take();
        Writers mine = new Writers(a);
        clockA.advance(Duration.ofSeconds(20)); // the store was slow: no renewal, but no one else took the lease either

        mine.desks.save(AGENT, new DeskState(AgentState.PAUSED, PauseReason.BREAK, clockA.instant()));

        assertThat(mine.desks.load().get(AGENT).state()).isEqualTo(AgentState.PAUSED);
    }

    @Test
    void aFrozenHolderThatWakesAfterATakeOverIsRefusedEveryFencedWriteAndChangesNothing() {
        a.take();
        Writers frozen = new Writers(a);
        frozen.desks.save(AGENT, new DeskState(AgentState.READY, null, START));
        frozen.requests.claim(ORDERS, "+8613800138000", new CallId("a.1"), held -> true);
        frozen.dialling.dialling(new CallId("a.1"), 1, AGENT, "a.1-cb1", START);
        Contact claimedBefore = frozen.book.claim(contact(), "dialer-a", START).orElseThrow();

        // A stops (SIGSTOP): its clock does not move, so it still believes it holds the lease
        clockB.advance(Duration.ofSeconds(16));
        assertThat(b.take()).as("expired: B takes over").isEmpty();
        assertThat(b.token()).isEqualTo(2);
        assertThat(a.stillHeld()).as("A has not noticed").isTrue();
        List<Document> before = everything();

        assertThatThrownBy(() -> frozen.desks.save(AGENT, new DeskState(AgentState.PAUSED, PauseReason.BREAK, START)))
                .isInstanceOf(StoreFence.FencedOff.class);
        assertThatThrownBy(() -> frozen.requests.claim(ORDERS, "+8613800138099", new CallId("a.2"), held -> true))
                .isInstanceOf(StoreFence.FencedOff.class);
        assertThatThrownBy(() -> frozen.requests.release(ORDERS, "+8613800138000", new CallId("a.1")))
                .isInstanceOf(StoreFence.FencedOff.class);
        assertThatThrownBy(() -> frozen.dialling.dialling(new CallId("a.3"), 1, AGENT, "a.3-cb1", START))
                .as("no dialling state kept, so nothing is originated").isInstanceOf(StoreFence.FencedOff.class);
        assertThatThrownBy(() -> frozen.dialling.settled(new CallId("a.1"), "a.1-cb1", "answered", START))
                .isInstanceOf(StoreFence.FencedOff.class);
        assertThat(frozen.book.claim(contact("c2", "+8613800138002"), "dialer-a", START)).as("no contact claimed").isEmpty();
        assertThatThrownBy(() -> frozen.book.dialling(claimedBefore, START)).isInstanceOf(StoreFence.FencedOff.class);
        assertThatThrownBy(() -> frozen.book.answered(claimedBefore, START)).isInstanceOf(StoreFence.FencedOff.class);
        assertThatThrownBy(() -> frozen.book.finish(attempt(claimedBefore), after(claimedBefore), "dialer-a"))
                .isInstanceOf(StoreFence.FencedOff.class);
        assertThatThrownBy(() -> frozen.book.settle(contact())).isInstanceOf(StoreFence.FencedOff.class);
        assertThatThrownBy(() -> frozen.book.cancelPending(SURVEY)).isInstanceOf(StoreFence.FencedOff.class);
        assertThatThrownBy(() -> frozen.campaigns.move(SURVEY, CampaignStatus.RUNNING, CampaignStatus.COMPLETED))
                .isInstanceOf(StoreFence.FencedOff.class);

        assertThat(everything()).as("nothing in the store changed").isEqualTo(before);
    }

    @Test
    void theNewHoldersWritesGoThroughAndItsTokenStaysOnWhatItWrote() {
        a.take();
        new Writers(a).desks.save(AGENT, new DeskState(AgentState.READY, null, START));
        clockB.advance(Duration.ofSeconds(16));
        b.take();

        new Writers(b).desks.save(AGENT, new DeskState(AgentState.PAUSED, PauseReason.ADMIN, clockB.instant()));

        assertThat(new Writers(b).desks.load().get(AGENT).reason()).isEqualTo(PauseReason.ADMIN);
        assertThat(store.settings().find(Filters.eq("_id", "agent-desks")).first().get(StoreFence.FIELD)).isEqualTo(2L);
    }

    @Test
    void aDocumentCarryingANewerTokenRefusesAnOlderOneEvenPastTheLeaseCheck() {
        MongoCollection<Document> desks = store.settings();
        desks.insertOne(new Document("_id", "newer").append(StoreFence.FIELD, 2L));
        desks.insertOne(new Document("_id", "never-fenced"));

        StoreFence.Token old = new StoreFence.Token(1);
        assertThat(desks.updateOne(old.admits(Filters.eq("_id", "newer"), StoreFence.FIELD),
                old.stamp(Updates.set("x", 1), StoreFence.FIELD)).getModifiedCount()).isZero();
        assertThat(desks.updateOne(old.admits(Filters.eq("_id", "never-fenced"), StoreFence.FIELD),
                old.stamp(Updates.set("x", 1), StoreFence.FIELD)).getModifiedCount()).isOne();
        assertThat(desks.find(Filters.eq("_id", "never-fenced")).first().get(StoreFence.FIELD)).isEqualTo(1L);
        assertThatThrownBy(() -> old.upsert(desks, Filters.eq("_id", "newer"), StoreFence.FIELD, Updates.set("x", 1), "a test"))
                .as("an upsert finds the id taken").isInstanceOf(StoreFence.FencedOff.class);
        assertThat(desks.find(Filters.eq("_id", "newer")).first().get("x")).isNull();
    }

    @Test
    void aServerThatNeverHeldTheLeaseOrReleasedItWritesNothing() {
        assertThatThrownBy(() -> StoreFence.of(a).check()).isInstanceOf(StoreFence.FencedOff.class)
                .hasMessageContaining("does not hold");
        a.take();
        a.release();
        assertThatThrownBy(() -> StoreFence.of(a).check()).isInstanceOf(StoreFence.FencedOff.class);
    }

    @Test
    void eachServerSaysWhetherItIsActiveItsTokenTheHoldersHostAndTheLastTakeOver() {
        a.take();
        clockB.advance(Duration.ofSeconds(3));
        b.take();

        assertThat(a.standing()).isEqualTo(new LeaseStanding(true, 1, A.id(), "host-a", 1, START));
        assertThat(b.standing()).isEqualTo(new LeaseStanding(false, 0, A.id(), "host-a", 1, START));

        clockB.advance(Duration.ofSeconds(16));
        b.take();
        assertThat(b.standing()).isEqualTo(new LeaseStanding(true, 2, B.id(), "host-b", 2, clockB.instant()));
        assertThat(b.standing().role()).isEqualTo("active");
        assertThat(a.renew()).isFalse();
        assertThat(a.standing().role()).isEqualTo("standby");
        assertThat(a.standing().holderHost()).isEqualTo("host-b");
        assertThat(a.standing().lastTakeover()).isEqualTo(clockB.instant());
    }

    /** The fenced writers of one server. */
    private final class Writers {
        final MongoDeskStates desks;
        final MongoOpenRequests requests;
        final MongoDialling dialling;
        final MongoContactBook book;
        final MongoCampaigns campaigns;

        Writers(StoreLease lease) {
            StoreFence fence = StoreFence.of(lease);
            desks = new MongoDeskStates(store.settings(), fence);
            requests = new MongoOpenRequests(store.openRequests(), fence);
            dialling = new MongoDialling(store.calls(), fence);
            book = new MongoContactBook(store.campaignContacts(), store.campaignAttempts()).dialOnlyWith(lease).fencedBy(fence);
            campaigns = new MongoCampaigns(store.campaigns()).fencedBy(fence);
            if (store.campaignContacts().countDocuments() == 0) {
                book.add(List.of(contact(), contact("c2", "+8613800138002")));
                store.campaigns().insertOne(new Document("_id", SURVEY.value()).append("status", "running"));
            }
        }
    }

    private StoreLease lease(ServerIdentity who, TestClock clock) {
        return new StoreLease(store.database().getCollection(StoreLease.COLLECTION), who, clock, TTL);
    }

    private static Contact contact() {
        return contact("c1", "+8613800138001");
    }

    private static Contact contact(String id, String number) {
        return new Contact(id, SURVEY, number, ZoneId.of("Asia/Shanghai"), ContactDetails.NONE, null, null,
                ContactStatus.PENDING, 0, START, START.plus(Duration.ofDays(2)), null);
    }

    private static Attempt attempt(Contact claimed) {
        return new Attempt(claimed, claimed.attempts(), null, START, START.plusSeconds(5), START.plusSeconds(60),
                AttemptOutcome.REACHED, null);
    }

    private static Contact after(Contact claimed) {
        return new Contact(claimed.id(), claimed.campaign(), claimed.number(), claimed.zone(), claimed.details(), null, null,
                ContactStatus.DONE, claimed.attempts(), claimed.nextAttemptAt(), claimed.deadline(), AttemptOutcome.REACHED);
    }

    private Document callback(String call) {
        return store.calls().find(Filters.eq("_id", call)).first().get(CallUpdate.CALLBACK, Document.class)
                .get("dialling", Document.class);
    }

    private Document contactDocument() {
        return store.campaignContacts().find(Filters.eq("_id", "c1")).first();
    }

    /** Every document the fenced writes touch, to see that nothing changed. */
    private List<Document> everything() {
        List<Document> all = new ArrayList<>();
        for (MongoCollection<Document> collection : List.of(store.settings(), store.openRequests(), store.calls(),
                store.campaignContacts(), store.campaignAttempts(), store.campaigns())) {
            collection.find().into(all);
        }
        return all;
    }
}
