package org.hotline.config;

import java.util.Optional;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.hotline.call.IvrMenu;
import org.hotline.cases.ReplyDeadline;
import org.hotline.cases.Severity;
import org.hotline.shared.Language;
import org.hotline.call.AnswerDeadline;
import org.hotline.call.RingPolicy;
import org.hotline.call.ServiceHours;
import org.hotline.call.WaitRules;
import org.hotline.campaign.upload.ContactNumbers;
import org.hotline.routing.CallbackPolicy;
import org.hotline.customer.Customer;
import org.hotline.report.ReportRules;
import org.hotline.customer.LongDistanceRule;
import org.hotline.customer.PhoneNumbers;
import org.hotline.routing.Agent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.shared.Skill;
import org.hotline.shared.TalkTimeRule;

/**
 * The server's whole configuration, validated: read once at start-up by {@link ConfigLoader}.
 *
 * @param agentsFrontDoor where the nodes ring the agents' phones when these register through the front door
 *                     (host:port, its agents' port); empty: each node rings the phones registered with it
 * @param asteriskEtc  where the Asterisk instance reads its configuration (the server writes the agents' SIP accounts there)
 * @param agentSecrets where the agents' generated SIP passwords are kept
 * @param customers    the customers the customer file starts with ({@code customers.file}), added where absent
 * @param celFile      where Asterisk writes its channel event log (CSV), which the report audit reads
 * @param nodes        the Asterisk nodes driven over AMI, at least one; {@code ami} is the first's
 * @param browserPhone where the desktop's browser phone registers and how it gathers ICE candidates
 */
public record HotlineConfig(
        Company company,
        Centre centre,
        RingPolicy rings,
        Ivr ivr,
        Ami ami,
        Agi agi,
        Http http,
        Mongo mongo,
        Path promptsDir,
        List<Agent> agents,
        Path asteriskEtc,
        Path agentSecrets,
        Routing routing,
        Callbacks callbacks,
        ServiceHours hours,
        List<Customer> customers,
        ReportRules reports,
        Cases cases,
        Campaigns campaigns,
        Access access,
        Path celFile,
        List<Node> nodes,
        Optional<String> agentsFrontDoor,
        Recordings recordings,
        BrowserPhone browserPhone) {

    /**
     * The desktop's browser phone.
     *
     * @param webSocket     Asterisk's secure WebSocket as the browsers reach it ({@code wss://host:port/ws}), or empty:
     *                      the page's own host on {@code webSocketPort}
     * @param webSocketPort the port of Asterisk's secure WebSocket (bin/asterisk's HOTLINE_WSS_PORT)
     * @param iceServers    STUN/TURN servers ({@code stun:host:port}); none on a LAN, where host candidates do
     * @param iceGathering  the longest the browser gathers ICE candidates before it sends its offer or answer
     */
    public record BrowserPhone(Optional<String> webSocket, int webSocketPort, List<String> iceServers, Duration iceGathering) {
    }

    /** The queues calls are put in, one per skill: the menu's choices. An agent's skills are among them. */
    public Set<Skill> queues() {
        return ivr.menu().options().values().stream().map(Skill::new)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Logins to the pages and the API.
     *
     * @param sessionIdle         a session ends after this long without a request
     * @param sessionLongest      and at the latest this long after logging in
     * @param maxFailedLogins     wrong passwords in a row before the name is locked for {@code lockout}
     * @param firstAdminPassword  the first administrator's password (HOTLINE_ADMIN_PASSWORD), or null to generate one
     * @param firstAdminPasswordFile where a generated first password is written for the operator (mode 600)
     */
    public record Access(java.time.Duration sessionIdle, java.time.Duration sessionLongest, int maxFailedLogins,
                         java.time.Duration lockout, String firstAdminPassword, Path firstAdminPasswordFile,
                         org.hotline.access.LookupLimit lookups) {

        @Override
        public String toString() { // the password never reaches a log
            return "Access[sessionIdle=" + sessionIdle + ", sessionLongest=" + sessionLongest + ", maxFailedLogins="
                    + maxFailedLogins + ", lockout=" + lockout + ", firstAdminPasswordFile=" + firstAdminPasswordFile
                    + ", lookups=" + lookups + "]";
        }
    }

    /**
     * @param replies        the reply deadline: how many days, counted from when, due soon how long before
     * @param escalateAtOnce the lowest severity that goes to the team lead as the case opens
     */
    public record Cases(ReplyDeadline replies, Severity escalateAtOnce) {
    }

    /**
     * @param wrapUp  after a conversation, how long the agent has before the next call is offered
     * @param waiting  how callers are looked after while they wait for an agent, and how long an agent's phone rings
     * @param talkTime when an agent is warned that a conversation runs long (3 minutes), and when it breaks the rule (5 minutes)
     * @param wrapUpCodes    each queue's wrap-up codes ({@code queues.<queue>.wrapUpCodes})
     * @param wrapUpCodeRule how long after the wrap-up its code can still be given
     */
    /** @param tellAgentOfListening whether an agent hears a tone when a supervisor joins their call (monitoring.tellAgent) */
    public record Routing(Duration wrapUp, WaitRules waiting, TalkTimeRule talkTime,
                          org.hotline.routing.WrapUpCodes wrapUpCodes, org.hotline.routing.WrapUpCodeRule wrapUpCodeRule,
                          boolean tellAgentOfListening) {
    }

    /**
     * @param dialerName     this server's name on the contacts it claims: after a restart it settles its own claims at once
     * @param ring           how long a campaign call rings before it counts as not answered
     * @param callsPerSecond how many campaign calls are started per second at most, over all campaigns
     */
    public record Campaigns(String dialerName, Duration ring, int callsPerSecond) {
    }

    /**
     * @param policy      deadline and retries
     * @param customerRing how long the customer's phone rings on a callback (a person, not the three-ring rule)
     * @param numbers      which callback and campaign numbers may be dialled (emergency, short codes, premium refused)
     * @param drainLimit   how long a graceful stop waits for conversations in progress to end
     */
    public record Callbacks(CallbackPolicy policy, Duration customerRing, org.hotline.customer.DialRule numbers,
                            Duration drainLimit, Messages messages) {
    }

    /**
     * The conversations recorded (recordings, queues.&lt;queue&gt;.recording).
     *
     * @param directory  where Asterisk's instance under the state directory records them (its data's {@code recordings/})
     * @param sweepEvery how often the recordings past their retention are deleted
     */
    public record Recordings(org.hotline.call.RecordingRules rules, Path directory, Duration sweepEvery) {
    }

    /**
     * The messages callers nobody can take leave (a callback task each, with its audio).
     *
     * @param directory where Asterisk's instance under the state directory records them (its sounds' {@code messages/})
     * @param retention how long each is kept (the recordings' sweep deletes it after)
     */
    public record Messages(org.hotline.call.MessageRules rules, Path directory, org.hotline.call.MessageRetention retention) {
    }

    /**
     * Where the contact centre is.
     *
     * @param region   ISO 3166 region (CN): numbers dialled without a country code are from there
     * @param areaCode the centre's area code without the trunk 0 ("10" for Beijing), or null: then nobody is long-distance
     */
    public record Centre(ZoneId timeZone, String region, String areaCode) {

        public PhoneNumbers numbers() {
            return new PhoneNumbers(region);
        }

        /** How the numbers of campaign contacts are read (a local number is the centre's area's), and their time zones found. */
        public ContactNumbers contactNumbers() {
            return new ContactNumbers(numbers(), areaCode, timeZone);
        }

        /** Which callers are long-distance, for their head start in the queue. */
        public LongDistanceRule longDistance() {
            return LongDistanceRule.forCentre(numbers(), areaCode);
        }
    }

    /** The company the greeting names first. */
    public record Company(String name, String nameEn) {
    }

    public record Ivr(Language language, String hotlineContext, IvrMenu menu) {
    }

    /** The secret is kept out of toString so it never reaches a log. */
    public record Ami(String host, int port, String username, String secret) {
        @Override
        public String toString() {
            return "Ami[host=" + host + ", port=" + port + ", username=" + username + "]";
        }
    }

    /**
     * An Asterisk node the server drives over AMI; its name is the node's Asterisk systemname.
     *
     * @param etc where the node reads its configuration, when on this machine (the agents' SIP accounts are
     *            written there); null when it is not
     */
    /**
     * @param etc where the node reads its configuration, if on this machine, else null
     * @param cel where the node writes its channel event log, if this server can read it, else null
     */
    public record Node(String name, Ami ami, Path etc, Path cel) {
        /** The one node of a configuration that lists none (asterisk.ami alone). */
        public static final String SINGLE = "main";

        /** A node whose channel event log this server does not read. */
        public Node(String name, Ami ami, Path etc) {
            this(name, ami, etc, null);
        }
    }

    /** The channel event logs of the nodes this server can read, each once, the first node's first. */
    public List<Path> celFiles() {
        return nodes.stream().map(Node::cel).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /**
     * @param answerDeadline how long Asterisk waits on the server before its fallback answers
     * @param servers        every Hotline server's FastAGI address ({@code host:port}), in the order Asterisk tries them
     */
    public record Agi(String bindAddress, int port, AnswerDeadline answerDeadline, List<String> servers) {

        public Agi {
            servers = List.copyOf(servers);
        }

        /** This server alone: the list a single server needs. */
        public Agi(String bindAddress, int port, AnswerDeadline answerDeadline) {
            this(bindAddress, port, answerDeadline, List.of(bindAddress + ":" + port));
        }
    }

    /**
     * @param tls       the certificate and key to serve HTTPS with, or null for plain HTTP
     * @param advertise where the other servers of the store reach this one's pages and API while it is
     *                  the active one ({@code host:port}; port 0: the port it listens on)
     */
    public record Http(String bindAddress, int port, Tls tls, Advertised advertise) {

        public Http(String bindAddress, int port) {
            this(bindAddress, port, null);
        }

        public Http(String bindAddress, int port, Tls tls) {
            this(bindAddress, port, tls, new Advertised(Advertised.hostFor(bindAddress), port));
        }

        /** The address written with the lease, or "" while the port this server will listen on is not known. */
        public String advertised(int listening) {
            int port = advertise.port() == 0 ? listening : advertise.port();
            return port == 0 ? "" : advertise.host() + ":" + port;
        }
    }

    /** A host and port another server connects to; port 0 stands for the port this server listens on. */
    public record Advertised(String host, int port) {

        /** A server bound to every address is reached on its loopback address by default (one machine). */
        static String hostFor(String bindAddress) {
            String host = "0.0.0.0".equals(bindAddress) || "::".equals(bindAddress) || "[::]".equals(bindAddress)
                    ? "127.0.0.1" : bindAddress;
            return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        }
    }

    /** PEM files: the certificate (chain) and its private key. */
    public record Tls(Path certificate, Path key) {
    }

    /**
     * @param uri     a MongoDB connection string, or null to run the embedded store
     * @param dataDir where the embedded store keeps its file
     */
    public record Mongo(String uri, String database, Path dataDir) {
        public boolean embedded() {
            return uri == null;
        }

        @Override
        public String toString() {
            return "Mongo[" + (uri == null ? "embedded at " + dataDir : "uri=(set)") + ", database=" + database + "]";
        }
    }
}
