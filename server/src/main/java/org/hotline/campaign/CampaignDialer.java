package org.hotline.campaign;

import java.time.Clock;
import java.time.Instant;
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
public final class CampaignDialer implements PacedDialer {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignDialer.class);

    private final OutboundLine line;
    private final DialerParts parts;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean nothingDue;

    /** @param dialer this server's name: its claims are recognised as its own after a restart */
    public CampaignDialer(Campaign campaign, ContactBook book, DoNotCall doNotCall, OutboundLine line, Clock clock,
                          String dialer) {
        if (campaign.kind().needsAgent()) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " needs agents; this dialer is agentless");
        }
        this.parts = DialerParts.of(campaign, book, doNotCall, clock, dialer);
        this.line = line;
    }

    @Override
    public Campaign campaign() {
        return parts.campaign();
    }

    /** Whether the last step found no contact due (so the campaign may be finished). */
    @Override
    public boolean nothingDue() {
        return nothingDue;
    }

    /** Calls under way now. */
    @Override
    public int inFlight() {
        return inFlight.get();
    }

    /** One pacing step; returns how many calls it started. */
    public int step() {
        return step(Integer.MAX_VALUE);
    }

    /** One pacing step starting at most {@code budget} calls (the server's overall pace); returns how many it started. */
    @Override
    public int step(int budget) {
        int free = Math.min(budget, parts.campaign().rules().maxLines() - inFlight.get());
        if (free <= 0 || !line.ready()) {
            return 0;
        }
        Instant now = parts.clock().instant();
        DueContacts.Pass pass = parts.due().pass(parts.campaign().id(), now, free, contact -> {
            Optional<Contact> claimed = parts.book().claim(contact, parts.name(), now);
            claimed.ifPresent(mine -> dial(mine, now));
            return claimed.isPresent() ? DueContacts.Tried.STARTED : DueContacts.Tried.SKIPPED;
        });
        nothingDue = pass.nothingDue();
        return pass.started();
    }

    private void dial(Contact claimed, Instant startedAt) {
        inFlight.incrementAndGet();
        try {
            parts.book().dialling(claimed, startedAt);
            line.dial(parts.campaign(), claimed, new OutboundLine.Listener() {
                @Override
                public void answered(Instant at) {
                    parts.book().answered(claimed, at);
                }

                @Override
                public void ended(OutboundLine.Result result) {
                    finish(claimed, startedAt, result);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("campaign {}: contact {} could not be dialled: {}", parts.campaign().id(), claimed.id(), e.toString());
            finish(claimed, startedAt, OutboundLine.Result.of(AttemptOutcome.FAILED));
        }
    }

    private void finish(Contact claimed, Instant startedAt, OutboundLine.Result result) {
        try {
            parts.attempts().record(claimed, null, startedAt, result);
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
        return settleInterrupted(book, campaigns, dialer, staleBefore, clock, SwitchLog.none());
    }

    /**
     * Like {@link #settleInterrupted(ContactBook, Campaigns, String, Instant, Clock)}, and a call that was
     * dialled is looked up in the switch's own log: a customer who picked up (perhaps after the server
     * had gone) is reached, with the switch's answer time, and not called again.
     */
    public static int settleInterrupted(ContactBook book, Campaigns campaigns, String dialer, Instant staleBefore, Clock clock,
                                        SwitchLog switchLog) {
        int settled = 0;
        for (Contact left : book.interrupted(dialer, staleBefore)) {
            Optional<Campaign> campaign = campaigns.find(left.campaign());
            if (campaign.isEmpty()) {
                continue;
            }
            Instant now = clock.instant();
            ContactBook.CallStage stage = book.howFar(left);
            Instant answeredAt = stage == ContactBook.CallStage.DIALLED
                    ? book.dialledAt(left).flatMap(dialled -> switchLog.answered(left.number(), dialled)).orElse(null) : null;
            AttemptOutcome outcome = switch (stage) {
                case ANSWERED -> AttemptOutcome.REACHED; // the customer picked up: not to be called again for our failure
                case DIALLED -> answeredAt != null ? AttemptOutcome.REACHED : AttemptOutcome.INTERRUPTED;
                case CLAIMED -> AttemptOutcome.NEVER_DIALLED;
            };
            Contact after = new AttemptPlan(campaign.get().rules()).after(left, outcome, null, now);
            Attempt attempt = new Attempt(left, left.attempts(), null, now, answeredAt, now, outcome, null);
            if (book.finish(attempt, after, dialer)) {
                settled++;
            }
        }
        return settled;
    }
}
