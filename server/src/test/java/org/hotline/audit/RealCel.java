package org.hotline.audit;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * CEL captured from a real Asterisk 22.10 with the project's cel_custom mapping (2026-12-06): five Local-channel
 * calls into the hotline context, agents on baresip. By the hotline side's unique id:
 * <ul>
 *   <li>{@code 1796529891.25} queued, agent 010 answers at once, the caller hangs up after 4.5 s of talk</li>
 *   <li>{@code 1796529892.27} queued, agent 011 rings out (9 s), agent 010 answers, the caller hangs up</li>
 *   <li>{@code 1796529892.29} queued, the caller hangs up 2.5 s later (a short abandon)</li>
 *   <li>{@code 1796529893.31} answered, never queued, the hotline hangs up</li>
 *   <li>{@code 1796529905.36} queued, the caller hangs up while agent 011's phone rings</li>
 * </ul>
 */
final class RealCel {

    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private RealCel() {
    }

    static CelLog read() throws IOException {
        try (Reader reader = new InputStreamReader(RealCel.class.getResourceAsStream("/audit/cel-real-2026-12-06.csv"),
                StandardCharsets.UTF_8)) {
            return CelFile.read(reader, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        }
    }

    static Instant at(String epoch) {
        return CelFile.time(epoch);
    }
}
