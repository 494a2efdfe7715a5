package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each Asterisk node writes its own channel event log; read together they are the centre's. */
class CelFilesTest {

    private static final Instant FROM = Instant.parse("2026-12-06T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-07T00:00:00Z");

    @TempDir
    Path dir;

    private static String start(String time, String id) {
        return "\"CHAN_START\",\"" + time + "\",\"" + id + "\",\"" + id + "\",\"PJSIP/caller-00000001\",\"hotline\",\"10000\","
                + "\"\",\"\",\"\",\"\",\"\",\"\"\n";
    }

    @Test
    void theNodesLogsAreReadTogetherInAsterisksTimeOrder() throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), start("1796529893.000001", "a-1.1") + start("1796529895.000001", "a-1.2"));
        Path b = Files.writeString(dir.resolve("b.csv"), start("1796529894.000001", "b-1.1"));

        CelLog log = new CelFiles(List.of(a, b)).read(FROM, TO);

        assertThat(log.events()).extracting(CelEvent::uniqueId).containsExactly("a-1.1", "b-1.1", "a-1.2");
    }

    @Test
    void aNodeWithoutALogYetAddsNothingAndOneLogIsEnoughForAnAudit() throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), start("1796529893.000001", "a-1.1"));
        CelFiles both = new CelFiles(List.of(a, dir.resolve("b.csv")));

        assertThat(both.present()).isTrue();
        assertThat(both.read(FROM, TO).events()).extracting(CelEvent::uniqueId).containsExactly("a-1.1");
        assertThat(new CelFiles(List.of(dir.resolve("b.csv"))).present()).isFalse();
        assertThat(CelFiles.of(null).readable()).isFalse();
    }

    @Test
    void aLineThatCannotBeReadIsNamedWithItsNodesLog() throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), start("1796529893.000001", "a-1.1"));
        Path b = Files.writeString(dir.resolve("b.csv"), "not,a,cel,line\n");

        CelLog log = new CelFiles(List.of(a, b)).read(FROM, TO);

        assertThat(log.skipped()).isEqualTo(1);
        assertThat(log.problems()).singleElement().asString().startsWith(b + ": line 1");
    }
}
