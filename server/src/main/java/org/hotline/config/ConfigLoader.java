package org.hotline.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import org.hotline.cases.DeadlineFrom;
import org.hotline.cases.ReplyDeadline;
import org.hotline.cases.Severity;
import org.hotline.customer.Customer;
import org.hotline.customer.PhoneNumbers;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.report.ReportPeriod;
import org.hotline.report.ReportRules;
import org.hotline.routing.CallbackPolicy;
import org.hotline.call.WaitRules;
import org.hotline.shared.Printable;
import org.hotline.shared.AgentRingRule;
import org.hotline.shared.AnswerRule;
import org.hotline.shared.ApologyRule;
import org.hotline.shared.Rings;
import org.hotline.shared.TalkTimeRule;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.call.IvrMenu;
import org.hotline.shared.Language;
import org.hotline.call.AnswerDeadline;
import org.hotline.call.RingPolicy;
import org.hotline.call.ServiceHours;

/**
 * Reads {@code config/hotline.yaml}, applies environment overrides, and validates everything,
 * so that a bad setting stops start-up with a message that names the key.
 */
public final class ConfigLoader {

    private static final TalkTimeRule HANDBOOK_TALK = TalkTimeRule.handbook();
    private static final WaitRules STANDARD_WAIT = WaitRules.standard();
    private static final String DIALER_NAME = "[A-Za-z0-9][A-Za-z0-9.-]{0,63}";

    /** Environment variables that override keys of the file (the same names bin/asterisk reads). */
    static final Map<String, String> ENV_KEYS = Map.ofEntries(
            Map.entry("MONGO_URI", "mongo.uri"),
            Map.entry("HOTLINE_MONGO_DATABASE", "mongo.database"),
            Map.entry("HOTLINE_DATA_DIR", "mongo.embeddedDataDir"),
            Map.entry("HOTLINE_COMPANY_NAME", "company.name"),
            Map.entry("HOTLINE_LANGUAGE", "ivr.language"),
            Map.entry("HOTLINE_AMI_HOST", "asterisk.ami.host"),
            Map.entry("HOTLINE_AMI_PORT", "asterisk.ami.port"),
            Map.entry("HOTLINE_AMI_SECRET", "asterisk.ami.secret"),
            Map.entry("HOTLINE_AGI_HOST", "asterisk.agi.bindAddress"),
            Map.entry("HOTLINE_AGI_PORT", "asterisk.agi.port"),
            Map.entry("HOTLINE_AGI_SERVERS", "asterisk.agi.servers"),
            Map.entry("HOTLINE_HTTP_BIND", "http.bindAddress"),
            Map.entry("HOTLINE_HTTP_PORT", "http.port"),
            Map.entry("HOTLINE_TLS_CERTIFICATE", "http.tls.certificate"),
            Map.entry("HOTLINE_TLS_KEY", "http.tls.key"),
            Map.entry("HOTLINE_HTTP_ADVERTISE", "http.advertise"),
            Map.entry("HOTLINE_ANSWER_DEADLINE", "answer.serverDeadlineSeconds"),
            Map.entry("HOTLINE_FALLBACK_HOLD", "answer.fallbackHoldSeconds"),
            Map.entry("HOTLINE_HOURS", "hours.daily"),
            Map.entry("HOTLINE_MAX_WAIT", "routing.maxWaitSeconds"),
            Map.entry("HOTLINE_ANNOUNCE_EVERY", "routing.announceEverySeconds"),
            Map.entry("HOTLINE_TALK_WARNING", "routing.talkWarningSeconds"),
            Map.entry("HOTLINE_TALK_LIMIT", "routing.talkLimitSeconds"),
            Map.entry("HOTLINE_CAMPAIGN_CALLS_PER_SECOND", "campaigns.callsPerSecond"),
            Map.entry("HOTLINE_CAMPAIGN_RING", "campaigns.ringSeconds"),
            Map.entry("HOTLINE_DIALER_NAME", "campaigns.dialerName"),
            Map.entry("HOTLINE_DRAIN_LIMIT", "callbacks.drainLimitSeconds"),
            Map.entry("HOTLINE_MESSAGES", "messages.enabled"),
            Map.entry("HOTLINE_RECORDING", "recordings.mode"),
            Map.entry("HOTLINE_RECORDING_RETENTION_DAYS", "recordings.retentionDays"),
            Map.entry("HOTLINE_WSS_PORT", "browserPhone.webSocketPort"),
            Map.entry("HOTLINE_BROWSER_PHONE_WEBSOCKET", "browserPhone.webSocket"));

    static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[?[0-9a-fA-F:]{2,39}]?");
    private static final Pattern CONTEXT = Pattern.compile("[a-z][a-z0-9_-]{0,39}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{12,128}");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_-]{1,48}");
    /** A host name or IPv4 address, or an IPv6 address in brackets, then the port: nothing else reaches the dialplan. */
    private static final Pattern AGI_SERVER = Pattern.compile(
            "([A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9a-fA-F:.]{2,45}]):([0-9]{1,5})");
    private static final int MAX_AGI_SERVERS = 8;
    private static final Pattern AREA_CODE = Pattern.compile("[1-9][0-9]{0,3}");

    private ConfigLoader() {
    }

    /**
     * @param file the YAML file
     * @param env  the environment (System.getenv() in production)
     * @param home the project's root: relative paths are resolved against it, state under {@code HOTLINE_STATE_DIR} or home/var
     */
    public static HotlineConfig load(Path file, Map<String, String> env, Path home) {
        ConfigTree tree = new ConfigTree(parse(file));
        ENV_KEYS.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                tree.override(key, value);
            }
        });
        Path stateDir = home.resolve(env.getOrDefault("HOTLINE_STATE_DIR", "var")).toAbsolutePath().normalize();

        HotlineConfig.Company company = new HotlineConfig.Company(
                companyName(tree, "company.name", null),
                companyName(tree, "company.nameEn", "Sanxueyuan"));
        ZoneId zone = zone(tree.string("centre.timeZone", "Asia/Shanghai"));
        if (!ReportPeriod.fitsHourlyRollups(zone)) {
            throw new ConfigException("centre.timeZone: " + zone + " is not a whole number of hours from UTC;"
                    + " the reports' hourly rollups cannot make its days");
        }
        HotlineConfig.Centre centre = centre(tree, zone);
        RingPolicy rings = rings(tree);
        HotlineConfig.Ivr ivr = ivr(tree);
        String agiBind = host(tree, "asterisk.agi.bindAddress", "127.0.0.1");
        int agiPort = tree.integer("asterisk.agi.port", 4573, 1, 65535);
        HotlineConfig.Agi agi = new HotlineConfig.Agi(agiBind, agiPort, answerDeadline(tree, rings),
                agiServers(tree, agiBind, agiPort));
        String httpBind = host(tree, "http.bindAddress", "127.0.0.1");
        int httpPort = tree.integer("http.port", 8080, 0, 65535);
        HotlineConfig.Http http = new HotlineConfig.Http(httpBind, httpPort, tls(tree, home), advertised(tree, httpBind, httpPort));
        HotlineConfig.Mongo mongo = mongo(tree, stateDir);
        Path prompts = home.resolve(tree.string("prompts.dir", "ivr-prompts")).toAbsolutePath().normalize();
        List<Agent> agents = agents(tree, home, ivr);

        HotlineConfig.Routing routing = routing(tree, ivr, rings.ringLength());
        CallbackPolicy early = CallbackPolicy.standard();
        HotlineConfig.Callbacks callbacks = new HotlineConfig.Callbacks(new CallbackPolicy(
                Duration.ofMinutes(tree.integer("callbacks.withinMinutes", (int) early.within().toMinutes(), 1, 7 * 24 * 60)),
                tree.integer("callbacks.maxAttempts", early.maxAttempts(), 1, 10),
                Duration.ofMinutes(tree.integer("callbacks.retryMinutes", (int) early.retryAfter().toMinutes(), 1, 24 * 60))),
                Duration.ofSeconds(tree.integer("callbacks.customerRingSeconds", 30, 5, 120)),
                dialRule(tree, centre.region()),
                Duration.ofSeconds(tree.integer("callbacks.drainLimitSeconds", 600, 0, 4 * 3600)), messages(tree, stateDir));
        Path asteriskEtc = stateDir.resolve(tree.string("asterisk.etcDir", "asterisk/etc")).normalize();
        Path celFile = celFile(tree, stateDir);
        List<HotlineConfig.Node> nodes = AsteriskNodeSettings.read(tree, env, stateDir, asteriskEtc, celFile);
        HotlineConfig.Ami ami = nodes.get(0).ami();
        ServiceHours hours = hours(tree, zone);
        List<Customer> customers = customers(tree, home, centre.numbers(), agents);

        ReportRules reports = reportRules(tree, rings, routing);
        HotlineConfig.Campaigns campaigns = campaigns(tree);
        HotlineConfig.Cases cases = cases(tree, zone);
        HotlineConfig.Access access = access(tree, stateDir, env.get("HOTLINE_ADMIN_PASSWORD"));

        java.util.Optional<String> agentsFrontDoor = agentsFrontDoor(tree, env);
        HotlineConfig.BrowserPhone browserPhone = browserPhone(tree);

        HotlineConfig.Recordings recordings = recordings(tree, stateDir);
        List<String> unknown = tree.unread();
        if (!unknown.isEmpty()) {
            throw new ConfigException(unknown.get(0) + ": unknown setting (misspelt?)"
                    + (unknown.size() > 1 ? "; also unknown: " + String.join(", ", unknown.subList(1, unknown.size())) : ""));
        }
        return new HotlineConfig(company, centre, rings, ivr, ami, agi, http, mongo, prompts, agents, asteriskEtc,
                stateDir.resolve("secrets/agents"), routing, callbacks, hours, customers, reports, cases, campaigns, access,
                celFile, nodes, agentsFrontDoor, recordings, browserPhone);
    }

    private static final Set<String> QUEUE_SETTINGS = Set.of("wrapUpCodes", "recording", "recordingRetentionDays");

    /**
     * recordings: the centre's mode (off, on, announce) and retention in days, whether agents may play
     * their own calls, how often the sweep runs; queues.&lt;queue&gt;.recording and .recordingRetentionDays
     * for a queue of its own. Recorded by Asterisk's instance under the state dir.
     */
    private static HotlineConfig.Recordings recordings(ConfigTree tree, Path stateDir) {
        org.hotline.call.RecordingMode mode = recordingMode(tree, "recordings.mode", org.hotline.call.RecordingMode.OFF);
        org.hotline.call.RecordingRetention retention = new org.hotline.call.RecordingRetention(tree.integer(
                "recordings.retentionDays", org.hotline.call.RecordingRetention.standard().days(), 0,
                org.hotline.call.RecordingRetention.LONGEST_DAYS));
        Map<String, org.hotline.call.RecordingMode> modes = new LinkedHashMap<>();
        Map<String, org.hotline.call.RecordingRetention> retentions = new LinkedHashMap<>();
        Set<String> queues = tree.sections("queues");
        for (String queue : queues == null ? Set.<String>of() : queues) {
            Set<String> settings = tree.sections("queues." + queue);
            if (settings == null) {
                continue;
            }
            if (settings.contains("recording")) {
                modes.put(queue, recordingMode(tree, "queues." + queue + ".recording", mode));
            }
            if (settings.contains("recordingRetentionDays")) {
                retentions.put(queue, new org.hotline.call.RecordingRetention(tree.integer("queues." + queue
                        + ".recordingRetentionDays", retention.days(), 0, org.hotline.call.RecordingRetention.LONGEST_DAYS)));
            }
        }
        return new HotlineConfig.Recordings(new org.hotline.call.RecordingRules(mode, retention, modes, retentions,
                tree.bool("recordings.agentsPlayOwn", false)), stateDir.resolve("asterisk/data/recordings"),
                Duration.ofMinutes(tree.integer("recordings.sweepMinutes", 60, 1, 1440)));
    }

    private static org.hotline.call.RecordingMode recordingMode(ConfigTree tree, String key,
                                                               org.hotline.call.RecordingMode fallback) {
        String text = tree.string(key, fallback.name().toLowerCase(java.util.Locale.ROOT));
        // YAML reads a bare off and on as false and true
        text = "false".equals(text) ? "off" : "true".equals(text) ? "on" : text;
        try {
            return org.hotline.call.RecordingMode.of(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + Printable.of(text) + " is not off, on or announce");
        }
    }

    /** browserPhone: a wss:// address (or the page's host on webSocketPort), STUN/TURN servers, the ICE gathering limit. */
    private static HotlineConfig.BrowserPhone browserPhone(ConfigTree tree) {
        String webSocket = tree.string("browserPhone.webSocket", "").strip();
        if (!webSocket.isEmpty() && !webSocket.matches("wss://[A-Za-z0-9.\\[\\]:-]{1,260}(/[A-Za-z0-9._~/-]{0,200})?")) {
            throw new ConfigException("browserPhone.webSocket: '" + webSocket + "' is not a wss:// address (e.g. wss://pbx.example.com:8089/ws)");
        }
        List<String> iceServers = tree.list("browserPhone.iceServers");
        for (String server : iceServers) {
            if (!server.matches("(stun|stuns|turn|turns):[A-Za-z0-9.\\[\\]:-]{1,260}(\\?transport=(udp|tcp))?")) {
                throw new ConfigException("browserPhone.iceServers: '" + server + "' is not stun:host:port or turn:host:port");
            }
        }
        return new HotlineConfig.BrowserPhone(webSocket.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(webSocket),
                tree.integer("browserPhone.webSocketPort", 8089, 1, 65535), iceServers,
                Duration.ofMillis(tree.integer("browserPhone.iceGatheringMillis", 500, 50, 10_000)));
    }

    /**
     * messages: whether callers nobody can take may leave one, its longest length, the silence that
     * ends it and the shortest with something to hear, the days each is kept; recorded by Asterisk's
     * instance under the state dir.
     */
    private static HotlineConfig.Messages messages(ConfigTree tree, Path stateDir) {
        org.hotline.call.MessageRules standard = org.hotline.call.MessageRules.standard();
        try {
            return new HotlineConfig.Messages(new org.hotline.call.MessageRules(tree.bool("messages.enabled", true),
                    Duration.ofSeconds(tree.integer("messages.maxSeconds", (int) standard.longest().toSeconds(), 10, 600)),
                    Duration.ofSeconds(tree.integer("messages.silenceSeconds", (int) standard.silence().toSeconds(), 1, 60)),
                    Duration.ofSeconds(tree.integer("messages.shortestSeconds", (int) standard.shortest().toSeconds(), 0, 60))),
                    stateDir.resolve("asterisk/data/sounds/messages"),
                    new org.hotline.call.MessageRetention(tree.integer("messages.retentionDays",
                            org.hotline.call.MessageRetention.standard().days(), 1, org.hotline.call.MessageRetention.LONGEST_DAYS)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("messages: " + e.getMessage());
        }
    }

    /**
     * callbacks.numbers: emergency numbers (added to the region's own), refused kinds (premium-rate
     * always) and prefixes, and whether foreign numbers may be dialled; one rule for callbacks and campaigns.
     */
    private static org.hotline.customer.DialRule dialRule(ConfigTree tree, String region) {
        org.hotline.customer.DialRule standard = org.hotline.customer.DialRule.standard(region);
        List<String> emergency = tree.list("callbacks.numbers.emergency");
        List<String> kinds = tree.list("callbacks.numbers.refuse");
        java.util.Set<org.hotline.customer.DialRule.Kind> refused = kinds.isEmpty() ? standard.refusedTypes()
                : new java.util.HashSet<>();
        for (String kind : kinds) {
            refused.add(org.hotline.customer.DialRule.Kind.byId(kind).orElseThrow(() -> new ConfigException(
                    "callbacks.numbers.refuse: " + Printable.of(kind) + " is not premium-rate, shared-cost, toll-free, uan, voip, "
                            + "personal-number, pager or voicemail")));
        }
        java.util.List<String> allEmergency = new java.util.ArrayList<>(standard.emergency());
        emergency.stream().filter(number -> !allEmergency.contains(number)).forEach(allEmergency::add);
        try {
            return new org.hotline.customer.DialRule(region, allEmergency, refused, tree.list("callbacks.numbers.refusePrefixes"),
                    tree.bool("callbacks.numbers.foreign", false));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("callbacks.numbers: " + e.getMessage());
        }
    }

    /** The customer is answered within cases.replyWithinDays (the handbook's 3), counted from cases.deadlineFrom. */
    private static HotlineConfig.Cases cases(ConfigTree tree, ZoneId zone) {
        ReplyDeadline handbook = ReplyDeadline.handbook(zone);
        int days = tree.integer("cases.replyWithinDays", handbook.days(), 1, 60);
        String from = tree.string("cases.deadlineFrom", handbook.from().id());
        DeadlineFrom start = DeadlineFrom.byId(from).orElseThrow(() -> new ConfigException("cases.deadlineFrom: "
                + Printable.of(from) + " is not opening or solution-ready"));
        int dueSoonHours = tree.integer("cases.dueSoonHours", (int) handbook.dueSoon().toHours(), 1, 24 * 60);
        if (dueSoonHours > days * 24) {
            throw new ConfigException("cases.dueSoonHours: " + dueSoonHours + " is longer than the deadline itself ("
                    + days + " days = " + days * 24 + " hours)");
        }
        String severity = tree.string("cases.escalateAtOnce", Severity.HIGH.id());
        Severity atOnce = Severity.byId(severity).orElseThrow(() -> new ConfigException("cases.escalateAtOnce: "
                + Printable.of(severity) + " is not a severity (low, normal, high, urgent)"));
        return new HotlineConfig.Cases(new ReplyDeadline(days, start, java.time.Duration.ofHours(dueSoonHours), zone), atOnce);
    }

    /** Both PEM files or neither; each must be there and look like PEM, so a typo stops start-up, not the first visitor. */
    private static HotlineConfig.Tls tls(ConfigTree tree, Path home) {
        String certificate = tree.string("http.tls.certificate", "");
        String key = tree.string("http.tls.key", "");
        if (certificate.isEmpty() && key.isEmpty()) {
            return null;
        }
        if (certificate.isEmpty() || key.isEmpty()) {
            throw new ConfigException((certificate.isEmpty() ? "http.tls.certificate" : "http.tls.key")
                    + ": HTTPS needs both the certificate and the key (PEM files)");
        }
        return new HotlineConfig.Tls(pem(home, "http.tls.certificate", certificate, "CERTIFICATE"),
                pem(home, "http.tls.key", key, "PRIVATE KEY"));
    }

    private static Path pem(Path home, String setting, String value, String kind) {
        Path file = home.resolve(value).toAbsolutePath().normalize();
        String text;
        try {
            text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) { // missing, unreadable, or not text (a DER file)
            throw new ConfigException(setting + ": cannot read " + file + " as a PEM file (" + e.getClass().getSimpleName() + ")");
        }
        if (!text.contains("-----BEGIN ") || !text.contains(kind + "-----")) {
            throw new ConfigException(setting + ": " + file + " is not a PEM " + kind.toLowerCase(java.util.Locale.ROOT));
        }
        return file;
    }

    /** Sessions, lockout, and the first administrator's password (from the environment only: never in a file we ship). */
    private static HotlineConfig.Access access(ConfigTree tree, Path stateDir, String firstAdminPassword) {
        java.time.Duration idle = Duration.ofMinutes(tree.integer("access.sessionIdleMinutes", 30, 1, 24 * 60));
        java.time.Duration longest = Duration.ofHours(tree.integer("access.sessionHours", 12, 1, 7 * 24));
        if (longest.compareTo(idle) < 0) {
            throw new ConfigException("access.sessionHours: shorter than access.sessionIdleMinutes");
        }
        int failures = tree.integer("access.maxFailedLogins", 5, 1, 100);
        java.time.Duration lockout = Duration.ofMinutes(tree.integer("access.lockoutMinutes", 15, 1, 24 * 60));
        String given = firstAdminPassword == null || firstAdminPassword.isEmpty() ? null : firstAdminPassword;
        if (given != null && org.hotline.access.Passwords.problem(given) != null) {
            throw new ConfigException("HOTLINE_ADMIN_PASSWORD: " + org.hotline.access.Passwords.problem(given));
        }
        org.hotline.access.LookupLimit lookups = new org.hotline.access.LookupLimit(
                tree.integer("access.maxLookupMisses", org.hotline.access.LookupLimit.STANDARD.misses(), 1, 10_000),
                Duration.ofMinutes(tree.integer("access.lookupWindowMinutes",
                        (int) org.hotline.access.LookupLimit.STANDARD.window().toMinutes(), 1, 7 * 24 * 60)));
        return new HotlineConfig.Access(idle, longest, failures, lockout, given, stateDir.resolve("secrets/admin.password"),
                lookups);
    }

    private static HotlineConfig.Campaigns campaigns(ConfigTree tree) {
        String fallback;
        try {
            fallback = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            fallback = "hotline";
        }
        if (!fallback.matches(DIALER_NAME)) {
            fallback = "hotline";
        }
        String name = tree.string("campaigns.dialerName", fallback);
        if (!name.matches(DIALER_NAME)) {
            throw new ConfigException("campaigns.dialerName: 1-64 letters, digits, dots or dashes (got '" + name + "')");
        }
        return new HotlineConfig.Campaigns(name,
                Duration.ofSeconds(tree.integer("campaigns.ringSeconds", 30, 5, 120)),
                tree.integer("campaigns.callsPerSecond", 10, 1, 100));
    }

    /**
     * Where bin/asterisk's instance writes CEL (cel_custom.conf): under the state dir like the instance itself.
     * It need not exist yet (Asterisk makes it at the first call), but a directory there is a mistake.
     */
    /**
     * asterisk.agentsFrontDoor (or HOTLINE_AGENTS_FRONTDOOR): host:port where the nodes reach the agents' phones
     * when the phones register through the front door (its agents' port); unset, each node rings the phones
     * registered with it.
     */
    private static java.util.Optional<String> agentsFrontDoor(ConfigTree tree, Map<String, String> env) {
        String door = tree.string("asterisk.agentsFrontDoor", "");
        door = env.getOrDefault("HOTLINE_AGENTS_FRONTDOOR", door == null ? "" : door).strip();
        if (door.isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}:([0-9]{1,5})").matcher(door);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 65535) {
            throw new ConfigException("asterisk.agentsFrontDoor: '" + door + "' is not host:port (e.g. 127.0.0.2:5071, the front door's agents' port)");
        }
        return java.util.Optional.of(door);
    }

    private static Path celFile(ConfigTree tree, Path stateDir) {
        String value = tree.string("asterisk.celFile", "asterisk/log/cel-custom/Master.csv");
        if (value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
            throw new ConfigException("asterisk.celFile: not a file name");
        }
        Path file = stateDir.resolve(value).normalize();
        if (java.nio.file.Files.isDirectory(file)) {
            throw new ConfigException("asterisk.celFile: " + file + " is a directory, not the CEL file (e.g. .../cel-custom/Master.csv)");
        }
        return file;
    }

    /** The service-level threshold and the short-abandon window are the reports' own; the rest are the call rules. */
    private static ReportRules reportRules(ConfigTree tree, RingPolicy rings, HotlineConfig.Routing routing) {
        ReportRules standard = ReportRules.handbook();
        int serviceLevel = tree.integer("reports.serviceLevelSeconds", (int) standard.serviceLevel().toSeconds(), 1, 3600);
        int shortAbandon = tree.integer("reports.shortAbandonSeconds", (int) standard.shortAbandon().toSeconds(), 0, 600);
        if (shortAbandon > serviceLevel) { // a short abandon must be within T: the service level relies on it
            throw new ConfigException("reports.shortAbandonSeconds: " + shortAbandon + " is longer than reports.serviceLevelSeconds ("
                    + serviceLevel + ")");
        }
        return new ReportRules(Duration.ofSeconds(serviceLevel), Duration.ofSeconds(shortAbandon), rings.answer(),
                routing.waiting().agentRing(), rings.apology(), routing.talkTime());
    }

    /** The agent's ring rule counts the same rings as the caller's, but how many is its own setting. */
    private static HotlineConfig.Routing routing(ConfigTree tree, HotlineConfig.Ivr ivr, Duration ringLength) {
        String afterHoursQueue = tree.string("routing.afterHoursQueue", STANDARD_WAIT.afterHoursQueue().name());
        if (!ivr.menu().options().containsValue(afterHoursQueue)) {
            throw new ConfigException("routing.afterHoursQueue: '" + Printable.of(afterHoursQueue)
                    + "' is not a queue of ivr.menu (" + String.join(", ", new java.util.TreeSet<>(ivr.menu().options().values())) + ")");
        }
        Duration talkWarning = Duration.ofSeconds(tree.integer("routing.talkWarningSeconds",
                (int) HANDBOOK_TALK.target().toSeconds(), 10, 3600));
        Duration talkLimit = Duration.ofSeconds(tree.integer("routing.talkLimitSeconds", (int) HANDBOOK_TALK.limit().toSeconds(),
                10, 7200));
        if (!talkLimit.minus(talkWarning).isPositive()) {
            throw new ConfigException("routing.talkLimitSeconds: must be more than routing.talkWarningSeconds");
        }
        AgentRingRule agentRing = new AgentRingRule(new Rings(
                tree.integer("routing.agentRings", AgentRingRule.handbook().given().count(), 1, 10), ringLength));
        return new HotlineConfig.Routing(
                Duration.ofSeconds(tree.integer("routing.wrapUpSeconds", 10, 0, 600)),
                new WaitRules(
                        Duration.ofSeconds(tree.integer("routing.maxWaitSeconds", (int) STANDARD_WAIT.maxWait().toSeconds(),
                                10, 3600)),
                        Duration.ofSeconds(tree.integer("routing.announceEverySeconds", (int) STANDARD_WAIT.announceEvery().toSeconds(),
                                10, 600)),
                        new Skill(afterHoursQueue),
                        tree.bool("routing.survey", STANDARD_WAIT.survey()),
                        agentRing),
                new TalkTimeRule(talkWarning, talkLimit),
                wrapUpCodes(tree, ivr),
                new org.hotline.routing.WrapUpCodeRule(Duration.ofSeconds(tree.integer("routing.wrapUpCodeAfterSeconds",
                        (int) org.hotline.routing.WrapUpCodeRule.standard().afterWrapUp().toSeconds(), 0, 3600))),
                // told by default: monitoring its subject is told of is the fair (in many places the lawful) way; silent checks turn it off
                tree.bool("monitoring.tellAgent", true));
    }

    /**
     * queues.&lt;queue&gt;.wrapUpCodes: each queue's list of {id, zh, en}, in the order the pages show it;
     * the queue must be one of ivr.menu, the ids unique within it, both labels given.
     */
    private static org.hotline.routing.WrapUpCodes wrapUpCodes(ConfigTree tree, HotlineConfig.Ivr ivr) {
        Set<String> queues = tree.sections("queues");
        if (queues == null) {
            return org.hotline.routing.WrapUpCodes.NONE;
        }
        Map<Skill, List<org.hotline.routing.WrapUpCode>> byQueue = new LinkedHashMap<>();
        for (String queue : queues) {
            String key = "queues." + queue + ".wrapUpCodes";
            if (!ivr.menu().options().containsValue(queue)) {
                throw new ConfigException("queues." + queue + ": not a queue of ivr.menu ("
                        + String.join(", ", new java.util.TreeSet<>(ivr.menu().options().values())) + ")");
            }
            Set<String> settings = tree.sections("queues." + queue);
            for (String setting : settings == null ? Set.<String>of() : settings) {
                if (!QUEUE_SETTINGS.contains(setting)) {
                    throw new ConfigException("queues." + queue + "." + setting + ": unknown setting (misspelt?)");
                }
            }
            if (settings == null || !settings.contains("wrapUpCodes")) {
                continue; // recording settings alone
            }
            List<org.hotline.routing.WrapUpCode> codes = new java.util.ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (Map<String, String> item : tree.records(key)) {
                Set<String> unknown = new java.util.TreeSet<>(item.keySet());
                unknown.removeAll(Set.of("id", "zh", "en"));
                if (!unknown.isEmpty()) {
                    throw new ConfigException(key + ": " + Printable.of(unknown.iterator().next())
                            + " is not id, zh or en");
                }
                try {
                    org.hotline.routing.WrapUpCode code = new org.hotline.routing.WrapUpCode(item.get("id"), item.get("zh"),
                            item.get("en"));
                    if (!ids.add(code.id())) {
                        throw new ConfigException(key + ": " + code.id() + " is listed twice");
                    }
                    codes.add(code);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(key + ": " + e.getMessage());
                }
            }
            byQueue.put(new Skill(queue), codes);
        }
        return new org.hotline.routing.WrapUpCodes(byQueue);
    }

    private static ObjectNode parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file " + file + " does not exist");
        }
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return new ObjectMapper().createObjectNode();
            }
            if (!(node instanceof ObjectNode object)) {
                throw new ConfigException(file + ": expected sections of 'key: value' lines at the top level");
            }
            return object;
        } catch (JacksonException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String companyName(ConfigTree tree, String key, String fallback) {
        String name = fallback == null ? tree.requiredString(key) : tree.string(key, fallback);
        if (name.codePointCount(0, name.length()) > 40 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new ConfigException(key + ": at most 40 characters and no control characters");
        }
        return name;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new ConfigException("centre.timeZone: unknown time zone '" + id + "' (e.g. Asia/Shanghai)");
        }
    }

    /** centre.region (CN) reads numbers without a country code; centre.areaCode (optional) says who is long-distance. */
    private static HotlineConfig.Centre centre(ConfigTree tree, ZoneId zone) {
        String region = tree.string("centre.region", "CN");
        try {
            new PhoneNumbers(region);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("centre.region: " + e.getMessage());
        }
        String areaCode = tree.string("centre.areaCode", null);
        if (areaCode != null && !AREA_CODE.matcher(areaCode).matches()) {
            throw new ConfigException("centre.areaCode: '" + areaCode
                    + "' is not an area code: 1 to 4 digits without the trunk 0, in quotes (e.g. \"10\" for Beijing)");
        }
        HotlineConfig.Centre centre = new HotlineConfig.Centre(zone, region.toUpperCase(Locale.ROOT), areaCode);
        try {
            centre.longDistance();
        } catch (IllegalArgumentException e) {
            // unquoted, YAML reads 010 as octal 8: say how to write it
            throw new ConfigException("centre.areaCode: " + e.getMessage() + " (in quotes, without the trunk 0, e.g. \"10\" for Beijing)");
        }
        return centre;
    }

    /** The customers the customer file starts with; none unless customers.file names a file. */
    private static List<Customer> customers(ConfigTree tree, Path home, PhoneNumbers numbers, List<Agent> agents) {
        String name = tree.string("customers.file", null);
        if (name == null) {
            return List.of();
        }
        Set<AgentId> roster = new HashSet<>();
        agents.forEach(agent -> roster.add(agent.id()));
        return CustomerSeed.load(home.resolve(name).toAbsolutePath().normalize(), numbers, roster::contains);
    }

    private static RingPolicy rings(ConfigTree tree) {
        double ringSeconds = tree.decimal("answer.ringSeconds", Rings.HANDBOOK_RING.toMillis() / 1000.0, 1.0, 10.0);
        int maxRings = tree.integer("answer.maxRings", AnswerRule.handbook().within().count(), 1, 10);
        int answerAtRing = tree.integer("answer.answerAtRing", RingPolicy.handbook().answerAtRing(), 1, 10);
        int apologyAfterRings = tree.integer("answer.apologyAfterRings", ApologyRule.handbook().after().count(), 1, 20);
        if (answerAtRing > maxRings) {
            throw new ConfigException("answer.answerAtRing: " + answerAtRing + " is past the limit answer.maxRings = " + maxRings);
        }
        if (apologyAfterRings < maxRings) {
            throw new ConfigException("answer.apologyAfterRings: must not be below answer.maxRings = " + maxRings);
        }
        return new RingPolicy(Duration.ofMillis(Math.round(ringSeconds * 1000)), answerAtRing, maxRings, apologyAfterRings);
    }

    /** Asterisk's deadline for the server to answer, checked against the ring rule (bin/asterisk reads the same keys). */
    private static AnswerDeadline answerDeadline(ConfigTree tree, RingPolicy rings) {
        AnswerDeadline standard = AnswerDeadline.standard();
        double seconds = tree.decimal("answer.serverDeadlineSeconds", standard.server().toMillis() / 1000.0, 0.5, 60.0);
        int hold = tree.integer("answer.fallbackHoldSeconds", (int) standard.hold().toSeconds(), 0, 3600);
        AnswerDeadline deadline = new AnswerDeadline(Duration.ofMillis(Math.round(seconds * 1000)), Duration.ofSeconds(hold));
        deadline.misfit(rings).ifPresent(why -> {
            throw new ConfigException("answer.serverDeadlineSeconds: " + why);
        });
        return deadline;
    }

    private static HotlineConfig.Ivr ivr(ConfigTree tree) {
        Language language;
        String code = tree.string("ivr.language", "zh");
        try {
            language = Language.of(code);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ivr.language: " + e.getMessage());
        }
        String context = tree.string("ivr.hotlineContext", "hotline");
        if (!CONTEXT.matcher(context).matches()) {
            throw new ConfigException("ivr.hotlineContext: '" + context + "' is not a dialplan context name (lower-case letters, digits, - and _)");
        }
        Map<String, String> table = tree.table("ivr.menu");
        Map<Character, String> options = new LinkedHashMap<>();
        if (table == null) {
            options.putAll(IvrMenu.standard().options());
        } else {
            table.forEach((key, choice) -> {
                if (key.length() != 1) {
                    throw new ConfigException("ivr.menu." + key + ": a menu key is one keypad key (0-9, * or #)");
                }
                options.put(key.charAt(0), choice);
            });
        }
        int timeoutSeconds = tree.integer("ivr.digitTimeoutSeconds", 5, 1, 30);
        int attempts = tree.integer("ivr.attempts", 3, 1, 10);
        try {
            return new HotlineConfig.Ivr(language, context, new IvrMenu(options, Duration.ofSeconds(timeoutSeconds), attempts));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ivr.menu: " + e.getMessage());
        }
    }

    private static HotlineConfig.Mongo mongo(ConfigTree tree, Path stateDir) {
        String uri = tree.string("mongo.uri", null);
        if (uri != null && !(uri.startsWith("mongodb://") || uri.startsWith("mongodb+srv://"))) {
            throw new ConfigException("mongo.uri: must start with mongodb:// or mongodb+srv:// (MONGO_URI)");
        }
        String database = tree.string("mongo.database", "hotline");
        if (!DATABASE.matcher(database).matches()) {
            throw new ConfigException("mongo.database: letters, digits, - and _ only");
        }
        Path dataDir = stateDir.resolve(tree.string("mongo.embeddedDataDir", "data")).normalize();
        return new HotlineConfig.Mongo(uri, database, dataDir);
    }

    /** The roster; the queues an agent can serve are the menu's choices. No file yet means no agents yet. */
    private static List<Agent> agents(ConfigTree tree, Path home, HotlineConfig.Ivr ivr) {
        String explicit = tree.string("agents.file", null);
        Path file = home.resolve(explicit != null ? explicit : "config/agents.yaml").toAbsolutePath().normalize();
        if (explicit == null && !Files.exists(file)) {
            return List.of();
        }
        Set<Skill> queues = new HashSet<>();
        ivr.menu().options().values().forEach(choice -> queues.add(new Skill(choice)));
        return AgentRoster.load(file, queues);
    }

    /** hours.daily ("09:00-21:00", "00:00-24:00" or "closed"), a weekday may differ, holidays are closed. */
    private static ServiceHours hours(ConfigTree tree, ZoneId zone) {
        Map<DayOfWeek, ServiceHours.Hours> week = new EnumMap<>(DayOfWeek.class);
        ServiceHours.Hours daily = range("hours.daily", tree.string("hours.daily", "09:00-21:00"));
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = "hours." + day.name().toLowerCase(Locale.ROOT);
            String own = tree.string(key, null);
            ServiceHours.Hours hours = own == null ? daily : range(key, own);
            if (hours != null) {
                week.put(day, hours);
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String date : tree.list("hours.holidays")) {
            try {
                holidays.add(LocalDate.parse(date));
            } catch (DateTimeException e) {
                throw new ConfigException("hours.holidays: '" + date + "' is not a date like 2026-10-01");
            }
        }
        return new ServiceHours(zone, week, holidays);
    }

    private static ServiceHours.Hours range(String key, String text) {
        try {
            return ServiceHours.Hours.parse(text).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }

    /**
     * asterisk.agi.servers: the FastAGI address of every server, in the order Asterisk tries them; by
     * default this server alone (its loopback address when it listens on all of them). Each goes into
     * the dialplan, so nothing but a host and a port passes.
     */
    private static List<String> agiServers(ConfigTree tree, String bindAddress, int port) {
        List<String> given = tree.list("asterisk.agi.servers");
        if (given.isEmpty()) {
            given = List.of(HotlineConfig.Advertised.hostFor(bindAddress) + ":" + port);
        }
        if (given.size() > MAX_AGI_SERVERS) {
            throw new ConfigException("asterisk.agi.servers: " + given.size() + " servers; at most " + MAX_AGI_SERVERS
                    + " (each one that says nothing costs a caller the answer deadline)");
        }
        Set<String> seen = new HashSet<>();
        for (String server : given) {
            hostAndPort("asterisk.agi.servers", server, "127.0.0.1:4573 or [::1]:4573");
            if (!seen.add(server.toLowerCase(Locale.ROOT))) {
                throw new ConfigException("asterisk.agi.servers: " + Printable.of(server) + " is listed twice");
            }
        }
        return given;
    }

    /** {@code http.advertise}: host:port, as the servers' FastAGI addresses are written; by default the bind address and port. */
    private static HotlineConfig.Advertised advertised(ConfigTree tree, String bindAddress, int port) {
        String given = tree.string("http.advertise", "");
        if (given.isEmpty()) {
            return new HotlineConfig.Http(bindAddress, port).advertise();
        }
        Matcher m = hostAndPort("http.advertise", given, "10.0.0.5:8080 or [fd00::5]:8080");
        if (m.group(1).equals("0.0.0.0") || m.group(1).startsWith("[::]")) {
            throw new ConfigException("http.advertise: " + Printable.of(given) + " is not an address another server can connect to");
        }
        return new HotlineConfig.Advertised(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** {@code value} as host:port (a host name, an IPv4 address or an IPv6 one in brackets; a port 1-65535), or a clear error. */
    private static Matcher hostAndPort(String key, String value, String example) {
        Matcher m = AGI_SERVER.matcher(value);
        if (!m.matches()) {
            throw new ConfigException(key + ": " + Printable.of(value) + " is not host:port (e.g. " + example + ")");
        }
        int p = Integer.parseInt(m.group(2));
        if (p < 1 || p > 65535) {
            throw new ConfigException(key + ": " + Printable.of(value) + ": port " + p + " is not 1-65535");
        }
        return m;
    }

    static String host(ConfigTree tree, String key, String fallback) {
        String host = tree.string(key, fallback);
        if (!HOST.matcher(host).matches()) {
            throw new ConfigException(key + ": '" + host + "' is not a host name or IP address");
        }
        return host;
    }
}
