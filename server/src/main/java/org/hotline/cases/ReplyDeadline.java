package org.hotline.cases;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule that the customer is answered within a number of days ({@code cases.replyWithinDays},
 * the handbook's 3), counted from the case's opening or from its solution
 * ({@code cases.deadlineFrom}). Days are calendar days in the centre's time zone: a case opened at
 * 10:00 is due at 10:00 three days later, also across a daylight-saving change. A reply exactly at
 * the deadline keeps the rule.
 *
 * @param days    how many days the customer may wait for the answer
 * @param dueSoon how long before its deadline a case is listed as due soon
 */
public record ReplyDeadline(int days, DeadlineFrom from, Duration dueSoon, ZoneId zone) {

    public ReplyDeadline {
        if (days < 1) {
            throw new IllegalArgumentException("a reply deadline is at least one day");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(zone, "zone");
        if (dueSoon.isNegative()) {
            throw new IllegalArgumentException("the due-soon window cannot be negative");
        }
    }

    /** The handbook's rule: within 3 days of opening, listed as due soon a day before. */
    public static ReplyDeadline handbook(ZoneId zone) {
        return new ReplyDeadline(3, DeadlineFrom.OPENING, Duration.ofHours(24), zone);
    }

    /** When the deadline starts running for this case, if it has yet. */
    Optional<Instant> startingPoint(Case c) {
        return Optional.ofNullable(from == DeadlineFrom.OPENING ? c.openedAt() : c.solutionReadyAt());
    }

    Instant deadlineFrom(Instant start) {
        return start.atZone(zone).plusDays(days).toInstant();
    }

    /** The customer is still waiting and the deadline has passed. */
    public boolean overdue(Case c, Instant now) {
        return c.status().awaitsReply() && c.deadline() != null && now.isAfter(c.deadline());
    }

    /** The customer is still waiting and the deadline is at most {@link #dueSoon} away (and not passed). */
    public boolean dueSoon(Case c, Instant now) {
        return c.status().awaitsReply() && c.deadline() != null && !now.isAfter(c.deadline())
                && !now.isBefore(c.deadline().minus(dueSoon));
    }

    /**
     * How late the reply was, or is so far when there is none yet; empty when the case kept (or
     * still keeps) its deadline, or has none running.
     */
    public Optional<Duration> lateBy(Case c, Instant now) {
        if (c.deadline() == null) {
            return Optional.empty();
        }
        Instant answered = c.repliedAt() != null ? c.repliedAt() : now;
        return answered.isAfter(c.deadline()) ? Optional.of(Duration.between(c.deadline(), answered)) : Optional.empty();
    }
}
