package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.call.RecordingMode;
import org.hotline.call.RecordingRetention;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** recordings and queues.&lt;queue&gt;.recording: checked at start-up, each queue its own mode and retention or the centre's. */
class RecordingSettingsTest {

    @TempDir
    Path home;

    @Test
    void nothingIsRecordedUnlessSaidAndRecordingsAreKeptNinetyDaysUnderTheStateDirectory() throws IOException {
        HotlineConfig config = load("company:\n  name: X\n");

        assertThat(config.recordings().rules().modeOf(new Skill("orders"))).isEqualTo(RecordingMode.OFF);
        assertThat(config.recordings().rules().retentionOf("orders")).isEqualTo(new RecordingRetention(90));
        assertThat(config.recordings().rules().agentsPlayOwn()).isFalse();
        assertThat(config.recordings().sweepEvery()).isEqualTo(Duration.ofHours(1));
        assertThat(config.recordings().directory()).isEqualTo(home.resolve("var/asterisk/data/recordings").toAbsolutePath().normalize());
    }

    @Test
    void eachQueueMayHaveItsOwnModeAndRetentionTheOthersTakeTheCentres() throws IOException {
        HotlineConfig config = load("""
                company:
                  name: X
                recordings:
                  mode: on
                  retentionDays: 30
                  agentsPlayOwn: true
                  sweepMinutes: 5
                queues:
                  complaints:
                    recording: announce
                    recordingRetentionDays: 365
                  orders:
                    recording: off
                """);

        var rules = config.recordings().rules();
        assertThat(rules.modeOf(new Skill("complaints"))).isEqualTo(RecordingMode.ANNOUNCE);
        assertThat(rules.modeOf(new Skill("orders"))).isEqualTo(RecordingMode.OFF);
        assertThat(rules.modeOf(new Skill("after-sales"))).isEqualTo(RecordingMode.ON);
        assertThat(rules.retentionOf("complaints")).isEqualTo(new RecordingRetention(365));
        assertThat(rules.retentionOf("after-sales")).isEqualTo(new RecordingRetention(30));
        assertThat(rules.retentionOf(null)).as("a call that never joined a queue").isEqualTo(new RecordingRetention(30));
        assertThat(rules.shortest()).isEqualTo(new RecordingRetention(30));
        assertThat(rules.agentsPlayOwn()).isTrue();
        assertThat(config.recordings().sweepEvery()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.routing().wrapUpCodes().of(new Skill("complaints"))).as("no codes said, none").isEmpty();
    }

    @Test
    void theEnvironmentTurnsRecordingOnForEveryQueue() throws IOException {
        HotlineConfig config = load("company:\n  name: X\n", Map.of("HOTLINE_RECORDING", "announce",
                "HOTLINE_RECORDING_RETENTION_DAYS", "0"));

        assertThat(config.recordings().rules().modeOf(new Skill("orders"))).isEqualTo(RecordingMode.ANNOUNCE);
        assertThat(config.recordings().rules().retentionOf("orders")).isEqualTo(new RecordingRetention(0));
    }

    @Test
    void aBadRecordingSettingStopsStartUpNamingIt() {
        assertThatThrownBy(() -> load("company:\n  name: X\nrecordings:\n  mode: always\n"))
                .hasMessage("recordings.mode: \"always\" is not off, on or announce");
        assertThatThrownBy(() -> load("company:\n  name: X\nqueues:\n  orders:\n    recording: maybe\n"))
                .hasMessage("queues.orders.recording: \"maybe\" is not off, on or announce");
        assertThatThrownBy(() -> load("company:\n  name: X\nrecordings:\n  retentionDays: -1\n"))
                .hasMessageStartingWith("recordings.retentionDays");
        assertThatThrownBy(() -> load("company:\n  name: X\nqueues:\n  orders:\n    recordingRetentionDays: 4000\n"))
                .hasMessageStartingWith("queues.orders.recordingRetentionDays");
        assertThatThrownBy(() -> load("company:\n  name: X\nqueues:\n  orders:\n    recordingDays: 3\n"))
                .hasMessageStartingWith("queues.orders.recordingDays: unknown setting");
        assertThatThrownBy(() -> load("company:\n  name: X\nqueues:\n  billing:\n    recording: on\n"))
                .hasMessageStartingWith("queues.billing: not a queue of ivr.menu");
        assertThatThrownBy(() -> load("company:\n  name: X\nrecordings:\n  sweepMinute: 5\n"))
                .hasMessageStartingWith("recordings.sweepMinute: unknown setting");
    }

    private HotlineConfig load(String yaml) throws IOException {
        return load(yaml, Map.of());
    }

    private HotlineConfig load(String yaml, Map<String, String> env) throws IOException {
        Path file = home.resolve("hotline.yaml");
        Files.writeString(file, yaml);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("HOTLINE_AMI_SECRET", "0123456789abcdef");
        return ConfigLoader.load(file, all, home);
    }
}
