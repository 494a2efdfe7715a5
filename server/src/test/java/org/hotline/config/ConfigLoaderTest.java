package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.time.ZoneId;
import org.hotline.cases.DeadlineFrom;
import org.hotline.cases.ReplyDeadline;
import org.hotline.cases.Severity;
import org.hotline.call.AnswerDeadline;
import org.hotline.report.ReportRules;
import org.hotline.shared.AgentRingRule;
import org.hotline.shared.AnswerRule;
import org.hotline.shared.ApologyRule;
import org.hotline.shared.Language;
import org.hotline.shared.TalkTimeRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void aSecretLikeBinAsteriskWritesIt() throws IOException {
        Files.createDirectories(home.resolve("var/secrets"));
        Files.writeString(home.resolve("var/secrets/ami.secret"), "0123456789abcdef0123456789abcdef\n");
    }

    private HotlineConfig load(String yaml) throws IOException {
        Path file = home.resolve("hotline.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, env, home);
    }

    @Test
    void theShippedConfigurationIsValid() {
        Path projectHome = Path.of(System.getProperty("hotline.home", ".."));
        HotlineConfig config = ConfigLoader.load(projectHome.resolve("config/hotline.yaml"),
                Map.of("HOTLINE_AMI_SECRET", "0123456789abcdef"), projectHome);
        assertThat(config.agents()).hasSize(3);
        assertThat(config.company().name()).isEqualTo("三学苑");
        assertThat(config.rings().ringLength()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.rings().answer().within().count()).isEqualTo(3);
        assertThat(config.ivr().language()).isEqualTo(Language.ZH);
        assertThat(config.http().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.centre().region()).isEqualTo("CN");
        assertThat(config.centre().areaCode()).isEqualTo("10");
        assertThat(config.customers()).hasSize(2);
        assertThat(config.cases().replies().days()).isEqualTo(3);
    }

    @Test
    void asterisksDeadlineForTheServerToAnswerIsFiveSecondsAndTwoMinutesOnHoldUnlessSetOtherwise() throws IOException {
        assertThat(load("company:\n  name: X\n").agi().answerDeadline()).isEqualTo(AnswerDeadline.standard());
        assertThat(load("company:\n  name: X\nanswer:\n  serverDeadlineSeconds: 4.5\n  fallbackHoldSeconds: 60\n")
                .agi().answerDeadline())
                .isEqualTo(new AnswerDeadline(Duration.ofMillis(4_500), Duration.ofSeconds(60)));
        env.put("HOTLINE_ANSWER_DEADLINE", "3");
        assertThat(load("company:\n  name: X\n").agi().answerDeadline().server()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void asteriskAsksThisServerAloneUnlessTheServersAreListed() throws IOException {
        assertThat(load("company:\n  name: X\n").agi().servers()).containsExactly("127.0.0.1:4573");
        assertThat(load("company:\n  name: X\nasterisk:\n  agi:\n    bindAddress: 0.0.0.0\n    port: 4600\n").agi().servers())
                .as("a server listening on every address is asked on loopback").containsExactly("127.0.0.1:4600");
        assertThat(load("company:\n  name: X\nasterisk:\n  agi:\n    servers: [10.0.0.2:4573, \"hotline-b.example:4574\", \"[::1]:4573\"]\n")
                .agi().servers()).containsExactly("10.0.0.2:4573", "hotline-b.example:4574", "[::1]:4573");
        env.put("HOTLINE_AGI_SERVERS", "127.0.0.1:4573, 127.0.0.1:4574");
        assertThat(load("company:\n  name: X\n").agi().servers()).containsExactly("127.0.0.1:4573", "127.0.0.1:4574");
    }

    @Test
    void aServerListThatCouldCarryAnythingButHostAndPortIntoTheDialplanStopsStartUp() {
        for (String bad : new String[] {"127.0.0.1", "127.0.0.1:4573/inbound", "127.0.0.1:4573)", "${EVIL}:4573",
                "host:0", "host:70000", "a b:4573", ""}) {
            env.put("HOTLINE_AGI_SERVERS", "127.0.0.1:4573," + bad);
            assertThatThrownBy(() -> load("company:\n  name: X\n")).as(bad).hasMessageStartingWith("asterisk.agi.servers:");
        }
        env.put("HOTLINE_AGI_SERVERS", "127.0.0.1:4573,127.0.0.1:4573");
        assertThatThrownBy(() -> load("company:\n  name: X\n")).hasMessageContaining("listed twice");
        env.put("HOTLINE_AGI_SERVERS", "h1:1,h2:1,h3:1,h4:1,h5:1,h6:1,h7:1,h8:1,h9:1");
        assertThatThrownBy(() -> load("company:\n  name: X\n")).hasMessageContaining("at most 8");
    }

    @Test
    void theActiveServerAdvertisesItsBindAddressAndPortUnlessToldWhereStandbysReachIt() throws IOException {
        assertThat(load("company:\n  name: X\n").http().advertised(8080)).isEqualTo("127.0.0.1:8080");
        assertThat(load("company:\n  name: X\nhttp:\n  bindAddress: 0.0.0.0\n  port: 0\n").http().advertised(43210))
                .as("bound to every address, on a port chosen at start").isEqualTo("127.0.0.1:43210");
        env.put("HOTLINE_HTTP_ADVERTISE", "hotline-a.example:8443");
        assertThat(load("company:\n  name: X\n").http().advertised(8080)).isEqualTo("hotline-a.example:8443");
    }

    @Test
    void anAdvertisedAddressNoServerCouldConnectToStopsStartUp() {
        for (String bad : new String[] {"hotline-a", "hotline-a:0", "hotline-a:70000", "0.0.0.0:8080", "[::]:8080",
                "http://hotline-a:8080", "a b:8080"}) {
            env.put("HOTLINE_HTTP_ADVERTISE", bad);
            assertThatThrownBy(() -> load("company:\n  name: X\n")).as(bad).hasMessageStartingWith("http.advertise:");
        }
    }

    @Test
    void aDeadlineThatBreaksTheRingRuleEitherWayStopsStartUpSayingWhy() {
        assertThatThrownBy(() -> load("company:\n  name: X\nanswer:\n  serverDeadlineSeconds: 8.5\n"))
                .hasMessageContaining("answer.serverDeadlineSeconds").hasMessageContaining("3-ring limit of 9 s");
        assertThatThrownBy(() -> load("company:\n  name: X\nanswer:\n  answerAtRing: 3\n  serverDeadlineSeconds: 6\n"))
                .hasMessageContaining("answer.serverDeadlineSeconds").hasMessageContaining("plans to answer 6 s after arrival");
        assertThatThrownBy(() -> load("company:\n  name: X\nanswer:\n  fallbackHoldSeconds: -5\n"))
                .hasMessageContaining("answer.fallbackHoldSeconds");
    }

    @Test
    void callersLeaveMessagesOfTwoMinutesAtMostEndedByFiveSecondsOfSilenceWhereAsteriskRecordsUnderTheStateDir()
            throws IOException {
        HotlineConfig.Messages standard = load("company:\n  name: X\n").callbacks().messages();
        assertThat(standard.rules()).isEqualTo(org.hotline.call.MessageRules.standard());
        assertThat(standard.directory()).isEqualTo(home.resolve("var/asterisk/data/sounds/messages").toAbsolutePath().normalize());
        assertThat(load("company:\n  name: X\nmessages:\n  enabled: false\n  maxSeconds: 60\n  silenceSeconds: 3\n")
                .callbacks().messages().rules())
                .isEqualTo(new org.hotline.call.MessageRules(false, Duration.ofSeconds(60), Duration.ofSeconds(3), Duration.ofSeconds(1)));
    }

    @Test
    void anAgentIsToldWhenASupervisorJoinsTheirCallUnlessTheCentreTurnsItOff() throws IOException {
        assertThat(load("company:\n  name: X\n").routing().tellAgentOfListening()).isTrue();
        assertThat(load("company:\n  name: X\nmonitoring:\n  tellAgent: false\n").routing().tellAgentOfListening()).isFalse();
        assertThatThrownBy(() -> load("company:\n  name: X\nmonitoring:\n  tellAgent: sometimes\n"))
                .hasMessageContaining("monitoring.tellAgent");
    }

    @Test
    void messagesAreKeptNinetyDaysUnlessTheCentreSaysOtherwiseAndAtLeastADay() throws IOException {
        assertThat(load("company:\n  name: X\n").callbacks().messages().retention())
                .isEqualTo(new org.hotline.call.MessageRetention(90));
        assertThat(load("company:\n  name: X\nmessages:\n  retentionDays: 30\n").callbacks().messages().retention())
                .isEqualTo(new org.hotline.call.MessageRetention(30));
        assertThatThrownBy(() -> load("company:\n  name: X\nmessages:\n  retentionDays: 0\n"))
                .hasMessageContaining("messages.retentionDays");
        assertThatThrownBy(() -> load("company:\n  name: X\nmessages:\n  retentionDays: forever\n"))
                .hasMessageContaining("messages.retentionDays");
    }

    @Test
    void aMessageSilenceAsLongAsTheLongestMessageStopsStartUp() {
        assertThatThrownBy(() -> load("company:\n  name: X\nmessages:\n  maxSeconds: 10\n  silenceSeconds: 10\n"))
                .hasMessageStartingWith("messages:");
        assertThatThrownBy(() -> load("company:\n  name: X\nmessages:\n  maxSeconds: 5\n"))
                .hasMessageStartingWith("messages.maxSeconds");
    }

    @Test
    void theAuditReadsTheCelFileWhereBinAsteriskMakesItUnderTheStateDir() throws IOException {
        assertThat(load("company:\n  name: X\n").celFile())
                .isEqualTo(home.resolve("var/asterisk/log/cel-custom/Master.csv").toAbsolutePath().normalize());
        assertThat(load("company:\n  name: X\nasterisk:\n  celFile: /var/log/asterisk/cel-custom/Master.csv\n").celFile())
                .isEqualTo(Path.of("/var/log/asterisk/cel-custom/Master.csv"));
        Files.createDirectories(home.resolve("var/cel"));
        assertThatThrownBy(() -> load("company:\n  name: X\nasterisk:\n  celFile: cel\n"))
                .hasMessageStartingWith("asterisk.celFile: ").hasMessageContaining("is a directory");
    }

    @Test
    void theCustomerIsAnsweredWithinThreeDaysOfOpeningUnlessSetOtherwise() throws IOException {
        HotlineConfig.Cases standard = load("company:\n  name: X\n").cases();
        assertThat(standard.replies()).isEqualTo(new ReplyDeadline(3, DeadlineFrom.OPENING, Duration.ofHours(24),
                ZoneId.of("Asia/Shanghai")));
        assertThat(standard.escalateAtOnce()).isEqualTo(Severity.HIGH);

        HotlineConfig.Cases set = load("company:\n  name: X\ncases:\n  replyWithinDays: 2\n  deadlineFrom: solution-ready\n"
                + "  dueSoonHours: 6\n  escalateAtOnce: urgent\n").cases();
        assertThat(set.replies()).isEqualTo(new ReplyDeadline(2, DeadlineFrom.SOLUTION_READY, Duration.ofHours(6),
                ZoneId.of("Asia/Shanghai")));
        assertThat(set.escalateAtOnce()).isEqualTo(Severity.URGENT);
    }

    @Test
    void aBadCaseSettingStopsStartUpNamingItsKey() {
        assertThatThrownBy(() -> load("company:\n  name: X\ncases:\n  replyWithinDays: 0\n"))
                .hasMessage("cases.replyWithinDays: must be between 1 and 60, got 0");
        assertThatThrownBy(() -> load("company:\n  name: X\ncases:\n  deadlineFrom: solution\n"))
                .hasMessage("cases.deadlineFrom: \"solution\" is not opening or solution-ready");
        assertThatThrownBy(() -> load("company:\n  name: X\ncases:\n  replyWithinDays: 1\n  dueSoonHours: 48\n"))
                .hasMessage("cases.dueSoonHours: 48 is longer than the deadline itself (1 days = 24 hours)");
        assertThatThrownBy(() -> load("company:\n  name: X\ncases:\n  escalateAtOnce: critical\n"))
                .hasMessageStartingWith("cases.escalateAtOnce: \"critical\" is not a severity");
        assertThatThrownBy(() -> load("company:\n  name: X\ncases:\n  replyWithinHours: 3\n"))
                .hasMessageStartingWith("cases.replyWithinHours: unknown setting");
    }

    @Test
    void theDialRuleRefusesEmergencyShortAndPremiumNumbersAndTakesTheCentresOwnAdditions() throws IOException {
        HotlineConfig standard = load("company:\n  name: X\n");
        assertThat(standard.callbacks().numbers().check("119")).contains(org.hotline.customer.DialRule.Refusal.EMERGENCY);
        assertThat(standard.callbacks().numbers().check("4008123456")).contains(org.hotline.customer.DialRule.Refusal.REFUSED_KIND);
        assertThat(standard.callbacks().drainLimit()).isEqualTo(java.time.Duration.ofMinutes(10));

        HotlineConfig own = load("company:\n  name: X\ncallbacks:\n  numbers:\n    emergency: [\"12395\"]\n"
                + "    refuse: [premium-rate]\n    refusePrefixes: [\"+86170\"]\n    foreign: true\n");
        assertThat(own.callbacks().numbers().check("12395")).contains(org.hotline.customer.DialRule.Refusal.EMERGENCY);
        assertThat(own.callbacks().numbers().check("110")).as("the standard ones stay").contains(org.hotline.customer.DialRule.Refusal.EMERGENCY);
        assertThat(own.callbacks().numbers().check("4008123456")).isEmpty();
        assertThat(own.callbacks().numbers().check("17012345678")).contains(org.hotline.customer.DialRule.Refusal.REFUSED_PREFIX);
        assertThat(own.callbacks().numbers().check("+4930123456")).isEmpty();

        env.put("HOTLINE_DRAIN_LIMIT", "45");
        assertThat(load("company:\n  name: X\n").callbacks().drainLimit()).isEqualTo(java.time.Duration.ofSeconds(45));
    }

    @Test
    void aDialRuleThatWouldLetPremiumNumbersThroughStopsStartUpNamingItsKey() {
        assertThatThrownBy(() -> load("company:\n  name: X\ncallbacks:\n  numbers:\n    refuse: [shared-cost]\n"))
                .hasMessageStartingWith("callbacks.numbers: premium-rate numbers are always refused");
        assertThatThrownBy(() -> load("company:\n  name: X\ncallbacks:\n  numbers:\n    refuse: [premium]\n"))
                .hasMessageStartingWith("callbacks.numbers.refuse: \"premium\" is not premium-rate");
        assertThatThrownBy(() -> load("company:\n  name: X\ncallbacks:\n  numbers:\n    emergency: [\"11x\"]\n"))
                .hasMessageContaining("11x");
    }

    @Test
    void withoutACentreAreaCodeNobodyIsLongDistanceAndTheRegionIsChina() throws IOException {
        HotlineConfig config = load("company:\n  name: X\n");
        assertThat(config.centre().region()).isEqualTo("CN");
        assertThat(config.centre().areaCode()).isNull();
        assertThat(config.centre().longDistance().appliesTo("+862162345678")).isFalse();
        assertThat(config.customers()).isEmpty();
    }

    @Test
    void theCentresAreaCodeSaysWhoIsLongDistance() throws IOException {
        HotlineConfig config = load("company:\n  name: X\ncentre:\n  areaCode: \"21\"\n");
        assertThat(config.centre().longDistance().appliesTo("+862162345678")).as("Shanghai").isFalse();
        assertThat(config.centre().longDistance().appliesTo("+861062345678")).as("Beijing").isTrue();
        assertThat(load("company:\n  name: X\ncentre:\n  areaCode: 755\n").centre().areaCode()).isEqualTo("755");
    }

    @Test
    void aBadRegionOrAreaCodeNamesItsKey() {
        assertThatThrownBy(() -> load("company:\n  name: X\ncentre:\n  region: Narnia\n"))
                .hasMessageStartingWith("centre.region:");
        assertThatThrownBy(() -> load("company:\n  name: X\ncentre:\n  areaCode: \"010\"\n"))
                .hasMessageStartingWith("centre.areaCode: '010' is not an area code: 1 to 4 digits without the trunk 0");
        assertThatThrownBy(() -> load("company:\n  name: X\ncentre:\n  areaCode: \"12345\"\n"))
                .hasMessageStartingWith("centre.areaCode:");
        assertThatThrownBy(() -> load("company:\n  name: X\ncentre:\n  areaCode: \"600\"\n"))
                .hasMessageStartingWith("centre.areaCode: '600' is not an area code in CN");
        assertThatThrownBy(() -> load("company:\n  name: X\ncentre:\n  areaCode: 010\n"))
                .as("YAML reads an unquoted 010 as octal 8").hasMessageContaining("in quotes");
    }

    @Test
    void withoutSettingsTheHandbooksRulesApplyAndTheReportsMeasureAgainstTheSameRecords() throws IOException {
        HotlineConfig config = load("company:\n  name: X\n");
        assertThat(config.rings().answer()).isEqualTo(AnswerRule.handbook());
        assertThat(config.rings().apology()).isEqualTo(ApologyRule.handbook());
        assertThat(config.routing().waiting().agentRing()).isEqualTo(AgentRingRule.handbook());
        assertThat(config.routing().talkTime()).isEqualTo(TalkTimeRule.handbook());
        assertThat(config.reports()).isEqualTo(ReportRules.handbook());
    }

    @Test
    void theCallersAnswerRuleAndTheAgentsRingRuleHaveSettingsOfTheirOwn() throws IOException {
        HotlineConfig callerFiveRings = load("company:\n  name: X\nanswer:\n  maxRings: 5\n");
        assertThat(callerFiveRings.rings().answer().limit()).isEqualTo(Duration.ofSeconds(15));
        assertThat(callerFiveRings.routing().waiting().agentRing().ringFor()).as("the agent still has three rings")
                .isEqualTo(Duration.ofSeconds(9));
        assertThat(callerFiveRings.reports().agentRing().ringFor()).isEqualTo(Duration.ofSeconds(9));

        HotlineConfig agentFiveRings = load("company:\n  name: X\nrouting:\n  agentRings: 5\n");
        assertThat(agentFiveRings.routing().waiting().agentRing().ringFor()).isEqualTo(Duration.ofSeconds(15));
        assertThat(agentFiveRings.reports().agentRing().ringFor()).isEqualTo(Duration.ofSeconds(15));
        assertThat(agentFiveRings.rings().answer().limit()).as("the caller is still answered within three rings")
                .isEqualTo(Duration.ofSeconds(9));
        assertThat(agentFiveRings.reports().answer().limit()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void theRingLengthCountsForEveryRuleInRings() throws IOException {
        HotlineConfig fiveSecondRings = load("company:\n  name: X\nanswer:\n  ringSeconds: 5\n");
        assertThat(fiveSecondRings.rings().answer().limit()).isEqualTo(Duration.ofSeconds(15));
        assertThat(fiveSecondRings.routing().waiting().agentRing().ringFor()).isEqualTo(Duration.ofSeconds(15));
        assertThat(fiveSecondRings.rings().apology().dueAt(Instant.EPOCH)).isEqualTo(Instant.EPOCH.plusSeconds(25));
    }

    @Test
    void anAgentIsGivenOneToTenRings() {
        assertThatThrownBy(() -> load("company:\n  name: X\nrouting:\n  agentRings: 0\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("routing.agentRings:");
        assertThatThrownBy(() -> load("company:\n  name: X\nrouting:\n  agentRings: 11\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("routing.agentRings:");
    }

    @Test
    void theReportsThresholdsAndTheCallRulesTheyMeasureAgainst() throws IOException {
        HotlineConfig config = load("company:\n  name: X\nreports:\n  serviceLevelSeconds: 30\n");
        assertThat(config.reports().serviceLevel()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.reports().shortAbandon()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.reports().agentRing().ringFor()).as("three rings of 3 s").isEqualTo(Duration.ofSeconds(9));
        assertThat(config.reports().talkTime().limit()).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> load("company:\n  name: X\nreports:\n  serviceLevelSeconds: 10\n  shortAbandonSeconds: 11\n"))
                .as("every short abandon must be within T").isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("reports.shortAbandonSeconds: 11 is longer than reports.serviceLevelSeconds (10)");
    }

    @Test
    void aTimeZoneTheHourlyReportsCannotCutIntoDaysIsRefusedAtStartUp() {
        assertThatThrownBy(() -> load("company:\n  name: X\ncentre:\n  timeZone: Asia/Kolkata\n"))
                .hasMessageStartingWith("centre.timeZone:");
    }

    @Test
    void theCustomersFileIsCheckedAtStartUpAgainstTheRoster() throws IOException {
        Files.writeString(home.resolve("agents.yaml"), "agents:\n  - {id: \"010\", name: Li, skills: {orders: 3}}\n");
        Files.writeString(home.resolve("customers.yaml"),
                "customers:\n  - {number: \"13800138000\", name: A, vip: true, advisor: \"011\"}\n");
        String yaml = "company:\n  name: X\nagents:\n  file: agents.yaml\ncustomers:\n  file: customers.yaml\n";
        assertThatThrownBy(() -> load(yaml)).hasMessageStartingWith("customers[0] (+8613800138000).advisor:");

        Files.writeString(home.resolve("customers.yaml"),
                "customers:\n  - {number: \"13800138000\", name: A, vip: true, advisor: \"010\"}\n");
        assertThat(load(yaml).customers()).extracting(customer -> customer.number()).containsExactly("+8613800138000");

        assertThatThrownBy(() -> load("company:\n  name: X\ncustomers:\n  file: missing.yaml\n"))
                .hasMessageStartingWith("customers.file:");
        assertThatThrownBy(() -> load("company:\n  name: X\ncustomers:\n  seed: customers.yaml\n"))
                .hasMessageStartingWith("customers.seed: unknown setting");
    }

    @Test
    void theAgentsRosterIsCheckedAtStartUpAgainstTheMenusQueues() throws IOException {
        Files.writeString(home.resolve("agents.yaml"), "agents:\n  - {id: \"010\", name: Li, skills: {refunds: 3}}\n");
        assertThatThrownBy(() -> load("company:\n  name: X\nagents:\n  file: agents.yaml\n"))
                .hasMessageStartingWith("agents[0] (010).skills: unknown skill 'refunds'");

        Files.writeString(home.resolve("agents.yaml"), "agents:\n  - {id: \"010\", name: Li, skills: {orders: 3}}\n");
        assertThat(load("company:\n  name: X\nagents:\n  file: agents.yaml\n").agents()).hasSize(1);
    }

    @Test
    void onlyTheCompanyNameIsRequiredEverythingElseHasTheHandbookDefault() throws IOException {
        HotlineConfig config = load("company:\n  name: 三学苑\n");
        assertThat(config.rings().ringLength()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.rings().answerAtRing()).isEqualTo(1);
        assertThat(config.rings().apology().after().count()).isEqualTo(5);
        assertThat(config.ivr().menu().choiceFor('0')).contains("agent");
        assertThat(config.ami().secret()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(config.mongo().embedded()).isTrue();
        assertThat(config.mongo().dataDir()).isEqualTo(home.resolve("var/data").toAbsolutePath());
    }

    @Test
    void environmentVariablesOverrideTheFile() throws IOException {
        env.put("MONGO_URI", "mongodb://db.example:27017");
        env.put("HOTLINE_AMI_PORT", "15038");
        env.put("HOTLINE_LANGUAGE", "en");
        HotlineConfig config = load("company:\n  name: 三学苑\nasterisk:\n  ami:\n    port: 5038\n");
        assertThat(config.mongo().uri()).isEqualTo("mongodb://db.example:27017");
        assertThat(config.mongo().embedded()).isFalse();
        assertThat(config.ami().port()).isEqualTo(15038);
        assertThat(config.ivr().language()).isEqualTo(Language.EN);
    }

    @Test
    void serviceHoursComeFromTheFileOrTheEnvironmentAndBadOnesNameTheirKey() throws IOException {
        HotlineConfig config = load("company:\n  name: X\nhours:\n  daily: \"09:00-21:00\"\n  sunday: closed\n  holidays: [\"2026-10-01\"]\n");
        assertThat(config.hours().isOpen(java.time.Instant.parse("2026-11-24T02:00:00Z"))).as("Tuesday 10:00").isTrue();
        assertThat(config.hours().isOpen(java.time.Instant.parse("2026-11-22T02:00:00Z"))).as("Sunday 10:00").isFalse();
        assertThat(config.hours().isOpen(java.time.Instant.parse("2026-10-01T02:00:00Z"))).as("holiday").isFalse();

        env.put("HOTLINE_HOURS", "00:00-24:00");
        assertThat(load("company:\n  name: X\n").hours().isOpen(java.time.Instant.parse("2026-11-22T18:00:00Z"))).isTrue();
        env.remove("HOTLINE_HOURS");

        assertThatThrownBy(() -> load("company:\n  name: X\nhours:\n  daily: nine to nine\n")).hasMessageStartingWith("hours.daily:");
        assertThatThrownBy(() -> load("company:\n  name: X\nhours:\n  monday: \"21:00-09:00\"\n")).hasMessageStartingWith("hours.monday:");
        assertThatThrownBy(() -> load("company:\n  name: X\nhours:\n  holidays: [\"1 Oct\"]\n")).hasMessageStartingWith("hours.holidays:");
    }

    @Test
    void aMissingCompanyNameStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> load("answer:\n  ringSeconds: 3\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("company.name:");
    }

    @Test
    void aMisspeltKeyIsReportedNotIgnored() {
        assertThatThrownBy(() -> load("company:\n  name: X\nanswer:\n  maxRing: 3\n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("answer.maxRing: unknown setting");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> load("company:\n  name: X\nanswer:\n  ringSeconds: fast\n"))
                .hasMessageStartingWith("answer.ringSeconds:");
        assertThatThrownBy(() -> load("company:\n  name: X\nanswer:\n  answerAtRing: 4\n"))
                .hasMessageStartingWith("answer.answerAtRing:");
        assertThatThrownBy(() -> load("company:\n  name: X\nhttp:\n  port: 70000\n"))
                .hasMessageStartingWith("http.port:");
        assertThatThrownBy(() -> load("company:\n  name: X\nivr:\n  language: fr\n"))
                .hasMessageStartingWith("ivr.language:");
        assertThatThrownBy(() -> load("company:\n  name: X\nivr:\n  menu:\n    \"12\": orders\n"))
                .hasMessageStartingWith("ivr.menu.12:");
        assertThatThrownBy(() -> load("company:\n  name: X\ncentre:\n  timeZone: Mars/Olympus\n"))
                .hasMessageStartingWith("centre.timeZone:");
    }

    @Test
    void aBadEnvironmentValueNamesTheKeyItOverrides() {
        env.put("MONGO_URI", "postgres://x");
        assertThatThrownBy(() -> load("company:\n  name: X\n")).hasMessageStartingWith("mongo.uri:");
        env.remove("MONGO_URI");
        env.put("HOTLINE_AGI_PORT", "abc");
        assertThatThrownBy(() -> load("company:\n  name: X\n")).hasMessageStartingWith("asterisk.agi.port:");
    }

    @Test
    void withoutTheAmiSecretFileStartUpSaysWhereItShouldBe() throws IOException {
        Files.delete(home.resolve("var/secrets/ami.secret"));
        assertThatThrownBy(() -> load("company:\n  name: X\n"))
                .hasMessageStartingWith("asterisk.ami.secretFile:").hasMessageContaining("bin/asterisk start");
    }

    @Test
    void brokenYamlIsReportedAsSuch() {
        assertThatThrownBy(() -> load("company: [unclosed\n")).hasMessageContaining("not valid YAML");
    }

    @Test
    void theSecretNeverAppearsInTheConfigurationsText() throws IOException {
        HotlineConfig config = load("company:\n  name: X\n");
        assertThat(config.toString()).doesNotContain("0123456789abcdef0123456789abcdef");
    }

    @Test
    void eachQueueHasItsWrapUpCodesInFileOrderAndNoListMeansNoCodes() throws IOException {
        HotlineConfig config = load("""
                company:
                  name: X
                queues:
                  orders:
                    wrapUpCodes:
                      - {id: resolved, zh: 已解决, en: Resolved}
                      - {id: order-changed, zh: 订单已修改, en: Order changed}
                """);

        assertThat(config.routing().wrapUpCodes().of(new org.hotline.shared.Skill("orders"))).containsExactly(
                new org.hotline.routing.WrapUpCode("resolved", "已解决", "Resolved"), new org.hotline.routing.WrapUpCode("order-changed", "订单已修改", "Order changed"));
        assertThat(config.routing().wrapUpCodes().of(new org.hotline.shared.Skill("complaints"))).isEmpty();
        assertThat(config.routing().wrapUpCodeRule().afterWrapUp()).isEqualTo(Duration.ofMinutes(2));
        assertThat(load("company:\n  name: X\nrouting:\n  wrapUpCodeAfterSeconds: 30\n").routing().wrapUpCodeRule().afterWrapUp())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theShippedConfigurationGivesEveryQueueItsWrapUpCodes() {
        Path projectHome = Path.of(System.getProperty("hotline.home", ".."));
        HotlineConfig config = ConfigLoader.load(projectHome.resolve("config/hotline.yaml"),
                Map.of("HOTLINE_AMI_SECRET", "0123456789abcdef"), projectHome);

        config.queues().forEach(queue -> assertThat(config.routing().wrapUpCodes().of(queue)).as(queue.name()).isNotEmpty());
    }

    @Test
    void aBadWrapUpCodeListStopsStartUpNamingTheQueue() {
        assertThatThrownBy(() -> load("company:\n  name: X\nqueues:\n  orders:\n    wrapUpCodes:\n      - {id: resolved, zh: 已解决, en: Resolved}\n"
                + "      - {id: resolved, zh: 好, en: Done}\n"))
                .hasMessage("queues.orders.wrapUpCodes: resolved is listed twice");
        assertThatThrownBy(() -> load("company:\n  name: X\nqueues:\n  orders:\n    wrapUpCodes:\n      - {id: \"a b\", zh: 已解决, en: Resolved}\n"))
                .hasMessageStartingWith("queues.orders.wrapUpCodes: not a wrap-up code");
        assertThatThrownBy(() -> load("company:\n  name: X\nqueues:\n  orders:\n    wrapUpCodes:\n      - {id: resolved, zh: 已解决}\n"))
                .hasMessageContaining("the en label is missing");
        assertThatThrownBy(() -> load("company:\n  name: X\nqueues:\n  orders:\n    wrapUpCodes:\n      - {id: resolved, zh: 已解决, en: R, label: x}\n"))
                .hasMessageContaining("label");
        assertThatThrownBy(() -> load("company:\n  name: X\nqueues:\n  billing:\n    wrapUpCodes:\n      - {id: resolved, zh: 已解决, en: Resolved}\n"))
                .hasMessageStartingWith("queues.billing: not a queue of ivr.menu");
        assertThatThrownBy(() -> load("company:\n  name: X\nqueues:\n  orders:\n    wrapupCodes: []\n"))
                .hasMessageStartingWith("queues.orders.wrapupCodes: unknown setting");
    }
}
