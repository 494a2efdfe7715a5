package org.hotline.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.hotline.it.AsteriskSandbox;
import org.hotline.it.Softphone;
import org.hotline.it.TestAmi;

/**
 * From an agent going ready (the API call) to their phone ringing with the longest-waiting
 * call (Asterisk's DialBegin towards the agent, by Asterisk's timestamp; same machine clock),
 * against the real Asterisk and a real softphone, with calls already waiting in the queue.
 *
 * Usage (bin/bench runs it): AgentReadyBenchmark JAVA [samples, default 20] [settle seconds, default 0]
 * With no settling the callers are still hearing their first announcement (an offer cuts it
 * short); with 20 s they have heard it and the apology, and wait on hold (an offer cuts the hold
 * short).
 */
public final class AgentReadyBenchmark {

    public static void main(String[] args) throws Exception {
        String java = args[0];
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int settle = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        AsteriskSandbox asterisk = AsteriskSandbox.start();
        String password = null;
        List<Double> millis = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(java, asterisk)) {
            server.awaitHealthy();
            password = Files.readString(asterisk.stateDir().resolve("secrets/agents/010.password")).strip();
            try (TestAmi ami = new TestAmi(asterisk);
                 Softphone agent = Softphone.named("agent-010-bench").account("agent-010", password).autoAnswer().start()) {
                agent.awaitRegistered(Duration.ofSeconds(10));
                Thread.sleep(1000); // the server sees the registration
                // Other agents of the roster stay logged out; 010 takes "orders" (key 1).
                List<NewChannelEvent> calls = new ArrayList<>();
                for (int i = 0; i < samples; i++) {
                    NewChannelEvent call = ami.callHotline(String.valueOf(30000 + i), "<" + (30000 + i) + ">");
                    calls.add(call);
                }
                // Logged in but paused: the queue is staffed, so callers wait in it.
                server.put("/api/agents/010/state", "{\"state\":\"ready\"}");
                server.put("/api/agents/010/state", "{\"state\":\"paused\",\"reason\":\"admin\"}");
                for (NewChannelEvent call : calls) {
                    ami.awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                            && s.getCommand().contains("/menu"), Duration.ofSeconds(30));
                    ami.press(call, '1');
                }
                for (NewChannelEvent call : calls) {
                    ami.awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                            && s.getCommand().startsWith("SET MUSIC ON"), Duration.ofSeconds(30));
                }
                Thread.sleep(Duration.ofSeconds(settle));
                for (int i = 0; i < samples; i++) {
                    Instant ready = Instant.now();
                    int status = server.put("/api/agents/010/state", "{\"state\":\"ready\"}");
                    if (status != 200) {
                        throw new IllegalStateException("ready refused: " + status);
                    }
                    DialBeginEvent ringing = (DialBeginEvent) ami.await(e -> e instanceof DialBeginEvent d
                            && d.getDestChannel() != null && d.getDestChannel().startsWith("PJSIP/agent-010-")
                            && TestAmi.at(d).isAfter(ready.minusMillis(1)), Duration.ofSeconds(10));
                    double ms = Duration.between(ready, TestAmi.at(ringing)).toNanos() / 1e6;
                    millis.add(ms);
                    agent.awaitCallEstablished(Duration.ofSeconds(10));
                    String callerId = ringing.getUniqueId();
                    NewChannelEvent call = calls.stream().filter(c -> c.getUniqueId().equals(callerId)).findFirst().orElseThrow();
                    ami.hangUp(call);
                    agent.awaitCallClosed(Duration.ofSeconds(10));
                    Thread.sleep(200);
                    server.put("/api/agents/010/state", "{\"state\":\"paused\",\"reason\":\"admin\"}");
                    System.out.printf(Locale.ROOT, "sample %d: ready -> ringing %.1f ms%n", i + 1, ms);
                }
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%nagent ready -> phone ringing with the longest-waiting call, %d samples after %d s:"
                        + " p50 %.1f ms, p99 (slowest) %.1f ms%n", sorted.size(), settle, InboundBenchmark.median(sorted),
                sorted.getLast());
        System.exit(0);
    }
}
