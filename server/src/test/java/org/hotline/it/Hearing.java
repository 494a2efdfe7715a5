package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Who heard whom on a call between baresip phones: each phone plays its own steady tone and records
 * what it hears; a stretch of wall-clock time (a {@link Phase}) of each recording says which tones
 * reached it.
 */
final class Hearing {

    /** Each tone is played at a quarter of full scale; heard means well above the line's noise, unheard well below. */
    static final double HEARD = 0.03;
    static final double UNHEARD = 0.01;

    private Hearing() {
    }

    /** A phone's recording placed on the wall clock: it ends when the file was last written. */
    record Heard(Softphone phone, Recording recording, Instant start) {

        static Heard by(Softphone phone) throws Exception {
            Recording recording = phone.lastRecording();
            Instant end = Files.getLastModifiedTime(recording.file()).toInstant();
            return new Heard(phone, recording, end.minus(recording.duration()));
        }

        void assertHeard(Phase phase, double... tones) {
            for (double tone : tones) {
                assertThat(level(phase, tone)).as("%s hears %s Hz (%s)", phone.name(), tone, recording).isGreaterThan(HEARD);
            }
        }

        void assertNotHeard(Phase phase, double tone) {
            assertThat(level(phase, tone)).as("%s does not hear %s Hz (%s)", phone.name(), tone, recording).isLessThan(UNHEARD);
        }

        /** The loudest {@code tone} over 200 ms stretches between {@code from} and {@code to}. */
        double peak(double tone, Instant from, Instant to) {
            double loudest = 0;
            for (Instant at = from; at.isBefore(to); at = at.plusMillis(100)) {
                loudest = Math.max(loudest, recording.toneLevel(tone, Duration.between(start, at),
                        Duration.between(start, at.plusMillis(200))));
            }
            return loudest;
        }

        double level(Phase phase, double tone) {
            return recording.toneLevel(tone, Duration.between(start, phase.from()), Duration.between(start, phase.to()));
        }

        double loudness(Phase phase) {
            return recording.rms(Duration.between(start, phase.from()), Duration.between(start, phase.to()));
        }
    }

    /** A steady tone at a quarter of full scale, 8 kHz mono 16-bit, longer than the call. */
    static Path tone(Path file, double hertz) throws Exception {
        return Recording.tone(file, hertz, 8000);
    }
}
