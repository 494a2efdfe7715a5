package org.hotline.it;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Known voices for the phones' microphones: steady tones a recording's frequency analysis finds again. */
final class Tones {

    private Tones() {
    }

    /** A steady tone at a quarter of full scale, 8 kHz mono 16-bit, longer than the call. */
    static Path steady(Path file, double hertz) throws Exception {
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
