package org.hotline.campaign;

import java.time.Clock;
import java.time.Instant;
import org.hotline.shared.AgentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records a finished attempt (the outbound call record) and reschedules its contact by the campaign's rules. */
final class AttemptLog {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptLog.class);

    private final Campaign campaign;
    private final ContactBook book;
    private final AttemptPlan plan;
    private final Clock clock;
    private final String dialer;

    AttemptLog(Campaign campaign, ContactBook book, AttemptPlan plan, Clock clock, String dialer) {
        this.campaign = campaign;
        this.book = book;
        this.plan = plan;
        this.clock = clock;
        this.dialer = dialer;
    }

    /** @param agent the agent on the call, or null when agentless */
    void record(Contact claimed, AgentId agent, Instant startedAt, OutboundLine.Result result) {
        try {
            Instant endedAt = clock.instant();
            Contact after = plan.after(claimed, result.outcome(), agent, endedAt);
            Attempt attempt = new Attempt(claimed, claimed.attempts(), agent, startedAt, result.answeredAt(), endedAt,
                    result.outcome(), result.surveyScore());
            if (!book.finish(attempt, after, dialer)) {
                LOG.warn("campaign {}: contact {} was claimed by another dialer meanwhile; attempt not recorded twice",
                        campaign.id(), claimed.id());
            }
        } catch (RuntimeException e) {
            // The claim stays; the start-up sweep settles it as interrupted.
            LOG.error("campaign {}: attempt on contact {} could not be recorded", campaign.id(), claimed.id(), e);
        }
    }
}
