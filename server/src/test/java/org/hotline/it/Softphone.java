package org.hotline.it;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A real SIP phone for integration tests: one baresip process (Debian's baresip-core 1.0.0) with
 * its own configuration in a directory of its own, so several can run at once. The directories lie
 * under a short path ({@code /tmp/hotline-phones-<checkout>/<name>/}, linked from
 * {@code server/target/softphones}): baresip cuts its recordings' file names past about 128 characters,
 * and a checkout may lie deep.
 *
 * <p>It needs no sound card: the microphone is a WAV file (module {@code aufile}), the speaker is an
 * {@code aubridge} device nothing reads from, and what the far end sends is written to WAV files by
 * module {@code sndfile}. It is driven through baresip's own keyboard interface (module
 * {@code stdio}, which also reads a pipe) and followed through the lines it prints. Those lines are
 * kept in {@code baresip.log} in the phone's directory, and the last of them are quoted in every
 * failure.
 *
 * <p>Every phone ends with the test that started it ({@link PhonesEndWithTheirTest}), and with the
 * JVM that drives it even when that JVM is killed: baresip 1.0.0 whose keyboard pipe closes spins at
 * full CPU, so a watchdog process per phone, reading a pipe from this JVM, kills it when that pipe
 * closes.
 *
 * <p>If baresip is missing or cannot start, {@link Builder#start()} fails: nothing is skipped.
 */
public final class Softphone implements AutoCloseable {

    private static final Path BASE_DIR = shortBaseDir();
    private static final Set<Softphone> LIVE = PhonesEndWithTheirTest.LIVE;
    private static final Thread REAPER = new Thread(() -> LIVE.forEach(Softphone::kill), "softphone-reaper");
    /** Waits for its stdin (a pipe from this JVM) to close, then kills the phone's baresip ($1) if it still runs. */
    private static final String WATCHDOG = """
            while read -r _; do :; done
            [ "$(cat /proc/$1/comm 2>/dev/null)" = baresip ] && kill -KILL "$1"
            """;

    static {
        // Also on a failed or interrupted test run: no baresip may outlive the test JVM.
        Runtime.getRuntime().addShutdownHook(REAPER);
    }

    // What baresip 1.0.0 prints (mostly its menu module's messages), after colour codes are removed.
    private static final Pattern READY = Pattern.compile("baresip is ready\\.");
    private static final Pattern REGISTERED =
            Pattern.compile("\\{\\d+/UDP/v4} 200 OK|useragent registered successfully");
    private static final Pattern REGISTER_FAILED = Pattern.compile(" reg: \\S+: (\\d{3} .*?)(?: \\(.*\\))?$");
    private static final Pattern ESTABLISHED = Pattern.compile(": Call established: ");
    private static final Pattern CLOSED = Pattern.compile(": session closed: (.*)$| call: terminate call |: Call with .* terminated");
    private static final Pattern INCOMING = Pattern.compile(": Incoming call from: ");
    // Screen refreshes, not messages: the call-status line, colour codes and the ring bell.
    private static final Pattern STATUS_BAR = Pattern.compile("^(\\[\\d+:\\d\\d:\\d\\d] audio=\\S+ \\(bit/s\\)\\s*)+");
    private static final Pattern TERMINAL_CODES = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z\\]]|\u0007");

    private final String name;
    private final Path dir;
    private final Path log;
    private final int sipPort;
    private final Process process;
    private final Process watchdog;
    private final Writer keyboard;
    private final Writer logWriter;
    private final Thread reader;
    private final long startedAt = System.nanoTime();
    private final List<String> lines = new ArrayList<>(); // guarded by itself
    private volatile int callFrom; // index in lines where the current call's messages start

    private Softphone(String name, Path dir, int sipPort, Process process, Writer logWriter) throws IOException {
        this.name = name;
        this.dir = dir;
        this.log = dir.resolve("baresip.log");
        this.sipPort = sipPort;
        this.process = process;
        this.watchdog = new ProcessBuilder("sh", "-c", WATCHDOG, "softphone-watchdog", String.valueOf(process.pid()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        this.logWriter = logWriter;
        this.keyboard = process.outputWriter(StandardCharsets.UTF_8);
        this.reader = Thread.ofPlatform().daemon().name("softphone-" + name).unstarted(this::readOutput);
    }

    /** A phone with its own directory {@code <short base dir>/<name>/} (emptied first). */
    public static Builder named(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The directory with the phone's config, microphone file, recordings and log. */
    public Path dir() {
        return dir;
    }

    public Path log() {
        return log;
    }

    /** The local UDP port its SIP traffic (and so its registered contact) uses, on 127.0.0.1. */
    public int sipPort() {
        return sipPort;
    }

    /** Waits for the registrar's 200 OK; fails at once if the registration is rejected. */
    public void awaitRegistered(Duration timeout) {
        String line = awaitLine(0, timeout, "registration", REGISTERED, REGISTER_FAILED);
        Matcher rejected = REGISTER_FAILED.matcher(line);
        if (rejected.find()) {
            throw failure("registration was rejected: " + rejected.group(1));
        }
    }

    /** Waits for the registrar to refuse the phone; returns its answer, e.g. "401 Unauthorized". */
    public String awaitRegistrationRejected(Duration timeout) {
        String line = awaitLine(0, timeout, "a rejected registration", REGISTER_FAILED, REGISTERED);
        Matcher rejected = REGISTER_FAILED.matcher(line);
        if (!rejected.find()) {
            throw failure("the registration was accepted: " + line);
        }
        return rejected.group(1);
    }

    /** Calls the URI, e.g. {@code sip:10000@127.0.0.1:15060}. The call awaits below follow this call. */
    public void dial(String uri) {
        if (!uri.matches("sips?:[^\\s]+")) {
            throw new IllegalArgumentException("not a SIP URI: " + uri);
        }
        synchronized (lines) {
            callFrom = lines.size();
        }
        type("/dial " + uri + "\n");
    }

    /** Waits until the current call is answered and media flows; fails if it ends first. */
    public void awaitCallEstablished(Duration timeout) {
        String line = awaitLine(callFrom, timeout, "an established call", ESTABLISHED, CLOSED);
        if (!ESTABLISHED.matcher(line).find()) {
            throw failure("the call ended before it was established: " + line);
        }
    }

    /** Waits until the current call is over (either side hung up, or it was refused); returns baresip's line. */
    public String awaitCallClosed(Duration timeout) {
        return awaitLine(callFrom, timeout, "the end of the call", CLOSED);
    }

    /** From now on, waits look only at what happens next (e.g. a second call on the same phone). */
    public void forgetPastCalls() {
        synchronized (lines) {
            callFrom = lines.size();
        }
    }

    /**
     * From now on, waits look only at what came after the end of the current call: unlike
     * {@link #forgetPastCalls()}, a next call that rang at once is not missed.
     */
    public void forgetEndedCall() {
        synchronized (lines) {
            for (int i = callFrom; i < lines.size(); i++) {
                if (CLOSED.matcher(lines.get(i)).find()) {
                    callFrom = i + 1;
                    return;
                }
            }
        }
        throw failure("the current call has not ended");
    }

    /** Waits for an incoming call to be offered (it rings, or is answered at once in auto-answer mode). */
    public void awaitIncomingCall(Duration timeout) {
        String line = awaitLine(callFrom, timeout, "an incoming call", INCOMING, ESTABLISHED);
        synchronized (lines) {
            callFrom = Math.max(callFrom, lines.indexOf(line));
        }
    }

    /** Presses keys on the keypad during a call; they go out as RFC 4733 telephone events. */
    public void press(String keys) {
        for (char key : keys.toCharArray()) {
            // Letters are menu commands in baresip (b hangs up), so only the keypad is allowed.
            if ("0123456789*#".indexOf(key) < 0) {
                throw new IllegalArgumentException("not a keypad key: " + key);
            }
        }
        for (char key : keys.toCharArray()) {
            type(String.valueOf(key));
            sleep(Duration.ofMillis(300)); // one tone at a time, as a thumb would
        }
    }

    /** Blind-transfers the current call to {@code uri} (a SIP REFER; baresip's /transfer). */
    public void transfer(String uri) {
        if (!uri.matches("sip:[0-9A-Za-z*#]+@[0-9.]+(:[0-9]+)?")) {
            throw new IllegalArgumentException("not a plain SIP URI: " + uri);
        }
        type("/transfer " + uri + "\n");
    }

    public void hangUp() {
        type("/hangup\n");
    }

    /** Picks up the call ringing now (a phone set to {@link Builder#neverAnswer()} answers when told to). */
    public void answer() {
        type("/accept\n");
    }

    /** The WAV files of what the far end sent, one per call, oldest first. */
    public List<Path> recordings() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("dump-.*-dec\\.wav"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The newest recording of the far end; fails if there is none. */
    public Recording lastRecording() {
        List<Path> all = recordings();
        if (all.isEmpty()) {
            throw failure("no recording of the far end in " + dir
                    + " (was the phone built with recordWhatItHears(), and did media flow?)");
        }
        return Recording.read(all.getLast());
    }

    /** The last lines baresip printed (without screen refreshes), for failure messages. */
    public String tail(int count) {
        synchronized (lines) {
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
    }

    /** An assertion error naming this phone, with the end of its log. */
    public AssertionError failure(String message) {
        return failure(message, null);
    }

    /** The same, for a failure seen elsewhere in a test while this phone was on the line. */
    public AssertionError failure(String message, Throwable cause) {
        return new AssertionError("softphone '" + name + "': " + message + "\n--- last lines of " + log + " ---\n"
                + tail(40), cause);
    }

    /** The phone vanishes without a word (a crash, a laptop lid closed): no unregister, no reply to what comes. */
    public void vanish() throws InterruptedException {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        watchdog.destroy();
    }

    /** Whether its baresip still runs. */
    boolean running() {
        return process.isAlive();
    }

    /** What the death of the JVM driving it does to the phone: both its pipes close, nothing is quit. */
    void loseController() throws IOException {
        process.getOutputStream().close();
        watchdog.getOutputStream().close();
    }

    /** Waits for its baresip to end; false if it still runs after the timeout. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Quits baresip (it unregisters and ends any call), and kills it if it does not go. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                try {
                    type("/quit\n");
                } catch (AssertionError alreadyGone) {
                    // it exited meanwhile: nothing to quit
                }
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    kill();
                }
            }
            reader.join(2_000);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        } finally {
            watchdog.destroy();
            LIVE.remove(this);
            closeLog();
        }
    }

    private void kill() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            watchdog.destroy();
        }
    }

    /**
     * One short directory per checkout (so two checkouts' phones never share one), linked from
     * {@code server/target/softphones} where the logs are looked for.
     */
    private static Path shortBaseDir() {
        Path home = AsteriskSandbox.home();
        Path tmp = Files.isDirectory(Path.of("/tmp")) && Files.isWritable(Path.of("/tmp"))
                ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
        Path base = tmp.resolve("hotline-phones-" + String.format("%08x", home.toString().hashCode()));
        try {
            Files.createDirectories(base);
            Path link = home.resolve("server/target/softphones");
            Files.createDirectories(link.getParent());
            if (!Files.isSymbolicLink(link) || !Files.readSymbolicLink(link).equals(base)) {
                if (Files.isSymbolicLink(link)) {
                    Files.delete(link);
                } else {
                    Builder.deleteTree(link); // the phones of a run from before they moved to the short path
                }
                Files.createSymbolicLink(link, base);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the phones' directory " + base + ": " + e.getMessage(), e);
        }
        return base;
    }

    private void type(String keys) {
        if (!process.isAlive()) {
            throw failure("baresip is not running (exit " + process.exitValue() + ")");
        }
        note(">>> " + keys.strip());
        try {
            keyboard.write(keys);
            keyboard.flush();
        } catch (IOException e) {
            throw failure("cannot send '" + keys.strip() + "' to baresip: " + e.getMessage());
        }
    }

    /** The first line at or after index {@code from} that matches any of the patterns. */
    private String awaitLine(int from, Duration timeout, String what, Pattern... patterns) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = from;
        while (true) {
            synchronized (lines) {
                for (; next < lines.size(); next++) {
                    for (Pattern pattern : patterns) {
                        if (pattern.matcher(lines.get(next)).find()) {
                            return lines.get(next);
                        }
                    }
                }
                if (!process.isAlive() && !reader.isAlive()) {
                    throw failure("baresip exited (" + process.exitValue() + ") while waiting for " + what);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw failure("no " + what + " within " + timeout);
                }
                try {
                    lines.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure("interrupted while waiting for " + what);
                }
            }
        }
    }

    private void readOutput() {
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            StringBuilder segment = new StringBuilder();
            char[] buffer = new char[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    // baresip redraws its status line with \r: each \r or \n ends a piece of output
                    if (c == '\n' || c == '\r') {
                        accept(segment.toString());
                        segment.setLength(0);
                    } else {
                        segment.append(c);
                    }
                }
            }
            accept(segment.toString());
        } catch (IOException e) {
            note("(output closed: " + e.getMessage() + ")");
        } finally {
            note("(baresip exited" + (process.isAlive() ? ")" : " with " + process.exitValue() + ")"));
        }
    }

    private void accept(String raw) {
        String text = STATUS_BAR.matcher(TERMINAL_CODES.matcher(raw).replaceAll("")).replaceFirst("").strip();
        // "/", "/d", "/di", ... is the screen echo of a command being typed; the command itself is noted by type()
        if (!text.isEmpty() && !text.startsWith("/")) {
            note(text);
        }
    }

    private void note(String text) {
        String stamped = String.format("%8.3f %s", (System.nanoTime() - startedAt) / 1e9, text);
        synchronized (lines) {
            lines.add(stamped);
            lines.notifyAll();
            try {
                logWriter.write(stamped);
                logWriter.write('\n');
                logWriter.flush();
            } catch (IOException ignored) {
                // the log is a diagnostic aid; the lines are still kept in memory
            }
        }
    }

    private void closeLog() {
        synchronized (lines) {
            try {
                logWriter.close();
            } catch (IOException ignored) {
                // nothing more to write
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How to set up one phone. */
    public static final class Builder {

        private static final int MIC_RATE = 8000;

        private final String name;
        private String user;
        private String password;
        private String registrar = "127.0.0.1:" + AsteriskSandbox.SIP_PORT;
        private boolean autoAnswer;
        private Path microphone;
        private boolean record;
        private Duration longestCall = Duration.ofMinutes(3);
        private Duration lifetime = Duration.ofMinutes(10);
        private Duration registration = Duration.ofMinutes(5);

        private Builder(String name) {
            if (!name.matches("[A-Za-z0-9_-]{1,40}")) {
                throw new IllegalArgumentException("a phone name is a plain word (it names a directory): " + name);
            }
            this.name = name;
        }

        /** The SIP account it registers, e.g. {@code caller} and the password Asterisk generated for it. */
        public Builder account(String user, String password) {
            // The account line has no quoting: a ';', '>' or blank would split it.
            if (!user.matches("[A-Za-z0-9._-]+") || !password.matches("[^\\s;<>\"]+")) {
                throw new IllegalArgumentException("user and password must be plain tokens");
            }
            this.user = user;
            this.password = password;
            return this;
        }

        /** Where it registers and places calls, {@code host:port}; by default the test Asterisk. */
        public Builder registrar(String hostAndPort) {
            this.registrar = hostAndPort;
            return this;
        }

        /** Picks up every incoming call at once. */
        public Builder autoAnswer() {
            this.autoAnswer = true;
            return this;
        }

        /** Lets incoming calls ring without ever answering them (the default). */
        public Builder neverAnswer() {
            this.autoAnswer = false;
            return this;
        }

        /** What it says: an 8 kHz mono 16-bit WAV, followed by silence. Without one it sends silence. */
        public Builder microphone(Path wav) {
            this.microphone = wav;
            return this;
        }

        /** Records what it hears from the far end, one WAV per call (see {@link #recordings()}). */
        public Builder recordWhatItHears() {
            this.record = true;
            return this;
        }

        /** Its microphone lasts this long; baresip 1.0.0 ends a call when the microphone file runs out. */
        public Builder longestCall(Duration longest) {
            this.longestCall = longest;
            return this;
        }

        /** baresip quits by itself after this long, in case even the shutdown hook never runs (JVM killed). */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** Starts baresip and waits until it is ready (not necessarily registered). */
        /** How long each registration asks to last (the phone renews it before then); Asterisk grants 60 s at least. */
        public Builder registration(Duration expires) {
            this.registration = expires;
            return this;
        }

        public Softphone start() throws IOException {
            if (user == null) {
                throw new IllegalStateException("a phone needs an account");
            }
            String baresip = findBaresip();
            Path dir = BASE_DIR.resolve(name);
            deleteTree(dir); // recordings of an earlier run must not pass for this one's
            Files.createDirectories(dir);
            writeMicrophone(dir.resolve("microphone.wav"));
            Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@" + registrar + ">"
                    + ";auth_pass=" + password
                    + ";answermode=" + (autoAnswer ? "auto" : "manual")
                    + ";regint=" + registration.toSeconds()
                    + ";audio_codecs=pcmu,pcma\n");
            Files.writeString(dir.resolve("contacts"), "");

            String lastOutput = "";
            // A free port found here may be taken before baresip binds it: then try another.
            for (int attempt = 1; attempt <= 3; attempt++) {
                int port = freePort();
                Files.writeString(dir.resolve("config"), config(dir, port));
                Process process = new ProcessBuilder(baresip, "-f", dir.toString(), "-t", String.valueOf(lifetime.toSeconds()))
                        .directory(dir.toFile()).redirectErrorStream(true).start();
                BufferedWriter logWriter = Files.newBufferedWriter(dir.resolve("baresip.log"), StandardCharsets.UTF_8);
                Softphone phone;
                try {
                    phone = new Softphone(name, dir, port, process, logWriter);
                } catch (IOException noWatchdog) {
                    process.destroyForcibly();
                    throw noWatchdog;
                }
                LIVE.add(phone);
                phone.note("baresip " + baresip + " -f " + dir + " (SIP 127.0.0.1:" + port + ", attempt " + attempt + ")");
                phone.reader.start();
                try {
                    phone.awaitLine(0, Duration.ofSeconds(15), "baresip to be ready", READY);
                    return phone;
                } catch (AssertionError notReady) {
                    lastOutput = notReady.getMessage();
                    phone.close();
                    if (!lastOutput.contains("Address already in use")) {
                        break;
                    }
                }
            }
            throw new AssertionError("baresip could not start\n" + lastOutput);
        }

        private String config(Path dir, int port) {
            StringBuilder modules = new StringBuilder();
            for (String module : List.of("stdio", "g711", "aufile", "aubridge")) {
                modules.append("module\t\t\t").append(module).append(".so\n");
            }
            if (record) {
                modules.append("module\t\t\tsndfile.so\n");
            }
            return """
                    # Written by the integration tests (Softphone.java) for this run only.
                    poll_method\t\tepoll
                    # The test Asterisk is on loopback; binding there keeps SIP and RTP off the network.
                    net_interface\t\t127.0.0.1
                    sip_listen\t\t127.0.0.1:%d
                    call_local_timeout\t120
                    call_max_calls\t\t4
                    # No sound card: the microphone is a file, the speaker a bridge nobody listens to.
                    audio_source\t\taufile,%s
                    audio_player\t\taubridge,nowhere
                    audio_alert\t\taubridge,nowhere
                    audio_level\t\tno
                    ausrc_format\t\ts16
                    auplay_format\t\ts16
                    auenc_format\t\ts16
                    audec_format\t\ts16
                    audio_buffer\t\t20-160
                    rtcp_mux\t\tno
                    # Loopback has no jitter; a jitter buffer would hold back the last 100 ms of every call
                    # and so cut them from the recording.
                    jitter_buffer_delay\t0-0
                    rtp_stats\t\tno
                    snd_path\t\t%s
                    module_path\t\t/usr/lib/baresip/modules
                    %smodule_tmp\t\taccount.so
                    module_app\t\tmenu.so
                    """.formatted(port, dir.resolve("microphone.wav"), dir, modules);
        }

        /** The microphone file: the given speech (if any) then silence, {@link #longestCall} in all. */
        private void writeMicrophone(Path target) throws IOException {
            byte[] speech = new byte[0];
            if (microphone != null) {
                try (AudioInputStream in = AudioSystem.getAudioInputStream(microphone.toFile())) {
                    AudioFormat f = in.getFormat();
                    if (f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED || f.getSampleRate() != MIC_RATE
                            || f.getSampleSizeInBits() != 16 || f.getChannels() != 1 || f.isBigEndian()) {
                        throw new IllegalArgumentException("the microphone must be 8 kHz mono 16-bit PCM: "
                                + microphone + " is " + f);
                    }
                    speech = in.readAllBytes();
                } catch (UnsupportedAudioFileException e) {
                    throw new IllegalArgumentException("not a WAV file: " + microphone, e);
                }
            }
            long total = Math.max(speech.length, longestCall.toSeconds() * MIC_RATE * 2);
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + total))
                    .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                    .putShort((short) 1).putShort((short) 1).putInt(MIC_RATE).putInt(MIC_RATE * 2)
                    .putShort((short) 2).putShort((short) 16)
                    .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) total);
            try (var out = Files.newOutputStream(target)) {
                out.write(header.array());
                out.write(speech);
                out.write(new byte[(int) (total - speech.length)]);
            }
        }

        private static String findBaresip() {
            String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin";
            for (String dir : path.split(":")) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "baresip"))) {
                    return Path.of(dir, "baresip").toString();
                }
            }
            throw new AssertionError("baresip is not installed (the SIP tests need it: apt-get install baresip-core)");
        }

        private static int freePort() throws IOException {
            // baresip listens on UDP and TCP with the same port number: both must be free.
            for (int i = 0; i < 20; i++) {
                try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    int port = udp.getLocalPort();
                    try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                        return tcp.getLocalPort();
                    } catch (IOException taken) {
                        // try another
                    }
                }
            }
            throw new IOException("no free loopback port for SIP");
        }

        private static void deleteTree(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
