package org.hotline.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customers calling the hotline with SIPp ({@code sipp/frontdoor-caller.xml}): each stays on the line
 * for a while after the answer, then hangs up. SIPp's own message trace tells when it sent each INVITE.
 * The process is ended with the test ({@link #close}).
 */
public final class SippCallers implements AutoCloseable {

    private static final Pattern SENT_INVITE = Pattern.compile(
            "-{10,} (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6})\\s*\\n\\S+ message sent[^\\n]*\\n\\s*\\nINVITE [^\\n]*\\n(?:[^\\n]+\\n)*?Call-ID: (\\S+)");
    private static final Pattern RECEIVED_ANSWER = Pattern.compile(
            "-{10,} (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6})\\s*\\n\\S+ message received[^\\n]*\\n\\s*\\nSIP/2\\.0 200 [^\\n]*\\n"
                    + "(?:[^\\n-][^\\n]*\\n)*?(?:Call-ID: (\\S+)\\s*\\n(?:[^\\n-][^\\n]*\\n)*?CSeq: 1 INVITE|CSeq: 1 INVITE\\s*\\n(?:[^\\n-][^\\n]*\\n)*?Call-ID: (\\S+))");
    private static final DateTimeFormatter TRACE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final Process process;
    private final Path trace;
    private final Path output;

    private SippCallers(Process process, Path trace, Path output) {
        this.process = process;
        this.trace = trace;
        this.output = output;
    }

    /**
     * {@code calls} calls to the hotline's number at {@code rate} per second, through the front door.
     *
     * @param stay how long each caller stays on the line after the answer
     */
    static SippCallers call(FrontDoor door, int calls, double rate, Duration stay) throws IOException {
        return call(door, "10000", calls, rate, stay);
    }

    /** The same, to the number {@code dialled} (an extension of the hotline's context). */
    public static SippCallers call(FrontDoor door, String dialled, int calls, double rate, Duration stay) throws IOException {
        return start("frontdoor-caller.xml", FrontDoor.ADDRESS + ":" + door.port(), dialled, calls, rate, stay, List.of());
    }

    /** The same callers, to a front door another program started ({@code host:port}). */
    static SippCallers callFrontDoorAt(String address, int calls, double rate, Duration stay) throws IOException {
        return start("frontdoor-caller.xml", address, "10000", calls, rate, stay, List.of());
    }

    /**
     * One call of the demo phone "caller" straight to Asterisk, its INVITE carrying {@code forged} as
     * its X-Hotline-Arrival.
     */
    static SippCallers callDirectly(String password, String forged, Duration stay) throws IOException {
        return start("direct-caller.xml", "127.0.0.1:" + AsteriskSandbox.SIP_PORT, "10000", 1, 1, stay,
                List.of("-au", "caller", "-ap", password, "-key", "forged", forged));
    }

    private static SippCallers start(String scenario, String target, String dialled, int calls, double rate, Duration stay,
                                     List<String> extra) throws IOException {
        Path dir = AsteriskSandbox.home().resolve("server/target/it-frontdoor/sipp");
        Files.createDirectories(dir);
        String run = "run-" + System.nanoTime();
        // SIPp's global timeout: well past the last call's end, so only a stuck run is cut short
        long timeout = Math.max(90, (long) (calls / rate + stay.toSeconds() + 60));
        Path trace = dir.resolve(run + "-messages.log");
        Path output = dir.resolve(run + "-output.log");
        List<String> command = new java.util.ArrayList<>(List.of("sipp",
                "-sf", AsteriskSandbox.home().resolve("server/src/test/resources/sipp/" + scenario).toString(), "-s", dialled,
                "-i", "127.0.0.1", "-p", String.valueOf(FreePorts.udpAndTcp()), "-mp", String.valueOf(FreePorts.udpAndTcp()),
                "-m", String.valueOf(calls), "-r", String.valueOf(rate), "-l", String.valueOf(calls),
                "-d", String.valueOf(stay.toMillis()), "-timeout", timeout + "s", "-timeout_error", "-nostdin",
                "-trace_msg", "-message_file", trace.toString()));
        command.addAll(extra);
        command.add(target);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new SippCallers(process, trace, output);
    }

    /** Waits until every call is over; fails unless SIPp saw each one through (answered, hung up cleanly). */
    void awaitAllCompleted(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("SIPp's calls still going after " + timeout + "; trace:\n" + messages());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("SIPp failed (exit " + process.exitValue() + "):\n"
                    + Files.readString(output, StandardCharsets.UTF_8) + "\ntrace:\n" + messages());
        }
    }

    /**
     * Waits until SIPp has ended, whatever became of its calls (a caller whose node was lost sees its
     * hang-up go unanswered): the trace tells each call's fate.
     */
    public void awaitEnd(Duration timeout) throws Exception {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("SIPp's calls still going after " + timeout);
        }
    }

    /** When SIPp received each call's answer (the first 200 OK to its INVITE), by SIP Call-ID, from its own trace. */
    public Map<String, Instant> answersReceived() {
        Map<String, Instant> received = new LinkedHashMap<>();
        Matcher m = RECEIVED_ANSWER.matcher(messages());
        while (m.find()) {
            String callId = m.group(2) != null ? m.group(2) : m.group(3);
            received.putIfAbsent(callId, LocalDateTime.parse(m.group(1), TRACE_TIME).atZone(ZoneId.systemDefault()).toInstant());
        }
        return received;
    }

    /** When SIPp sent each call's INVITE (the first time), by SIP Call-ID, from its own trace. */
    public Map<String, Instant> invitesSent() {
        Map<String, Instant> sent = new LinkedHashMap<>();
        Matcher m = SENT_INVITE.matcher(messages());
        while (m.find()) {
            sent.putIfAbsent(m.group(2), LocalDateTime.parse(m.group(1), TRACE_TIME).atZone(ZoneId.systemDefault()).toInstant());
        }
        return sent;
    }

    String messages() {
        return readIfThere(trace);
    }

    /** A log's text, empty while the program has written none. */
    static String readIfThere(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
        }
    }
}
