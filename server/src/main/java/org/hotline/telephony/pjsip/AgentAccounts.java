package org.hotline.telephony.pjsip;

import org.hotline.telephony.Dialplan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hotline.routing.Agent;
import org.hotline.routing.roster.RosterAgent;
import org.hotline.shared.AgentId;

/**
 * Each active agent's SIP account ({@code agent-<id>}), so that any SIP softphone can register, in the
 * PJSIP configuration Asterisk includes ({@code pjsip_agents.conf}). An agent added from the console
 * has a key (the MD5 digest of {@code agent-<id>:hotline:password}, the password handed out once); an
 * agent of the seed a password generated once (kept under the state dir, mode 600, never committed).
 * Beside it each agent has a browser phone's account ({@code agent-<id>-web}: WebRTC over the secure
 * WebSocket, DTLS-SRTP, ICE) with a generated password of its own, handed to the agent's desktop.
 */
public final class AgentAccounts {

    private static final Pattern ENDPOINT = Pattern.compile("agent-([0-9A-Za-z]{1,16})(?:" + BrowserPhone.SUFFIX + ")?");
    private static final Pattern AGENT_CHANNEL = Pattern.compile("PJSIP/agent-([0-9A-Za-z]{1,16})(?:" + BrowserPhone.SUFFIX + ")?-[0-9a-f]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The realm of the accounts that have a key: part of what the key is a digest of. */
    static final String REALM = "hotline";

    private final Supplier<List<RosterAgent>> agents;
    private final Path secretsDir;
    private final boolean throughFrontDoor;

    public AgentAccounts(List<Agent> agents, Path secretsDir) {
        this(agents, secretsDir, false);
    }

    public AgentAccounts(List<Agent> agents, Path secretsDir, boolean throughFrontDoor) {
        this(() -> agents.stream().map(RosterAgent::seeded).toList(), secretsDir, throughFrontDoor);
    }

    /**
     * @param agents           the active agents as the roster has them now (read at each writing)
     * @param throughFrontDoor whether the phones register through the front door (which then handles their NAT)
     */
    public AgentAccounts(Supplier<List<RosterAgent>> agents, Path secretsDir, boolean throughFrontDoor) {
        this.agents = agents;
        this.secretsDir = secretsDir;
        this.throughFrontDoor = throughFrontDoor;
    }

    /** What an account keeps of its password: the SIP digest's HA1, {@code MD5(agent-<id>:hotline:password)}. */
    public static String keyOf(AgentId id, String password) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5")
                    .digest((endpoint(id) + ":" + REALM + ":" + password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    static String endpoint(AgentId id) {
        return "agent-" + id.value();
    }

    /** The agent's browser phone's account ({@code agent-<id>-web}). */
    public static String browserEndpoint(AgentId id) {
        return endpoint(id) + BrowserPhone.SUFFIX;
    }

    /** What the Dial application calls to ring the agent's phone. */
    public static String endpointDial(AgentId id) {
        return "PJSIP/" + endpoint(id);
    }

    /** Whether this endpoint (or AOR) is an agent's browser phone rather than their SIP phone. */
    public static boolean isBrowserPhone(String endpoint) {
        return endpoint != null && endpoint.endsWith(BrowserPhone.SUFFIX) && agentOfEndpoint(endpoint).isPresent();
    }

    /** The agent whose account (SIP or browser phone) this endpoint (or AOR) is, if any. */
    public static Optional<AgentId> agentOfEndpoint(String endpoint) {
        Matcher m = endpoint == null ? null : ENDPOINT.matcher(endpoint);
        return m != null && m.matches() ? Optional.of(new AgentId(m.group(1))) : Optional.empty();
    }

    /** The agent whose phone (SIP or browser) this channel is ({@code PJSIP/agent-010-0000002a}), if any. */
    public static Optional<AgentId> agentOfChannel(String channel) {
        Matcher m = channel == null ? null : AGENT_CHANNEL.matcher(channel);
        return m != null && m.matches() ? Optional.of(new AgentId(m.group(1))) : Optional.empty();
    }

    /** The agent's SIP password, generated on first use (one at a time: each node's login writes the accounts). */
    String password(AgentId id) throws IOException {
        return generated(id.value() + ".password");
    }

    /** The agent's browser phone's password, generated on first use like the SIP one. */
    public String browserPassword(AgentId id) throws IOException {
        return generated(id.value() + BrowserPhone.SUFFIX + ".password");
    }

    private synchronized String generated(String name) throws IOException {
        Path file = secretsDir.resolve(name);
        if (Files.isRegularFile(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (stored.matches("[0-9a-f]{16,64}")) {
                return stored;
            }
        }
        Files.createDirectories(secretsDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Path temp = Files.createTempFile(secretsDir, name, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return password;
    }

    /** PJSIP sections for every agent. Only validated IDs and generated hex passwords go in. */
    String pjsipConfig() throws IOException {
        StringBuilder conf = new StringBuilder("; Agents' softphone accounts, written by the hotline server from its roster.\n");
        for (RosterAgent agent : agents.get()) {
            String name = endpoint(agent.id());
            conf.append("\n[").append(name).append("]\n")
                    .append("type = endpoint\ncontext = ").append(Dialplan.AGENTS.context())
                    .append("\ndisallow = all\nallow = ulaw,alaw\n")
                    .append("auth = ").append(name).append("-auth\naors = ").append(name).append('\n')
                    .append("direct_media = no\ndtmf_mode = rfc4733\nrtp_symmetric = yes\nforce_rport = yes\n")
                    // Through the front door the phone's packets come from the front door: its contact must stay its own.
                    .append("rewrite_contact = ").append(throughFrontDoor ? "no" : "yes").append('\n')
                    .append("callerid = <").append(agent.id().value()).append(">\n")
                    .append("\n[").append(name).append("-auth]\n")
                    .append("type = auth\nauth_type = ").append(credential(agent))
                    .append("username = ").append(name).append('\n')
                    .append("\n[").append(name).append("]\n")
                    .append("type = aor\nmax_contacts = 1\nremove_existing = yes\nqualify_frequency = 15\n");
            if (throughFrontDoor) {
                // Requests to the phone go back the way its REGISTER came: through the front door (its Path).
                conf.append("support_path = yes\n");
            }
            conf.append(BrowserPhone.sections(agent.id(), browserPassword(agent.id())));
        }
        return conf.toString();
    }

    /** A key (hex only, checked) as a digest; else the seed's generated password. */
    private String credential(RosterAgent agent) throws IOException {
        if (agent.phoneKey() != null && agent.phoneKey().matches("[0-9a-f]{32}")) {
            return "digest\nrealm = " + REALM + "\npassword_digest = MD5:" + agent.phoneKey() + "\n";
        }
        return "userpass\npassword = " + password(agent.id()) + "\n";
    }

    /** Writes the PJSIP file where Asterisk includes it; returns false if that directory does not exist (a remote Asterisk). */
    public boolean writeTo(Path asteriskEtc) throws IOException {
        if (!Files.isDirectory(asteriskEtc)) {
            return false;
        }
        Path file = asteriskEtc.resolve("pjsip_agents.conf");
        Path temp = Files.createTempFile(asteriskEtc, "pjsip_agents", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, pjsipConfig(), StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return true;
    }
}
