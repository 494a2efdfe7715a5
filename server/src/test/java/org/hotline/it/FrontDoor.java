package org.hotline.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The front door (Kamailio) of a test, started with the project's own {@code bin/kamailio} on a
 * port of its own, on 127.0.0.2 (the address Asterisk trusts for the arrival stamp), in front of
 * the given nodes. Stopped when closed. If it cannot start, the test fails with the script's output.
 */
public final class FrontDoor implements AutoCloseable {

    static final String ADDRESS = "127.0.0.2";
    private static final Pattern ARRIVAL = Pattern.compile("arrival (\\d+)\\.(\\d{6}) call-id (\\S+)");
    private static final Pattern SENT = Pattern.compile("call-id (\\S+) sent to node sip:(\\S+)");
    private static final Pattern REGISTER = Pattern.compile("register of (\\S+) sent to node sip:(\\S+)");
    private static final Pattern RINGS = Pattern.compile("call-id (\\S+) from node (\\S+) rings (\\S+) at ");
    private static final Pattern NEXT = Pattern.compile("node (\\S+) did not take call-id (\\S+)");

    private final Map<String, String> environment = new LinkedHashMap<>();
    private final int port;
    private final Path log;

    private FrontDoor(String name, List<String> nodes) {
        this(name, nodes, FreePorts.udpAndTcp(), 0);
    }

    private FrontDoor(String name, List<String> nodes, int port, int agentsPort) {
        Path home = AsteriskSandbox.home();
        Path stateDir = home.resolve("server/target/it-frontdoor/" + name);
        this.port = port;
        this.log = stateDir.resolve("kamailio/kamailio.log");
        environment.put("HOTLINE_HOME", home.toString());
        environment.put("HOTLINE_STATE_DIR", stateDir.toString());
        environment.put("HOTLINE_KAMAILIO_BIND", ADDRESS);
        environment.put("HOTLINE_KAMAILIO_PORT", String.valueOf(port));
        environment.put("HOTLINE_NODES", String.join(",", nodes));
        environment.put("HOTLINE_KAMAILIO_CHILDREN", "2");
        if (agentsPort != 0) {
            environment.put("HOTLINE_KAMAILIO_AGENTS_PORT", String.valueOf(agentsPort));
        }
    }

    /** A front door in front of {@code nodes} (host:port each). */
    public static FrontDoor start(String name, List<String> nodes) {
        return started(new FrontDoor(name, nodes));
    }

    /** A front door that is also the agents' registrar, on the given ports (the nodes must know them first). */
    static FrontDoor startForAgents(String name, List<String> nodes, int port, int agentsPort) {
        return started(new FrontDoor(name, nodes, port, agentsPort));
    }

    private static FrontDoor started(FrontDoor door) {
        String name = door.environment.get("HOTLINE_STATE_DIR").replaceAll(".*/", "");
        door.run("stop"); // a run killed midway may have left it behind
        door.run("start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> door.run("stop"), "kamailio-stop-" + name));
        return door;
    }

    int port() {
        return port;
    }

    /** The nodes and their flags as Kamailio's dispatcher reports them (A active, I inactive, P probing). */
    public Map<String, String> nodes() {
        Map<String, String> nodes = new LinkedHashMap<>();
        for (String line : run("nodes").split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2 && parts[0].startsWith("sip:")) {
                nodes.put(parts[0].substring(4), parts[1]);
            }
        }
        return nodes;
    }

    /** Each SIP Call-ID the front door let in, with the arrival it stamped on the INVITE, from its own log. */
    Map<String, Instant> stamps() {
        return stamps(log());
    }

    /** The same, from the text of any front door's log (one bin/cluster started). */
    static Map<String, Instant> stamps(String log) {
        Map<String, Instant> stamps = new LinkedHashMap<>();
        Matcher m = ARRIVAL.matcher(log);
        while (m.find()) {
            stamps.put(m.group(3), Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) * 1_000));
        }
        return stamps;
    }

    /** The node (host:port) each Call-ID's INVITE was last sent to, from the front door's own log. */
    Map<String, String> sentTo() {
        return sentTo(log());
    }

    /** The same, from the text of any front door's log. */
    static Map<String, String> sentTo(String log) {
        Map<String, String> nodes = new LinkedHashMap<>();
        Matcher m = SENT.matcher(log);
        while (m.find()) {
            nodes.put(m.group(1), m.group(2));
        }
        return nodes;
    }

    /** The node (host:port) the front door last sent this SIP user's REGISTER to, from its own log. */
    String registersThrough(String user) {
        String node = null;
        Matcher m = REGISTER.matcher(log());
        while (m.find()) {
            if (m.group(1).equals(user)) {
                node = m.group(2);
            }
        }
        return node;
    }

    /** Each node's INVITE to an agent's phone, in order: "Call-ID node(host:port) user". */
    List<String> agentCalls() {
        List<String> calls = new ArrayList<>();
        Matcher m = RINGS.matcher(log());
        while (m.find()) {
            calls.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        return calls;
    }

    /** The Call-IDs of the INVITEs a node did not take in time (each with the node), in order. */
    List<String> failedOver() {
        List<String> calls = new ArrayList<>();
        Matcher m = NEXT.matcher(log());
        while (m.find()) {
            calls.add(m.group(2) + " " + m.group(1));
        }
        return calls;
    }

    /** Kamailio's main process (its SIP workers are its children). */
    public long pid() {
        Matcher pid = Pattern.compile("\\(pid (\\d+)\\)").matcher(run("status"));
        if (!pid.find()) {
            throw new IllegalStateException("Kamailio is not running");
        }
        return Long.parseLong(pid.group(1));
    }

    String log() {
        return SippCallers.readIfThere(log);
    }

    @Override
    public void close() {
        run("stop");
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of(AsteriskSandbox.home().resolve("bin/kamailio").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bin/kamailio " + String.join(" ", args) + " did not finish:\n" + output);
            }
            if (process.exitValue() != 0 && !args[0].equals("stop")) {
                throw new IllegalStateException("bin/kamailio " + String.join(" ", args) + " failed (exit "
                        + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/kamailio: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running bin/kamailio", e);
        }
    }
}
