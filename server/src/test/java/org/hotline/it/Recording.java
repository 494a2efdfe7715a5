package org.hotline.it;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A 16-bit PCM WAV file (any rate, mono or stereo) measured the way a listener would judge it:
 * how long it is, how loud a stretch of it is, how much of it is voice rather than silence, and
 * whether a stretch has the loudness contour of a known prompt (the syllables and pauses of one
 * sentence do not line up with those of another).
 */
public final class Recording {

    /** Writes a steady tone at a quarter of full scale, 16-bit mono at {@code rate}, two minutes (longer than a test's call). */
    public static Path tone(Path file, double hertz, int rate) throws IOException {
        int seconds = 120;
        byte[] pcm = new byte[rate * seconds * 2];
        for (int i = 0; i < rate * seconds; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * hertz * i / rate) * 8000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        Files.createDirectories(file.getParent());
        javax.sound.sampled.AudioSystem.write(new javax.sound.sampled.AudioInputStream(new java.io.ByteArrayInputStream(pcm),
                new javax.sound.sampled.AudioFormat(rate, 16, 1, true, false), (long) rate * seconds),
                javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
        return file;
    }

    /** Loudness is judged on 20 ms frames: about one pitch period of speech at the slowest, a common VAD unit. */
    public static final Duration FRAME = Duration.ofMillis(20);

    private final Path file;
    private final int sampleRate;
    private final int channels;
    private final short[] samples; // interleaved by channel

    private Recording(Path file, int sampleRate, int channels, short[] samples) {
        this.file = file;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.samples = samples;
    }

    public static Recording read(Path wav) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(wav);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + wav + ": " + e.getMessage(), e);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || !tag(bytes, 0).equals("RIFF") || !tag(bytes, 8).equals("WAVE")) {
            throw new IllegalArgumentException(wav + " is not a WAV file");
        }
        int rate = 0;
        int channels = 0;
        int position = 12;
        while (position + 8 <= bytes.length) {
            String id = tag(bytes, position);
            long size = Integer.toUnsignedLong(in.getInt(position + 4));
            int body = position + 8;
            if (id.equals("fmt ")) {
                int format = Short.toUnsignedInt(in.getShort(body));
                channels = Short.toUnsignedInt(in.getShort(body + 2));
                rate = in.getInt(body + 4);
                int bits = Short.toUnsignedInt(in.getShort(body + 14));
                // 0xFFFE (extensible) wraps the same PCM samples; its sub-format is checked below
                boolean pcm = format == 1 || (format == 0xFFFE && size >= 26 && in.getShort(body + 24) == 1);
                if (!pcm || bits != 16 || channels < 1 || channels > 2 || rate <= 0) {
                    throw new IllegalArgumentException(wav + ": need 16-bit PCM, mono or stereo (format " + format
                            + ", " + bits + " bits, " + channels + " channels, " + rate + " Hz)");
                }
            } else if (id.equals("data")) {
                if (rate == 0) {
                    throw new IllegalArgumentException(wav + ": data chunk before fmt chunk");
                }
                // A file still being written (or cut off) has a stale size: take what is there.
                long available = bytes.length - body;
                long length = size == 0 || size > available ? available : size;
                length -= length % (2L * channels);
                short[] samples = new short[(int) (length / 2)];
                in.position(body);
                in.asShortBuffer().get(samples);
                return new Recording(wav, rate, channels, samples);
            }
            position = (int) Math.min(bytes.length, body + size + (size & 1)); // chunks are word-aligned
        }
        throw new IllegalArgumentException(wav + ": no data chunk");
    }

    public Path file() {
        return file;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public Duration duration() {
        return Duration.ofNanos(sampleFrames() * 1_000_000_000L / sampleRate);
    }

    /** Root mean square of the samples (all channels) in [from, to), as a fraction of full scale (0..1). */
    public double rms(Duration from, Duration to) {
        int start = sampleIndex(from);
        int end = sampleIndex(to);
        if (end <= start) {
            return 0;
        }
        double sum = 0;
        for (int i = start * channels; i < end * channels; i++) {
            double s = samples[i] / 32768.0;
            sum += s * s;
        }
        return Math.sqrt(sum / ((end - start) * (double) channels));
    }

    /**
     * The amplitude (fraction of full scale, channels mixed) of one frequency in [from, to), by the
     * Goertzel filter: about the tone's own amplitude when it is there, near 0 when it is not.
     */
    public double toneLevel(double hertz, Duration from, Duration to) {
        int start = sampleIndex(from);
        int end = sampleIndex(to);
        if (end <= start) {
            return 0;
        }
        double coefficient = 2 * Math.cos(2 * Math.PI * hertz / sampleRate);
        double previous = 0;
        double beforePrevious = 0;
        for (int i = start; i < end; i++) {
            double sample = 0;
            for (int c = 0; c < channels; c++) {
                sample += samples[i * channels + c] / 32768.0;
            }
            double next = sample / channels + coefficient * previous - beforePrevious;
            beforePrevious = previous;
            previous = next;
        }
        double power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
        return 2 * Math.sqrt(Math.max(0, power)) / (end - start);
    }

    /** Total time of the 20 ms frames louder (RMS) than the threshold. */
    public Duration voicedDuration(double threshold) {
        return voicedDuration(threshold, Duration.ZERO, duration());
    }

    /** Total time of the 20 ms frames in [from, to) louder (RMS) than the threshold. */
    public Duration voicedDuration(double threshold, Duration from, Duration to) {
        double[] loudness = loudness(0);
        int first = (int) (from.toNanos() / FRAME.toNanos());
        int last = (int) Math.min(loudness.length, to.toNanos() / FRAME.toNanos());
        int voiced = 0;
        for (int i = Math.max(0, first); i < last; i++) {
            if (loudness[i] > threshold) {
                voiced++;
            }
        }
        return FRAME.multipliedBy(voiced);
    }

    /**
     * The silence level: the RMS of the quietest tenth of the 20 ms frames. Speech pauses between
     * words and sentences, so this is the line's level when nobody speaks; a tone or steady noise
     * has no quiet frames and so no low floor.
     */
    public double noiseFloor() {
        double[] loudness = loudness(0);
        if (loudness.length == 0) {
            return 0;
        }
        Arrays.sort(loudness);
        return loudness[loudness.length / 10];
    }

    /**
     * How closely the stretch of this recording starting near {@code at} follows the loudness
     * contour (20 ms frames) of the reference: the best Pearson correlation over start times
     * within {@code at ± slack}, tried every 5 ms. About 1 for the same prompt heard over the line
     * (G.711 and a few lost milliseconds do not change the contour), near 0 for a different sentence.
     */
    public double likeness(Recording reference, Duration at, Duration slack) {
        double[] theirs = reference.loudness(0);
        long step = sampleRate / 200; // 5 ms
        long from = Math.max(0, sampleIndex(at.minus(slack)));
        long to = sampleIndex(at.plus(slack));
        double best = -1;
        for (long start = from; start <= to; start += step) {
            double[] mine = loudness((int) start);
            int length = Math.min(theirs.length, mine.length);
            if (length < theirs.length / 2) {
                break; // too little of the reference would be compared
            }
            best = Math.max(best, correlation(mine, theirs, length));
        }
        return best;
    }

    @Override
    public String toString() {
        return file.getFileName() + String.format(" (%.2f s, %d Hz, %d ch)", duration().toMillis() / 1000.0, sampleRate, channels);
    }

    /** RMS of consecutive 20 ms frames from the given sample on. */
    private double[] loudness(int firstSample) {
        int perFrame = (int) (sampleRate * FRAME.toNanos() / 1_000_000_000L);
        int count = (int) Math.max(0, (sampleFrames() - firstSample) / perFrame);
        double[] result = new double[count];
        for (int i = 0; i < count; i++) {
            double sum = 0;
            int begin = (firstSample + i * perFrame) * channels;
            for (int j = begin; j < begin + perFrame * channels; j++) {
                double s = samples[j] / 32768.0;
                sum += s * s;
            }
            result[i] = Math.sqrt(sum / (perFrame * channels));
        }
        return result;
    }

    private static double correlation(double[] a, double[] b, int length) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < length; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= length;
        meanB /= length;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < length; i++) {
            double x = a[i] - meanA;
            double y = b[i] - meanB;
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    private long sampleFrames() {
        return samples.length / channels;
    }

    private int sampleIndex(Duration at) {
        long index = at.toNanos() * sampleRate / 1_000_000_000L;
        return (int) Math.max(0, Math.min(sampleFrames(), index));
    }

    private static String tag(byte[] bytes, int at) {
        return new String(bytes, at, 4, StandardCharsets.US_ASCII);
    }
}
