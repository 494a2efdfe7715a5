package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CelFileTest {

    private static final String QUEUED = "\"USER_DEFINED\",\"1796529893.414535\",\"1796529891.25\",\"1796529891.24\","
            + "\"Local/7401@hotline-0000000a;2\",\"hotline-flow\",\"s\",\"\",\"CELGenUserEvent\",\"HOTLINE_QUEUED,orders\","
            + "\"\",\"HOTLINE_QUEUED\",\"{\"\"extra\"\":\"\"orders\"\"}\"";

    @Test
    void aLineIsReadColumnByColumnWithQuotesInsideQuotesAndTheTimeToTheMicrosecond() {
        CelEvent event = CelFile.parse(QUEUED);
        assertThat(event.type()).isEqualTo("USER_DEFINED");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-12-06T04:04:53.414535Z"));
        assertThat(event.uniqueId()).isEqualTo("1796529891.25");
        assertThat(event.linkedId()).isEqualTo("1796529891.24");
        assertThat(event.appData()).isEqualTo("HOTLINE_QUEUED,orders");
        assertThat(event.extra()).isEqualTo("{\"extra\":\"orders\"}");
        assertThat(event.markerText()).isEqualTo("orders");
    }

    @Test
    void badLinesAreSkippedAndCountedNamingTheLineAndTheRestIsRead() throws Exception {
        String text = QUEUED + "\n"
                + "\"CHAN_START\",\"2026-12-06 12:00:00\",\"1\",\"1\",\"PJSIP/x\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
                + "\"HANGUP\",\"1796529893.5\n"
                + "not,a,cel,line\n"
                + "\n"
                + QUEUED.replace("1796529893.414535", "1796529894.000001") + "\n";
        CelLog log = CelFile.read(new StringReader(text), Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(log.events()).hasSize(2);
        assertThat(log.skipped()).isEqualTo(3);
        assertThat(log.problems()).first().asString().startsWith("line 2: event time '2026-12-06 12:00:00'");
        assertThat(log.problems().get(1)).isEqualTo("line 3: a quote is never closed");
    }

    @Test
    void onlyEventsInTheAskedWindowAreKept() throws Exception {
        CelLog log = CelFile.read(new StringReader(QUEUED + "\n"), Instant.parse("2026-12-06T04:04:54Z"),
                Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(log.events()).isEmpty();
        assertThat(log.skipped()).isZero();
    }
}
