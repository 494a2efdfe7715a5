package org.hotline.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.call.CallEvent;
import org.hotline.call.CallId;
import org.hotline.call.CallJournal;

/** Counts what the journal records, for Prometheus: arrivals, answers against the ring rule, ends, live calls. */
public final class CallMetrics implements CallJournal {

    private final CallJournal journal;
    private final Counter arrived;
    private final Counter withinRule;
    private final Counter breached;
    private final Counter apologyDue;
    private final Counter ended;
    private final DistributionSummary answerWait;
    private final AtomicInteger live = new AtomicInteger();

    public CallMetrics(CallJournal journal, MeterRegistry meters) {
        this.journal = journal;
        this.arrived = Counter.builder("hotline.calls.arrived").description("Calls that reached the hotline").register(meters);
        this.withinRule = Counter.builder("hotline.calls.answered").tag("within_rule", "true")
                .description("Calls answered, by whether the ring rule held").register(meters);
        this.breached = Counter.builder("hotline.calls.answered").tag("within_rule", "false")
                .description("Calls answered, by whether the ring rule held").register(meters);
        this.apologyDue = Counter.builder("hotline.calls.apology.due")
                .description("Calls answered after the apology threshold").register(meters);
        this.ended = Counter.builder("hotline.calls.ended").description("Calls that ended").register(meters);
        this.answerWait = DistributionSummary.builder("hotline.calls.answer.wait.seconds")
                .description("Arrival to answer, by Asterisk's timestamps").baseUnit("seconds")
                .publishPercentiles(0.5, 0.99).register(meters);
        meters.gauge("hotline.calls.live", live);
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
                if (measured.measure().apologyDue()) {
                    apologyDue.increment();
                }
                answerWait.record(measured.measure().waited().toNanos() / 1e9);
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
}
