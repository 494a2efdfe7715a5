package org.hotline.telephony.ami;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Asterisk's own times of the legs the hotline dials outside a caller's flow (callbacks and
 * campaigns): when a leg began ringing and when its dial ended (DialBegin, DialEnd), by the leg's
 * channel id, and when a leg dialled from a script answered, by the dialling channel. A script
 * that dials from AGI learns only the dial's status from its channel, and Dial's time variables
 * measure the dialling channel's age, not the other leg's ring.
 */
public final class DialTimes {

    /** Times no one asked for (a script gone meanwhile) must not pile up. */
    private static final int MOST_KEPT = 5_000;
    private static final Duration LOOK_EVERY = Duration.ofMillis(5);

    /** One leg's ring as Asterisk saw it; {@code endedAt} and {@code status} are null while it rings. */
    public record Ring(Instant startedAt, Instant endedAt, String status) {

        public boolean answered() {
            return "ANSWER".equals(status);
        }
    }

    private final Map<String, Instant> answersFrom = new ConcurrentHashMap<>();
    private final Map<String, Ring> rings = new ConcurrentHashMap<>();
    private final Clock clock;

    public DialTimes(Clock clock) {
        this.clock = clock;
    }

    /** On the AMI thread: cheap. */
    public void onEvent(ManagerEvent event) {
        switch (event) {
            case DialBeginEvent begin when begin.getDestUniqueId() != null -> {
                bound();
                rings.put(begin.getDestUniqueId(), new Ring(AmiEventTranslator.timeOf(event, clock), null, null));
                if (begin.getUniqueId() != null) {
                    answersFrom.remove(begin.getUniqueId()); // a new dial: an earlier answer is not this one's
                }
            }
            case DialEndEvent end -> {
                Instant at = AmiEventTranslator.timeOf(event, clock);
                if (end.getDestUniqueId() != null) {
                    rings.compute(end.getDestUniqueId(), (leg, ring) ->
                            new Ring(ring == null ? null : ring.startedAt(), at, end.getDialStatus()));
                }
                if ("ANSWER".equals(end.getDialStatus()) && end.getUniqueId() != null) {
                    bound();
                    answersFrom.put(end.getUniqueId(), at);
                }
            }
            default -> {
            }
        }
    }

    private void bound() {
        if (answersFrom.size() >= MOST_KEPT) {
            answersFrom.clear();
        }
        if (rings.size() >= MOST_KEPT) {
            rings.clear();
        }
    }

    /**
     * When the leg dialled from channel {@code dialling} answered, waiting up to {@code max} for the
     * AMI event (it may arrive a moment after the script learns the dial's status). Blocks: only from
     * a script's own (virtual) thread.
     */
    public Optional<Instant> answeredAt(String dialling, Duration max) {
        return await(() -> answersFrom.remove(dialling), max);
    }

    /** The ring of leg {@code leg} once its dial ended, waiting up to {@code max}; same threading rule. */
    public Optional<Ring> ringOf(String leg, Duration max) {
        return await(() -> {
            Ring ring = rings.get(leg);
            return ring != null && ring.endedAt() != null ? rings.remove(leg) : null;
        }, max);
    }

    private static <T> Optional<T> await(java.util.function.Supplier<T> look, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            T found = look.get();
            if (found != null || System.nanoTime() >= deadline) {
                return Optional.ofNullable(found);
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
