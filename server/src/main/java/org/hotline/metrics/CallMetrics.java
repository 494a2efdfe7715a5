package org.hotline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallJournal;

/** Counts what the journal records, for Prometheus: arrivals, answers against the ring rule, ends, live calls. */
public final class CallMetrics implements CallJournal {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallMetrics.class);

    private final CallJournal journal;
    private final Counter arrived;
    private final Counter withinRule;
    private final Counter breached;
    private final Counter apologyDue;
    private final Counter ended;
    private final Counter stampRefused;
    private final DistributionSummary answerWait;
    private final AtomicInteger live = new AtomicInteger();
    private final Clock clock;
    private final ZoneId zone;
    private LocalDate today; // guarded by this
    private long answeredToday;
    private long withinRuleToday;

    /** @param zone the centre's time zone: "today" starts at its midnight */
    public CallMetrics(CallJournal journal, MeterRegistry meters, Clock clock, ZoneId zone) {
        this.journal = journal;
        this.clock = clock;
        this.zone = zone;
        this.arrived = Counter.builder("hotline.calls.arrived").description("Calls that reached the hotline").register(meters);
        this.withinRule = Counter.builder("hotline.calls.answered").tag("within_rule", "true")
                .description("Calls answered, by whether the ring rule held").register(meters);
        this.breached = Counter.builder("hotline.calls.answered").tag("within_rule", "false")
                .description("Calls answered, by whether the ring rule held").register(meters);
        this.apologyDue = Counter.builder("hotline.calls.apology.due")
                .description("Calls answered after the apology threshold").register(meters);
        this.stampRefused = Counter.builder("hotline.calls.arrival.stamp.refused")
                .description("Front door arrival stamps not taken as the call's arrival (clock disagreement)").register(meters);
        this.ended = Counter.builder("hotline.calls.ended").description("Calls that ended").register(meters);
        this.answerWait = DistributionSummary.builder("hotline.calls.answer.wait.seconds")
                .description("Arrival to answer, by Asterisk's timestamps").baseUnit("seconds")
                .publishPercentiles(0.5, 0.99).register(meters);
        meters.gauge("hotline.calls.live", live);
        Gauge.builder("hotline.calls.three.ring.today", this, CallMetrics::threeRingToday)
                .description("Share of today's calls (centre's day) the hotline answered within three rings; NaN before the first")
                .register(meters);
    }

    @Override
    public void append(CallId id, CallEvent event) {
        switch (event) {
            case CallEvent.Arrived ignored -> {
                arrived.increment();
                live.incrementAndGet();
            }
            case CallEvent.AnswerMeasured measured -> {
                (measured.measure().withinRule() ? withinRule : breached).increment();
                countToday(measured.measure().withinRule());
                if (measured.measure().apologyDue()) {
                    apologyDue.increment();
                }
                answerWait.record(measured.measure().waited().toNanos() / 1e9);
            }
            case CallEvent.ArrivalStampRefused refused -> {
                stampRefused.increment();
                LOG.warn("call {}: the front door's arrival stamp {} is not the arrival, Asterisk's is kept: {}",
                        id, refused.stamp(), refused.why());
            }
            case CallEvent.Ended ignored -> {
                ended.increment();
                live.updateAndGet(n -> Math.max(0, n - 1));
            }
            default -> {
            }
        }
        journal.append(id, event);
    }

    private synchronized void countToday(boolean keptTheRule) {
        rollOver();
        answeredToday++;
        if (keptTheRule) {
            withinRuleToday++;
        }
    }

    private synchronized double threeRingToday() {
        rollOver();
        return answeredToday == 0 ? Double.NaN : (double) withinRuleToday / answeredToday;
    }

    private void rollOver() {
        LocalDate now = LocalDate.now(clock.withZone(zone));
        if (!now.equals(today)) {
            today = now;
            answeredToday = 0;
            withinRuleToday = 0;
        }
    }
}
