package org.hotline.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules with a clock in them, each able to say whether a call broke it and by how much
 * (the reports' drill-down: the list of calls behind a figure).
 */
public enum ComplianceRule {
    /** The hotline picked up after three rings. */
    THREE_RINGS {
        @Override
        Optional<Duration> measure(CallFacts call, ReportRules rules, Instant now) {
            return call.systemAnsweredAt() != null && !call.withinRings()
                    ? Optional.of(Duration.between(call.arrivalAt(), call.systemAnsweredAt())) : Optional.empty();
        }
    },
    /** A caller who waited past five rings was not apologised to. */
    APOLOGY {
        @Override
        Optional<Duration> measure(CallFacts call, ReportRules rules, Instant now) {
            return CallTally.apologyDue(call, rules) && call.apologyPlayedAt() == null
                    ? Optional.of(call.waitForAgent().orElse(Duration.ZERO)) : Optional.empty();
        }
    },
    /**
     * An agent's phone rang out, or was answered after three rings; measured: the longest such ring.
     * Rings stopped by the caller hanging up or by the hotline are not the agent's.
     */
    AGENT_RINGS {
        @Override
        Optional<Duration> measure(CallFacts call, ReportRules rules, Instant now) {
            return call.offers().stream()
                    .filter(offer -> offer.outcome().agentsToAnswer())
                    .filter(offer -> !offer.answered() || offer.rang().filter(rang -> !rules.agentRing().kept(rang)).isPresent())
                    .map(offer -> offer.rang().orElse(Duration.ZERO))
                    .max(Duration::compareTo);
        }
    },
    /** The caller did not leave the queue within the service-level threshold; measured: the wait. */
    SERVICE_LEVEL {
        @Override
        Optional<Duration> measure(CallFacts call, ReportRules rules, Instant now) {
            if (!call.queued()) {
                return Optional.empty();
            }
            Optional<Duration> wait = call.waitForAgent().or(call::waitBeforeAbandon).or(call::waitBeforeCallback);
            Duration waited = wait.orElse(Duration.ofDays(1)); // never left by any of those: waited out
            return waited.compareTo(rules.serviceLevel()) > 0 ? Optional.of(wait.orElse(waited)) : Optional.empty();
        }
    },
    /** The caller hung up while waiting (short abandons left out); measured: how long they waited. */
    ABANDONED {
        @Override
        Optional<Duration> measure(CallFacts call, ReportRules rules, Instant now) {
            return call.agentAnsweredAt() != null ? Optional.empty()
                    : call.waitBeforeAbandon().filter(wait -> wait.compareTo(rules.shortAbandon()) > 0);
        }
    },
    /** The conversation ran past the limit (5 minutes); measured: its length. */
    TALK_LIMIT {
        @Override
        Optional<Duration> measure(CallFacts call, ReportRules rules, Instant now) {
            return call.talk().filter(rules.talkTime()::overLimit);
        }
    },
    /** The customer was not reached by the callback's deadline; measured: how late (so far). */
    CALLBACK_DEADLINE {
        @Override
        Optional<Duration> measure(CallFacts call, ReportRules rules, Instant now) {
            if (call.callbackRequestedAt() == null || call.callbackDeadline() == null) {
                return Optional.empty();
            }
            Instant reached = call.callbackReachedAt() != null ? call.callbackReachedAt() : now;
            return reached.isAfter(call.callbackDeadline())
                    ? Optional.of(Duration.between(call.callbackDeadline(), reached)) : Optional.empty();
        }
    },
    /** The caller rated the call below 4; measured: nothing (the score is in the facts). */
    LOW_SCORE {
        @Override
        Optional<Duration> measure(CallFacts call, ReportRules rules, Instant now) {
            return call.surveyScore() != null && call.surveyScore() < 4 ? Optional.of(Duration.ZERO) : Optional.empty();
        }
    };

    /** How much the call broke the rule by (see each rule), or empty when it kept it. */
    abstract Optional<Duration> measure(CallFacts call, ReportRules rules, Instant now);

    /** @param now for rules that can be broken by time passing (a callback not made yet) */
    public Optional<Breach> brokenBy(CallFacts call, ReportRules rules, Instant now) {
        return measure(call, rules, now).map(measured -> new Breach(this, call, measured));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ComplianceRule> byId(String id) {
        for (ComplianceRule rule : values()) {
            if (rule.id().equals(id)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** A call that broke a rule, and by how much. */
    public record Breach(ComplianceRule rule, CallFacts call, Duration measured) {
    }
}
