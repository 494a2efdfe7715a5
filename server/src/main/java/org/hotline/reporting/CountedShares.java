package org.hotline.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shares this process counted, for the calls of the last hours. A call that arrived after the
 * server started can only have been counted by this server, so for such a call memory alone says
 * whether it has a share and what it is: counting it, the first time or again, reads nothing from
 * the store. (One server counts into a store.)
 */
final class CountedShares {

    /** How far behind the latest arrival memory keeps shares: wrap-ups, surveys and most callbacks come sooner. */
    static final Duration KEPT = Duration.ofHours(6);

    private final Map<String, CallShare> shares = new HashMap<>();
    /** Memory holds every share of the calls that arrived in this hour or later. */
    private Instant complete;
    private Instant latest = Instant.EPOCH;

    /** @param started when this process began counting */
    CountedShares(Instant started) {
        this.complete = started.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    }

    /**
     * The call's stored share ({@link CallShare#NONE} for none) when memory knows it, else empty.
     * An arrival only ever moves earlier, so a call now in a complete hour always was.
     */
    Optional<CallShare> known(String id, CallShare now) {
        if (now.hour().isBefore(complete)) {
            return Optional.empty();
        }
        return Optional.of(shares.getOrDefault(id, CallShare.NONE));
    }

    /** The call's share as now stored. */
    void remember(String id, CallShare share) {
        if (share.hour().isAfter(latest)) {
            latest = share.hour();
            Instant cut = latest.minus(KEPT);
            if (cut.isAfter(complete)) {
                complete = cut;
                shares.values().removeIf(kept -> kept.hour().isBefore(cut));
            }
        }
        if (share.hour().isBefore(complete)) {
            shares.remove(id);
        } else {
            shares.put(id, share);
        }
    }
}
