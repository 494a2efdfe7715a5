package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.hotline.shared.CallId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message is read back only by the name its call gives it, and its length is what the file holds. */
class MessageFilesTest {

    @TempDir
    Path dir;

    @Test
    void aMessagesLengthIsItsSoundOverTheBytesPerSecond() throws Exception {
        MessageFiles files = new MessageFiles(dir);
        wav(dir.resolve("1700000000.7.wav"), 8000 * 3 + 4000);

        assertThat(files.lengthOf(new CallId("1700000000.7"))).contains(Duration.ofMillis(3500));
        assertThat(files.pathOf("1700000000.7.wav")).contains(dir.resolve("1700000000.7.wav"));
    }

    @Test
    void aFileAsteriskWasWritingWhenItStoppedCountsWhatIsOnDisk() throws Exception {
        MessageFiles files = new MessageFiles(dir);
        Path file = dir.resolve("1700000000.7.wav");
        wav(file, 8000 * 2);
        byte[] bytes = Files.readAllBytes(file);
        java.util.Arrays.fill(bytes, 4, 8, (byte) 0); // the sizes Asterisk fills in when it closes the file
        java.util.Arrays.fill(bytes, 40, 44, (byte) 0);
        Files.write(file, bytes);

        assertThat(files.lengthOf(new CallId("1700000000.7"))).contains(Duration.ofSeconds(2));
    }

    @Test
    void theKeptMessagesAreNamedByTheirCallsAndEndWhenLastWritten() throws Exception {
        MessageFiles files = new MessageFiles(dir);
        wav(dir.resolve("1700000000.7.wav"), 8000);
        wav(dir.resolve("1700000000.10.wav"), 8000);
        Files.writeString(dir.resolve("notes.txt"), "not a message");
        Files.setLastModifiedTime(dir.resolve("1700000000.7.wav"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-11-22T01:00:12.340Z")));

        assertThat(files.calls()).containsExactly(new CallId("1700000000.10"), new CallId("1700000000.7"));
        assertThat(files.endOf(new CallId("1700000000.7"))).contains(java.time.Instant.parse("2026-11-22T01:00:12.340Z"));
        assertThat(files.endOf(new CallId("1700000000.8"))).isEmpty();
    }

    @Test
    void onlyNamesOfTheShapeOfACallsMessageAreOpened() throws Exception {
        MessageFiles files = new MessageFiles(dir.resolve("messages"));
        files.prepare();
        Files.writeString(dir.resolve("secret.wav"), "RIFF");

        assertThat(files.pathOf("../secret.wav")).isEmpty();
        assertThat(files.pathOf("..%2Fsecret.wav")).isEmpty();
        assertThat(files.pathOf("1700000000.7")).isEmpty();
        assertThat(files.pathOf("1700000000.8.wav")).as("no such message").isEmpty();
        assertThat(files.pathOf(null)).isEmpty();
    }

    @Test
    void somethingThatIsNotASoundHasNoLengthAndIsDiscarded() throws Exception {
        MessageFiles files = new MessageFiles(dir);
        Files.writeString(dir.resolve("1700000000.9.wav"), "not a sound");

        assertThat(files.lengthOf(new CallId("1700000000.9"))).isEmpty();
        files.discard(new CallId("1700000000.9"));
        assertThat(dir.resolve("1700000000.9.wav")).doesNotExist();
    }

    private static void wav(Path file, int samples) throws Exception {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[samples * 2]), format, samples),
                AudioFileFormat.Type.WAVE, file.toFile());
    }
}
