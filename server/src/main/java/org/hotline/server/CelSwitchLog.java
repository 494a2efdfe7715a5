package org.hotline.server;

import org.hotline.telephony.Dialplan;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hotline.audit.CelFiles;
import org.hotline.audit.CelLog;
import org.hotline.campaign.SwitchLog;
import org.hotline.customer.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The switch's log of campaign calls, from Asterisk's channel event log: a customer's call leaves
 * through {@code Local/<number as the centre dials it>@hotline-outbound}, and its {@code ANSWER}
 * is when they picked up, whether or not a server was there to hear it.
 */
final class CelSwitchLog implements SwitchLog {

    private static final Logger LOG = LoggerFactory.getLogger(CelSwitchLog.class);

    private final CelFiles celFiles;
    private final PhoneNumbers numbers;
    private final Clock clock;

    CelSwitchLog(CelFiles celFiles, PhoneNumbers numbers, Clock clock) {
        this.celFiles = celFiles;
        this.numbers = numbers;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> answered(String e164, Instant since) {
        Optional<String> dialled = numbers.dialFromCentre(e164);
        if (dialled.isEmpty() || !celFiles.readable()) {
            return Optional.empty();
        }
        try {
            return answered(celFiles.read(since.minus(Duration.ofSeconds(1)), clock.instant().plus(Duration.ofMinutes(1))),
                    dialled.get(), since);
        } catch (IOException e) {
            LOG.warn("Asterisk's channel event log {} not read ({}); interrupted campaign calls settled from their records",
                    celFiles, e.toString());
            return Optional.empty();
        }
    }

    /** The first answer of a leg toward {@code dialled} at or after {@code since}. */
    static Optional<Instant> answered(CelLog log, String dialled, Instant since) {
        String leg = Dialplan.OUTBOUND.local(dialled);
        return log.events().stream()
                .filter(event -> "ANSWER".equals(event.type()) && event.channel().startsWith(leg) && !event.time().isBefore(since))
                .map(org.hotline.audit.CelEvent::time).min(Instant::compareTo);
    }
}
