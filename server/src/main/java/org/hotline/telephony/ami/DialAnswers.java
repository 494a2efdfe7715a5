package org.hotline.telephony.ami;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Asterisk's own moment a leg dialled from a script answered (DialEnd ANSWER), by the channel that
 * dialled it: a script that dials from AGI learns only the dial's status from its channel, and
 * Dial's time variables measure the dialling channel's age, not the other leg's ring.
 */
public final class DialAnswers {

    /** Answers no script asked for (a script gone meanwhile) must not pile up. */
    private static final int MOST_KEPT = 5_000;
    private static final Duration LOOK_EVERY = Duration.ofMillis(5);

    private final Map<String, Instant> answers = new ConcurrentHashMap<>();
    private final Clock clock;

    public DialAnswers(Clock clock) {
        this.clock = clock;
    }

    /** On the AMI thread: cheap. */
    public void onEvent(ManagerEvent event) {
        if (event instanceof DialEndEvent end && "ANSWER".equals(end.getDialStatus()) && end.getUniqueId() != null) {
            if (answers.size() >= MOST_KEPT) {
                answers.clear();
            }
            answers.put(end.getUniqueId(), AmiEventTranslator.timeOf(event, clock));
        }
    }

    /**
     * When the leg dialled from channel {@code dialling} answered, waiting up to {@code max} for the
     * AMI event (it may arrive a moment after the script learns the dial's status). Blocks: only from
     * a script's own thread.
     */
    public Optional<Instant> answeredAt(String dialling, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            Instant answered = answers.remove(dialling);
            if (answered != null || System.nanoTime() >= deadline) {
                return Optional.ofNullable(answered);
            }
            try {
                Thread.sleep(LOOK_EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
