package org.hotline.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dials one agentless campaign: each {@link #step} claims as many due contacts as the campaign
 * has free lines, skipping do-not-call numbers, contacts whose window is closed and contacts
 * past their deadline, and records every attempt's outcome by the campaign's rules.
 * Steps run on one worker thread (they call the store), never on the event loop.
 */
public final class CampaignDialer {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignDialer.class);
    /**
     * Due contacts read at once and claimed one by one over the next steps: one read serves many
     * calls (a claim still checks each is pending and unchanged, so a stale one is only skipped).
     */
    private static final int CANDIDATES = 200;

    private final Campaign campaign;
    private final ContactBook book;
    private final DoNotCallList doNotCall;
    private final OutboundLine line;
    private final AttemptPlan plan;
    private final Clock clock;
    private final String dialer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean nothingDue;
    private final java.util.ArrayDeque<Contact> candidates = new java.util.ArrayDeque<>();

    /** @param dialer this server's name: its claims are recognised as its own after a restart */
    public CampaignDialer(Campaign campaign, ContactBook book, DoNotCallList doNotCall, OutboundLine line, Clock clock,
                          String dialer) {
        if (campaign.kind().needsAgent()) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " needs agents; this dialer is agentless");
        }
        this.campaign = campaign;
        this.book = book;
        this.doNotCall = doNotCall;
        this.line = line;
        this.plan = new AttemptPlan(campaign.rules());
        this.clock = clock;
        this.dialer = dialer;
    }

    public Campaign campaign() {
        return campaign;
    }

    /** Whether the last step found no contact due (so the campaign may be finished). */
    public boolean nothingDue() {
        return nothingDue;
    }

    /** Calls under way now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** One pacing step; returns how many calls it started. */
    public int step() {
        return step(Integer.MAX_VALUE);
    }

    /** One pacing step starting at most {@code budget} calls (the server's overall pace); returns how many it started. */
    public int step(int budget) {
        int free = Math.min(budget, campaign.rules().maxLines() - inFlight.get());
        if (free <= 0 || !line.ready()) {
            return 0;
        }
        Instant now = clock.instant();
        if (candidates.isEmpty()) {
            candidates.addAll(book.due(campaign.id(), now, CANDIDATES));
        }
        nothingDue = candidates.isEmpty();
        int started = 0;
        while (started < free && !candidates.isEmpty()) {
            Contact contact = candidates.poll();
            if (doNotCall.contains(contact.number())) {
                book.settle(contact.next(ContactStatus.DO_NOT_CALL, contact.attempts(), null, contact.avoidAgent(),
                        contact.lastOutcome()));
                continue;
            }
            switch (plan.turn(contact, now)) {
                case AttemptPlan.Turn.Expired expired -> book.settle(contact.next(ContactStatus.EXPIRED, contact.attempts(),
                        null, contact.avoidAgent(), contact.lastOutcome()));
                case AttemptPlan.Turn.Later later -> book.settle(contact.next(ContactStatus.PENDING, contact.attempts(),
                        later.at(), contact.avoidAgent(), contact.lastOutcome()));
                case AttemptPlan.Turn.Now ignored -> {
                    Optional<Contact> claimed = book.claim(contact, dialer, now);
                    if (claimed.isPresent()) {
                        dial(claimed.get(), now);
                        started++;
                    }
                }
            }
        }
        return started;
    }

    private void dial(Contact claimed, Instant startedAt) {
        inFlight.incrementAndGet();
        try {
            book.dialling(claimed, startedAt);
            line.dial(campaign, claimed, new OutboundLine.Listener() {
                @Override
                public void answered(Instant at) {
                    book.answered(claimed, at);
                }

                @Override
                public void ended(OutboundLine.Result result) {
                    finish(claimed, startedAt, result);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("campaign {}: contact {} could not be dialled: {}", campaign.id(), claimed.id(), e.toString());
            finish(claimed, startedAt, OutboundLine.Result.of(AttemptOutcome.FAILED));
        }
    }

    private void finish(Contact claimed, Instant startedAt, OutboundLine.Result result) {
        try {
            Instant endedAt = clock.instant();
            Contact after = plan.after(claimed, result.outcome(), null, endedAt);
            Attempt attempt = new Attempt(claimed, claimed.attempts(), null, startedAt, result.answeredAt(), endedAt,
                    result.outcome(), result.surveyScore());
            if (!book.finish(attempt, after, dialer)) {
                LOG.warn("campaign {}: contact {} was claimed by another dialer meanwhile; attempt not recorded twice",
                        campaign.id(), claimed.id());
            }
        } catch (RuntimeException e) {
            // The claim stays; the start-up sweep settles it as interrupted.
            LOG.error("campaign {}: attempt on contact {} could not be recorded", campaign.id(), claimed.id(), e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Contacts this dialer (before a restart) or a dead one left mid-call: reached when the
     * customer had picked up, counted as tried when dialled, given their attempt back when only
     * claimed; rescheduled by the rules.
     */
    public static int settleInterrupted(ContactBook book, Campaigns campaigns, String dialer, Instant staleBefore, Clock clock) {
        int settled = 0;
        for (Contact left : book.interrupted(dialer, staleBefore)) {
            Optional<Campaign> campaign = campaigns.find(left.campaign());
            if (campaign.isEmpty()) {
                continue;
            }
            Instant now = clock.instant();
            AttemptOutcome outcome = switch (book.howFar(left)) {
                case ANSWERED -> AttemptOutcome.REACHED; // the customer picked up: not to be called again for our failure
                case DIALLED -> AttemptOutcome.INTERRUPTED;
                case CLAIMED -> AttemptOutcome.NEVER_DIALLED;
            };
            Contact after = new AttemptPlan(campaign.get().rules()).after(left, outcome, null, now);
            Attempt attempt = new Attempt(left, left.attempts(), null, now, null, now, outcome, null);
            if (book.finish(attempt, after, dialer)) {
                settled++;
            }
        }
        return settled;
    }
}
