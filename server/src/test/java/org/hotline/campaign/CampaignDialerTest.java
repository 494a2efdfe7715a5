package org.hotline.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.hotline.store.MongoCampaigns;
import org.hotline.store.MongoContactBook;
import org.hotline.store.MongoStore;
import org.hotline.store.TestMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignDialerTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final MovableClock clock = new MovableClock(at("2026-11-23T10:00"));
    private MongoStore store;
    private MongoContactBook book;
    private MongoCampaigns campaigns;
    private final Set<String> doNotCall = ConcurrentHashMap.newKeySet();
    private final ScriptedLine line = new ScriptedLine();

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @BeforeEach
    void openStore() {
        store = TestMongo.openStore();
        store.ping(); // creates the indexes
        book = new MongoContactBook(store.campaignContacts(), store.campaignAttempts());
        campaigns = new MongoCampaigns(store.campaigns());
    }

    @AfterEach
    void dropStore() {
        store.database().drop();
        store.close();
    }

    private Campaign survey(int maxLines) {
        Campaign campaign = new Campaign(new CampaignId("survey-1"), "Autumn survey", CampaignKind.SURVEY,
                new CampaignRules(CallWindow.STANDARD, new RetryRules(3, Map.of(AttemptOutcome.BUSY, Duration.ofMinutes(10))),
                        Duration.ofDays(2), maxLines, "", Pacing.AGENTLESS, null, true),
                "", CampaignStatus.RUNNING, clock.instant(), "001");
        campaigns.add(campaign);
        return campaign;
    }

    private Contact contact(String id, String number, ZoneId zone) {
        return new Contact(id, new CampaignId("survey-1"), number, zone, ContactDetails.NONE, null, null,
                ContactStatus.PENDING, 0, clock.instant(), clock.instant().plus(Duration.ofDays(2)), null);
    }

    private CampaignDialer dialer(Campaign campaign, String name) {
        return new CampaignDialer(campaign, book, doNotCall::contains, line, clock, name);
    }

    @Test
    void aReachedCustomerIsDialledOnceAndCountsAsReachedInTime() {
        Campaign campaign = survey(5);
        book.add(List.of(contact("c1", "+8613800138001", SHANGHAI)));
        line.answer("+8613800138001", 4);

        assertEquals(1, dialer(campaign, "a").step());
        assertEquals(0, dialer(campaign, "a").step());

        ContactProgress progress = book.progress(campaign.id());
        assertEquals(1L, progress.contacts().get(ContactStatus.DONE));
        assertEquals(1L, progress.attempts().get(AttemptOutcome.REACHED));
        assertEquals(1, progress.reachedInTime());
        assertEquals(4, store.campaignAttempts().find().first().get("survey", org.bson.Document.class).getInteger("score"));
        assertEquals(List.of("+8613800138001"), line.dialled);
    }

    @Test
    void aServerThatDoesNotHoldTheStoresLeaseDialsNoOneAndTheHoldersClaimsCarryItsToken() {
        Campaign campaign = survey(5);
        book.add(List.of(contact("c1", "+8613800138001", SHANGHAI)));
        line.answer("+8613800138001", 4);
        boolean[] held = {false};
        book.dialOnlyWith(new org.hotline.lease.ActiveLease() {
            @Override
            public long token() {
                return held[0] ? 7 : 0;
            }

            @Override
            public boolean stillHeld() {
                return held[0];
            }
        });

        assertEquals(0, dialer(campaign, "a").step());
        assertEquals(List.of(), line.dialled);

        held[0] = true;
        assertEquals(1, dialer(campaign, "a").step());
        assertEquals(List.of("+8613800138001"), line.dialled);
        assertEquals(7L, store.campaignContacts().find().first().getLong("claimToken"));
    }

    @Test
    void aBusyCustomerIsTriedAgainAfterTheDelayAndNoMoreThanTheMaximum() {
        Campaign campaign = survey(5);
        book.add(List.of(contact("c1", "+8613800138001", SHANGHAI)));
        CampaignDialer dialer = dialer(campaign, "a");

        for (int minute = 0; minute < 120; minute++) {
            dialer.step();
            clock.advance(Duration.ofMinutes(1));
        }

        assertEquals(3, line.dialled.size(), "three attempts, ten minutes apart");
        assertEquals(1L, book.progress(campaign.id()).contacts().get(ContactStatus.EXHAUSTED));
        assertEquals(3L, book.progress(campaign.id()).attempts().get(AttemptOutcome.BUSY));
    }

    @Test
    void aNumberOnTheDoNotCallListIsNeverDialled() {
        Campaign campaign = survey(5);
        book.add(List.of(contact("c1", "+8613800138001", SHANGHAI), contact("c2", "+8613800138002", SHANGHAI)));
        doNotCall.add("+8613800138002");

        dialer(campaign, "a").step();

        assertEquals(List.of("+8613800138001"), line.dialled);
        assertEquals(1L, book.progress(campaign.id()).contacts().get(ContactStatus.DO_NOT_CALL));
    }

    @Test
    void aCustomerWhoseEveningIsOverWaitsForTheirMorning() {
        Campaign campaign = survey(5);
        // 10:00 in Shanghai is 21:00 in New York: closed there until 09:00 New York time.
        book.add(List.of(contact("c1", "+12125550100", NEW_YORK)));

        assertEquals(0, dialer(campaign, "a").step());
        assertTrue(line.dialled.isEmpty());
        clock.set(LocalDateTime.parse("2026-11-23T09:00").atZone(NEW_YORK).toInstant());
        assertEquals(1, dialer(campaign, "a").step());
    }

    @Test
    void noMoreCallsAtOnceThanTheCampaignsLines() {
        Campaign campaign = survey(2);
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            contacts.add(contact("c" + i, "+861380013800" + i, SHANGHAI));
        }
        book.add(contacts);
        line.holdCalls();
        CampaignDialer dialer = dialer(campaign, "a");

        assertEquals(2, dialer.step());
        assertEquals(0, dialer.step());
        line.releaseOne();
        assertEquals(1, dialer.step());
    }

    @Test
    void twoDialersNeverDialTheSameContactTwice() throws Exception {
        Campaign campaign = survey(50);
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            contacts.add(contact("c" + i, "+86138001" + String.format("%05d", i), SHANGHAI));
        }
        book.add(contacts);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            CampaignDialer dialer = dialer(campaign, name);
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                dialer.step();
            }));
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, Integer> times = new HashMap<>();
        line.dialled.forEach(number -> times.merge(number, 1, Integer::sum));
        assertEquals(40, times.size());
        assertTrue(times.values().stream().allMatch(count -> count == 1), "dialled more than once: " + times);
    }

    @Test
    void aCallLeftUnderWayByAStoppedServerCountsAsAnAttemptAndIsRescheduled() {
        Campaign campaign = survey(5);
        book.add(List.of(contact("c1", "+8613800138001", SHANGHAI)));
        line.holdCalls();
        dialer(campaign, "a").step(); // the server "dies" with the call under way

        int settled = CampaignDialer.settleInterrupted(book, campaigns, "a", clock.instant().minus(Duration.ofHours(1)), clock);

        assertEquals(1, settled);
        Contact after = book.due(campaign.id(), clock.instant().plus(Duration.ofHours(1)), 10).getFirst();
        assertEquals(1, after.attempts());
        assertEquals(AttemptOutcome.INTERRUPTED, after.lastOutcome());
        // The old call's late result cannot overwrite the new state.
        line.releaseOne();
        assertEquals(1L, book.progress(campaign.id()).attempts().get(AttemptOutcome.INTERRUPTED));
        assertEquals(null, book.progress(campaign.id()).attempts().get(AttemptOutcome.BUSY));
    }

    @Test
    void aCustomerWhoPickedUpAfterTheServerStoppedIsReachedByTheSwitchsLogAndNotCalledAgain() {
        Campaign campaign = survey(5);
        book.add(List.of(contact("c1", "+8613800138001", SHANGHAI), contact("c2", "+8613800138002", SHANGHAI)));
        line.holdCalls();
        dialer(campaign, "a").step(); // the server "dies" with both calls ringing; c1's customer picks up afterwards
        java.time.Instant pickedUp = clock.instant().plusSeconds(8);
        SwitchLog asterisk = (e164, since) -> e164.equals("+8613800138001") && !pickedUp.isBefore(since)
                ? java.util.Optional.of(pickedUp) : java.util.Optional.empty();

        int settled = CampaignDialer.settleInterrupted(book, campaigns, "a", clock.instant().minus(Duration.ofHours(1)), clock,
                asterisk);

        assertEquals(2, settled);
        assertEquals(1L, book.progress(campaign.id()).contacts().get(ContactStatus.DONE));
        assertEquals(1L, book.progress(campaign.id()).attempts().get(AttemptOutcome.REACHED));
        assertEquals(1L, book.progress(campaign.id()).attempts().get(AttemptOutcome.INTERRUPTED));
        assertEquals(pickedUp, book.lastAttempt("c1").orElseThrow().answeredAt());
        assertTrue(book.due(campaign.id(), clock.instant().plus(Duration.ofDays(1)), 10).stream()
                .noneMatch(contact -> contact.id().equals("c1")), "c1 is not called again");
    }

    @Test
    void aContactClaimedButNeverDialledByAStoppedServerGetsItsAttemptBack() {
        Campaign campaign = survey(5);
        book.add(List.of(contact("c1", "+8613800138001", SHANGHAI)));
        book.claim(book.due(campaign.id(), clock.instant(), 1).getFirst(), "a", clock.instant()); // then the server died

        CampaignDialer.settleInterrupted(book, campaigns, "a", clock.instant().minus(Duration.ofHours(1)), clock);

        Contact after = book.due(campaign.id(), clock.instant(), 10).getFirst();
        assertEquals(0, after.attempts());
        assertEquals(AttemptOutcome.NEVER_DIALLED, after.lastOutcome());
        assertTrue(line.dialled.isEmpty());
    }

    @Test
    void aCustomerWhoHadPickedUpWhenTheServerStoppedIsNotCalledAgain() {
        Campaign campaign = survey(5);
        book.add(List.of(contact("c1", "+8613800138001", SHANGHAI)));
        line.holdCalls();
        dialer(campaign, "a").step();
        line.pickUpFirst(); // then the server died mid-survey

        CampaignDialer.settleInterrupted(book, campaigns, "a", clock.instant().minus(Duration.ofHours(1)), clock);

        assertEquals(1L, book.progress(campaign.id()).contacts().get(ContactStatus.DONE));
        assertTrue(book.due(campaign.id(), clock.instant().plus(Duration.ofDays(1)), 10).isEmpty());
    }

    /** Customers by number: who answers (and their keypad answer); everyone else is busy. */
    private static final class ScriptedLine implements OutboundLine {
        final List<String> dialled = Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Integer> answers = new ConcurrentHashMap<>();
        private final List<Listener> held = Collections.synchronizedList(new ArrayList<>());
        private boolean hold;

        void answer(String number, int score) {
            answers.put(number, score);
        }

        void holdCalls() {
            hold = true;
        }

        void pickUpFirst() {
            held.getFirst().answered(Instant.now());
        }

        void releaseOne() {
            held.removeFirst().ended(Result.of(AttemptOutcome.BUSY));
        }

        @Override
        public void dial(Campaign campaign, Contact contact, Listener listener) {
            dialled.add(contact.number());
            if (hold) {
                held.add(listener);
                return;
            }
            Integer score = answers.get(contact.number());
            if (score != null) {
                listener.answered(Instant.now());
            }
            listener.ended(score == null ? Result.of(AttemptOutcome.BUSY)
                    : new Result(AttemptOutcome.REACHED, Instant.now(), score));
        }
    }
}
