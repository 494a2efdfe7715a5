package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

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

    /** A stretch of wall-clock time in one state of the call: it starts after the change has settled. */
    record Phase(Instant from, Instant to) {

        static Phase after(Duration settle, Duration length) throws InterruptedException {
            Thread.sleep(settle.toMillis());
            Instant from = Instant.now();
            Thread.sleep(length.toMillis());
            return new Phase(from.plusMillis(500), Instant.now().minusMillis(500));
        }
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
        int rate = 8000;
        int seconds = 120;
        byte[] pcm = new byte[rate * seconds * 2];
        for (int i = 0; i < rate * seconds; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * hertz * i / rate) * 8000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        Files.createDirectories(file.getParent());
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), new AudioFormat(rate, 16, 1, true, false), rate * seconds),
                AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }
}
