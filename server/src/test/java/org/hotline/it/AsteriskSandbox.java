package org.hotline.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Asterisk the integration tests talk to, started once per test run with the project's
 * own {@code bin/asterisk} on ports of its own, so it can run beside a product instance.
 * If it cannot start, every test that needs it fails with the script's output: nothing is skipped.
 */
public final class AsteriskSandbox {

    // Chosen when the run starts, so that several runs (and a product instance) can share a machine.
    public static final int AMI_PORT = FreePorts.tcp();
    public static final int SIP_PORT = FreePorts.udpAndTcp();
    public static final int AGI_PORT = FreePorts.tcp();
    private static final int RTP_START = FreePorts.rtpBlock();
    /** The browser phones' secure WebSocket ({@code wss://127.0.0.1:<port>/ws}). */
    public static final int WSS_PORT = FreePorts.tcp();

    private static AsteriskSandbox running;
    private static final Map<String, AsteriskSandbox> NODES = new HashMap<>();

    private final Path home;
    private final Path stateDir;
    private final String node;
    private final int amiPort;
    private final int sipPort;
    private final int rtpStart;
    private final int wssPort;
    private final Map<String, String> settings;

    private AsteriskSandbox(Path home, Path stateDir) {
        this(home, stateDir, null, AMI_PORT, SIP_PORT, RTP_START, Map.of());
    }

    private AsteriskSandbox(Path home, Path stateDir, String node, int amiPort, int sipPort, int rtpStart,
                            Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
        this.home = home;
        this.stateDir = stateDir;
        this.node = node;
        this.amiPort = amiPort;
        this.sipPort = sipPort;
        this.rtpStart = rtpStart;
        this.wssPort = node == null ? WSS_PORT : FreePorts.tcp();
    }

    /**
     * A further Asterisk node of its own, named (its systemname prefixes its call ids), with its own state
     * directory and ports, asking the same FastAGI port as the shared one; started once per test run.
     */
    public static synchronized AsteriskSandbox startNode(String name) {
        return startNode(name, Map.of());
    }

    /** A further node as {@link #startNode(String)}, with settings of its own for bin/asterisk (e.g. HOTLINE_FRONTDOOR). */
    public static synchronized AsteriskSandbox startNode(String name, Map<String, String> settings) {
        AsteriskSandbox started = NODES.get(name);
        if (started != null) {
            if (!started.isRunning()) {
                started.restart(); // a test killed or stopped it: the next one finds it running
            }
            return started;
        }
        Path home = home();
        int rtp = FreePorts.rtpBlock();
        while (rtp == RTP_START || rtpTaken(rtp)) {
            rtp = FreePorts.rtpBlock();
        }
        AsteriskSandbox sandbox = new AsteriskSandbox(home, home.resolve("server/target/it-state-node-" + name), name,
                FreePorts.tcp(), FreePorts.udpAndTcp(), rtp, settings);
        sandbox.run("stop");
        sandbox.run("start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> sandbox.run("stop"), "asterisk-stop-" + name));
        NODES.put(name, sandbox);
        return sandbox;
    }

    private static boolean rtpTaken(int start) {
        return NODES.values().stream().anyMatch(other -> other.rtpStart == start);
    }

    /**
     * The server's HOTLINE_ASTERISK_NODES for these nodes, each under its own name, in this order:
     * {@code a=127.0.0.1:<ami port>@<state dir>,b=…}.
     */
    public static String nodesSetting(AsteriskSandbox... nodes) {
        return java.util.Arrays.stream(nodes).map(node -> node.node() + "=127.0.0.1:" + node.amiPort() + "@" + node.stateDir())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** The node's name, or null for the shared instance (no systemname). */
    public String node() {
        return node;
    }

    public int amiPort() {
        return amiPort;
    }

    public int sipPort() {
        return sipPort;
    }

    /** Where the browser phones register: {@code wss://127.0.0.1:<port>/ws}. */
    public String webSocket() {
        return "wss://127.0.0.1:" + wssPort + "/ws";
    }

    public static synchronized AsteriskSandbox start() {
        if (running != null) {
            return running;
        }
        Path home = home();
        Path stateDir = home.resolve("server/target/it-state");
        AsteriskSandbox sandbox = new AsteriskSandbox(home, stateDir);
        sandbox.run("stop"); // a previous run killed midway may have left one behind
        sandbox.run("start");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> sandbox.run("stop"), "asterisk-stop"));
        running = sandbox;
        return sandbox;
    }

    public static Path home() {
        return Path.of(System.getProperty("hotline.home", "..")).toAbsolutePath().normalize();
    }

    public Path stateDir() {
        return stateDir;
    }

    public String amiSecret() {
        return read(stateDir.resolve("secrets/ami.secret"));
    }

    public String callerPassword() {
        return read(stateDir.resolve("secrets/caller.password"));
    }

    /** Environment for bin/asterisk and for the server's configuration: one set of ports for both. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("HOTLINE_HOME", home.toString());
        env.put("HOTLINE_STATE_DIR", stateDir.toString());
        env.put("HOTLINE_AMI_PORT", String.valueOf(amiPort));
        env.put("HOTLINE_SIP_PORT", String.valueOf(sipPort));
        env.put("HOTLINE_SIP_BIND", "127.0.0.1");
        env.put("HOTLINE_RTP_START", String.valueOf(rtpStart));
        env.put("HOTLINE_RTP_END", String.valueOf(rtpStart + 999));
        env.put("HOTLINE_WSS_PORT", String.valueOf(wssPort));
        if (node != null) {
            env.put("HOTLINE_NODE_NAME", node);
        }
        env.put("HOTLINE_AGI_HOST", "127.0.0.1");
        env.put("HOTLINE_AGI_PORT", String.valueOf(AGI_PORT));
        env.put("HOTLINE_EXTRA_DIALPLAN", home.resolve("server/src/test/resources/asterisk/test-callers.conf").toString());
        env.putAll(settings);
        return env;
    }

    /** Stops Asterisk (as a crash or maintenance would); {@link #restart()} brings it back. */
    public void stop() {
        run("stop");
    }

    /** Kills this instance's Asterisk outright (SIGKILL: no shutdown, no hang-ups sent), as a crash would. */
    public void crash() throws InterruptedException {
        long pid = pid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(50);
        }
    }

    /** The running instance's process id. */
    public long pid() {
        java.util.regex.Matcher pid = java.util.regex.Pattern.compile("\\(pid (\\d+)\\)").matcher(run("status"));
        if (!pid.find()) {
            throw new IllegalStateException("Asterisk is not running");
        }
        return Long.parseLong(pid.group(1));
    }

    private boolean isRunning() {
        try {
            pid();
            return true;
        } catch (IllegalStateException notRunning) {
            return false;
        }
    }

    public void restart() {
        run("start");
    }

    /** Runs an Asterisk CLI command in the instance and returns its output. */
    public String cli(String command) {
        return run("cli", "-x", command);
    }

    private String run(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/asterisk").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bin/asterisk " + String.join(" ", args) + " did not finish:\n" + output);
            }
            if (process.exitValue() != 0 && !args[0].equals("stop")) {
                throw new IllegalStateException("bin/asterisk " + String.join(" ", args) + " failed (exit "
                        + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/asterisk: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running bin/asterisk", e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
