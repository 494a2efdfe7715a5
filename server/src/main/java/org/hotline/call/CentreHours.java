package org.hotline.call;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The centre's service hours as they stand now: those configured, until an administrator changes
 * them (a holiday added, a day's hours moved); every call asks again, so a change counts from the next call.
 */
public final class CentreHours implements OpeningHours {

    private volatile ServiceHours current;

    public CentreHours(ServiceHours configured) {
        this.current = Objects.requireNonNull(configured);
    }

    public ServiceHours current() {
        return current;
    }

    /** @throws IllegalArgumentException when the new hours are in another time zone (the centre's zone is configuration) */
    public void change(ServiceHours hours) {
        if (!hours.zone().equals(current.zone())) {
            throw new IllegalArgumentException("hours: the centre's time zone is " + current.zone());
        }
        this.current = hours;
    }

    @Override
    public boolean isOpen(Instant moment) {
        return current.isOpen(moment);
    }

    @Override
    public Optional<Instant> nextOpening(Instant moment) {
        return current.nextOpening(moment);
    }
}
