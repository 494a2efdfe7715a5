package org.hotline.server;

import org.hotline.floor.FloorCampaignAgents;
import org.hotline.store.DayAudit;
import org.hotline.store.CampaignContactSources;
import org.hotline.floor.CampaignRunner;
import org.hotline.floor.FloorRules;
import org.hotline.floor.Floor;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.hotline.call.CallTracker;
import org.hotline.call.InboundFlow;
import org.hotline.call.Reception;
import org.hotline.cases.CallerRecognition;
import org.hotline.call.Sleeper;
import org.hotline.config.HotlineConfig;
import org.hotline.customer.Customer;
import org.hotline.http.ContractCheck;
import org.hotline.http.CustomersResource;
import org.hotline.http.DoNotCallResource;
import org.hotline.http.AgentSkillsResource;
import org.hotline.http.HttpApi;
import org.hotline.http.LiveResource;
import org.hotline.live.LiveFeed;
import org.hotline.metrics.CallMetrics;
import org.hotline.prompts.PromptLibrary;
import org.hotline.routing.Agent;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentSelection;
import org.hotline.routing.Distributor;
import org.hotline.routing.PriorityRules;
import org.hotline.store.CallLedger;
import org.hotline.store.CallRecords;
import org.hotline.store.EmbeddedMongo;
import org.hotline.store.MongoAgentSkills;
import org.hotline.store.MongoCustomerFile;
import org.hotline.store.MongoDoNotCallList;
import org.hotline.store.MongoCallJournal;
import org.hotline.store.MongoStore;
import org.hotline.telephony.agi.AgentFeatureScript;
import org.hotline.telephony.agi.AgiServer;
import org.hotline.telephony.agi.InboundScript;
import org.hotline.telephony.agi.CallbackScript;
import org.hotline.telephony.agi.CampaignScript;
import org.hotline.telephony.agi.CampaignAnsweredScript;
import org.hotline.telephony.agi.CampaignAgentScript;
import org.hotline.telephony.ami.AgentFirstCampaignLine;
import org.hotline.campaign.OutboundScript;
import org.hotline.telephony.ami.AgentlessLine;
import org.hotline.store.MongoCampaigns;
import org.hotline.store.AbandonedCallers;
import org.hotline.store.OutboundReports;
import org.hotline.store.CampaignContacts;
import org.hotline.campaign.upload.ContactUpload;
import org.hotline.store.MongoContactBook;
import org.hotline.store.MongoDoNotCallList;
import org.hotline.http.CampaignsResource;
import org.hotline.http.CampaignOutcomeResource;
import org.hotline.http.PreviewResource;
import org.hotline.campaign.DifficultCustomer;
import org.hotline.telephony.agi.TransferScript;
import org.hotline.telephony.ami.AgentFirstDialer;
import org.hotline.telephony.ami.PromptStopper;
import org.hotline.store.HourlyRollups;
import org.hotline.reporting.ReportArchive;
import org.hotline.store.RollupFeed;
import org.hotline.store.AgentTimeRecorder;
import org.hotline.store.StoredReports;
import org.hotline.reporting.BreachFinder;
import org.hotline.http.ReportsResource;
import org.hotline.http.CasesResource;
import org.hotline.cases.Casework;
import org.hotline.cases.EscalationRule;
import org.hotline.cases.TeamLeads;
import org.hotline.store.CallFirstContacts;
import org.hotline.store.CaseReports;
import org.hotline.store.MongoCases;
import java.security.SecureRandom;
import org.hotline.access.Passwords;
import org.hotline.http.AccessApi;
import org.hotline.http.SettingsResource;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.telephony.ami.AmiEventTranslator;
import org.hotline.telephony.ami.AgentAnswers;
import org.hotline.telephony.ami.DialTimes;
import org.hotline.telephony.ami.AmiLink;
import org.hotline.telephony.ami.DeadlineGlobals;
import org.hotline.telephony.ami.LiveChannels;
import org.hotline.telephony.pjsip.AgentAccounts;
import org.hotline.telephony.ami.AgentPhones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running hotline: store, call tracking, FastAGI, AMI and HTTP wired together. Start-up
 * fails fast (bad prompts, store or ports); AMI may come later, as Asterisk may start after us.
 */
public final class HotlineServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HotlineServer.class);
    private static final java.time.Duration REPORTS_FIRST_RUN = java.time.Duration.ofSeconds(20);
    private static final java.time.Duration REPORTS_EVERY = java.time.Duration.ofMinutes(15);
    private static final java.time.Duration CASES_FIRST_CHECK = java.time.Duration.ofSeconds(30);
    private static final java.time.Duration CASES_EVERY = java.time.Duration.ofMinutes(1);
    /** A returning caller's cases shown on the screen pop (their newest case's owner is offered the call first). */
    private static final int OPEN_CASES_SHOWN = 5;
    /** How long a previewed campaign contact waits for its agent to accept. */
    private static final java.time.Duration PREVIEW_WAIT = java.time.Duration.ofSeconds(60);
    /** How long a caller taken back from Asterisk's fallback at start-up waits for the open records to be adopted. */
    private static final java.time.Duration ADOPTIONS_WAIT = java.time.Duration.ofSeconds(3);

    private final Deque<AutoCloseable> parts;
    private final int httpPort;
    private final AmiLink ami;
    private final LiveFeed live;

    private HotlineServer(Deque<AutoCloseable> parts, int httpPort, AmiLink ami, LiveFeed live) {
        this.parts = parts;
        this.httpPort = httpPort;
        this.ami = ami;
        this.live = live;
    }

    public static HotlineServer start(HotlineConfig config, Clock clock) throws Exception {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        java.time.Instant startedAt = clock.instant();
        try {
            PromptLibrary.verify(config.promptsDir(), config.company());

            String mongoUri = config.mongo().uri();
            if (config.mongo().embedded()) {
                EmbeddedMongo embedded = EmbeddedMongo.start(config.mongo().dataDir());
                parts.push(embedded);
                mongoUri = embedded.connectionString();
                LOG.info("no MONGO_URI given: embedded store at {}", config.mongo().dataDir());
            }
            MongoStore store = new MongoStore(mongoUri, config.mongo().database());
            parts.push(store);
            StoreUpkeep upkeep = StoreUpkeep.open(config.mongo().dataDir(), store, config.mongo().database(), clock);
            parts.push(upkeep);
            if (upkeep.heldByAnother().isPresent()) {
                return standby(config, upkeep.heldByAnother().get(), parts);
            }
            CallLedger ledger = new CallLedger(store.callLedger());
            HourlyRollups rollups = new HourlyRollups(store, ledger, config.reports(), config.centre().timeZone(), clock);
            Runnable upgrade = () -> Thread.ofVirtual().name("rollups-upgrade").start(() -> {
                try {
                    rollups.upgradeOnce();
                } catch (RuntimeException e) {
                    LOG.warn("reports: the rollups of an earlier version could not be brought up to date ({}); "
                            + "reports of their periods stay short of them until a restart tries again", e.toString());
                }
            });
            upkeep.whenStoreUp(upgrade);
            RollupFeed feed = new RollupFeed(rollups, RollupFeed.DEFAULT_CAPACITY, upkeep.marks()::mark);
            upkeep.closeAfterTheSpool(feed); // the spool hands it its last records
            MongoCallJournal journal = new MongoCallJournal(store.calls(), clock, upkeep.spool());
            journal.keepLedger(ledger);
            journal.handRecordsTo(HourlyRollups::mayChangeAFinishedCall, feed);
            parts.push(journal);
            MongoCustomerFile customers = new MongoCustomerFile(store.customers());
            upkeep.whenStoreUp(() -> seed(customers, config.customers()));

            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Vertx vertx = Vertx.builder()
                    .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                    .withMetrics(new MicrometerMetricsFactory(meters))
                    .build();
            parts.push(() -> vertx.close().await(10, TimeUnit.SECONDS));

            // The live channel (desktops, wall boards) on a context of its own; every part may publish to it.
            Set<AgentId> roster = config.agents().stream().map(Agent::id).collect(Collectors.toUnmodifiableSet());
            LiveResource live = new LiveResource(vertx.getOrCreateContext(), roster::contains, clock,
                    LiveResource.Settings.standard());

            org.hotline.store.MongoServiceHours savedHours = new org.hotline.store.MongoServiceHours(store.settings());
            org.hotline.call.CentreHours hours = new org.hotline.call.CentreHours(config.hours());
            if (upkeep.watch().up()) try { // the store away: the configured hours apply until the next start
                savedHours.load(config.centre().timeZone()).ifPresent(saved -> {
                    hours.change(saved);
                    LOG.info("service hours as last changed from the console (they win over hours: in the configuration)");
                });
            } catch (RuntimeException e) {
                LOG.warn("service hours changed from the console not read ({}); the configuration's apply", e.toString());
            }
            MongoAgentSkills savedSkills = new MongoAgentSkills(store.settings());
            List<Agent> startingAgents = config.agents();
            if (upkeep.watch().up()) try { // the store away: the roster's skills apply until the next start
                startingAgents = StartingRoster.of(config.agents(), savedSkills.load(), config.queues());
            } catch (RuntimeException e) {
                LOG.warn("skills changed from the console not read ({}); the roster's apply", e.toString());
            }
            CallMetrics recorded = new CallMetrics(journal, meters, clock, config.centre().timeZone());
            CallTracker tracker = new CallTracker(config.rings(), recorded);
            DialTimes dialTimes = new DialTimes(clock);
            Context floorContext = vertx.getOrCreateContext();
            AtomicReference<AmiLink> amiLink = new AtomicReference<>();
            Floor floor = new Floor(floorContext,
                    new Distributor(startingAgents, PriorityRules.standard(), AgentSelection.mostSkilledThenLongestIdle(), clock),
                    new FloorRules(config.routing().wrapUp(), config.rings().ringLength().multipliedBy(config.rings().maxRings()),
                            config.callbacks().policy(), hours, config.routing().talkWarning(),
                            config.routing().talkLimit()),
                    new LeasedCallbackDialer(new AgentFirstDialer(amiLink::get, dialTimes), upkeep.lease()), recorded::append, clock);
            // What the floor kept (desk states, open callbacks, tries left dialling) is read once the store answers.
            AtomicReference<DiallingSettlement> settlement = new AtomicReference<>();
            upkeep.whenStoreUp(() -> {
                DiallingSettlement kept = KeptFloor.restore(floor, store, config, clock);
                settlement.set(kept);
                AmiLink link = amiLink.get();
                if (link != null) {
                    kept.start(link); // a try it cannot settle yet is tried again at the next login
                }
            });
            parts.push(() -> floor.finishWrites(java.time.Duration.ofSeconds(5)));
            floor.publishAgentStates(live);
            floor.publishQueues(live);
            floor.measureWith(meters);
            floor.recordAgentTime(new AgentTimeRecorder(rollups, store.agentTimeWritten(),
                    upkeep.spool()));
            upkeep.start(rollups);
            parts.push(() -> floor.flushAgentTime().await(5, TimeUnit.SECONDS)); // before the spool closes
            SerialCallEvents events = new SerialCallEvents(floorContext, tracker, floor, clock);
            CallRecords callRecords = new CallRecords(store.calls());
            MongoCases caseFile = new MongoCases(store.cases());
            Reception reception = new Reception(
                    new CallerRecognition(config.centre().numbers(), customers, config.centre().longDistance(),
                            e164 -> caseFile.notClosedOf(e164, OPEN_CASES_SHOWN)),
                    new LiveDesk(live, callRecords));
            InboundFlow flow = new InboundFlow(config.rings(), config.ivr().menu(), floor, config.routing().waiting(), reception,
                    hours, clock, Sleeper.on(clock), events);

            AgentlessLine agentless = new AgentlessLine(amiLink::get, config.centre().numbers(), config.campaigns().ring(), clock);
            java.time.Duration agentRing = config.rings().ringLength().multipliedBy(config.rings().maxRings());
            AgentFirstCampaignLine agentFirst = new AgentFirstCampaignLine(amiLink::get, config.centre().numbers(), agentRing);
            FloorCampaignAgents campaignAgents = new FloorCampaignAgents(floor, live,
                    new OutboundScript(config.company().name(), config.company().nameEn()), PREVIEW_WAIT, clock);
            PromptStopper prompts = new PromptStopper(amiLink::get);
            AgiServer agi = AgiServer.prepare(config.agi(), Map.of(
                    "campaign-agent", new CampaignAgentScript(agentFirst, config.ivr().language(), config.campaigns().ring(), clock,
                            dialTimes),
                    "campaign-answered", new CampaignAnsweredScript(agentFirst, clock),
                    "inbound", new InboundScript(flow, config.ivr().language(), tracker::arrivalOf, clock, meters, prompts, events,
                            dialTimes, () -> events.awaitAdoptions(ADOPTIONS_WAIT)),
                    "agent-feature", new AgentFeatureScript(floor, config.ivr().language()),
                    "transfer", new TransferScript(flow, config.ivr().language(), clock, prompts, dialTimes),
                    "callback", new CallbackScript(floor, config.ivr().language(), config.callbacks().customerRing(), clock,
                            dialTimes),
                    "campaign", new CampaignScript(agentless, config.ivr().language(), clock)));
            parts.push(agi);

            AmiEventTranslator translator = new AmiEventTranslator(config.ivr().hotlineContext(), clock);
            CallsThroughACrash crash = new CallsThroughACrash(new org.hotline.recovery.StartupRecovery(
                    new org.hotline.store.MongoOpenRecords(store.calls()), config.celFile(),
                    new org.hotline.audit.CelCalls(config.ivr().hotlineContext(), agentRing), config.rings(), journal, events,
                    clock), events, startedAt, clock, () -> upkeep.watch().up());
            AgentPhones phones = new AgentPhones(new AgentAccounts(config.agents(), config.agentSecrets()), config.agents(),
                    config.asteriskEtc(), floor::phoneRegistered);
            AmiLink ami = new AmiLink(config.ami(),
                    event -> {
                        translator.translate(event).ifPresent(t -> events.publish(t.id(), t.event()));
                        phones.onEvent(event);
                        dialTimes.onEvent(event);
                        AgentAnswers.of(event).ifPresent(agent -> floor.agentAnswered(agent, AmiEventTranslator.timeOf(event, clock)));
                        crash.onEvent(event);
                    },
                    link -> {
                        phones.install(link);
                        crash.afterLogin(link);
                        DiallingSettlement kept = settlement.get();
                        if (kept != null) {
                            kept.start(link);
                        }
                        // Calls are taken only once their events can be followed: until then Asterisk's fallback has them.
                        DeadlineGlobals.install(link, config.agi().answerDeadline());
                        try {
                            agi.listen();
                        } catch (java.io.IOException e) {
                            LOG.error("{}", e.getMessage());
                        }
                    }, clock);
            parts.push(ami);
            amiLink.set(ami);
            ami.start();
            meters.gauge("hotline.ami.connected", ami, link -> link.isConnected() ? 1 : 0);

            Map<String, BooleanSupplier> health = new LinkedHashMap<>();
            health.put("ami", ami::isConnected);
            health.put("agi", agi::isListening);
            health.put("mongo", upkeep.storeHealth());
            health.put("lease", upkeep.leaseHealth());
            CustomersResource customersApi = new CustomersResource(vertx, customers, config.centre().numbers(), roster::contains);
            StoredReports storedReports = new StoredReports(store.storedReports());
            ReportArchive archive = new ReportArchive(rollups, storedReports, config.centre().timeZone(), clock);
            upkeep.whenStoreUp(() -> Thread.ofVirtual().name("answer-times-upgrade")
                    .start(() -> correctAnswerTimes(store, rollups, archive, config, clock)));
            // The work log and the weekly and monthly reports, made once their period is over.
            long archiveTimer = vertx.setPeriodic(REPORTS_FIRST_RUN.toMillis(), REPORTS_EVERY.toMillis(), id ->
                    vertx.executeBlocking(archive::catchUp, false).onComplete(done -> {
                        if (done.failed()) {
                            LOG.warn("scheduled reports not made now: {}", done.cause().toString());
                        } else if (done.result() > 0) {
                            LOG.info("{} scheduled report(s) made", done.result());
                        }
                    }));
            parts.push(() -> vertx.cancelTimer(archiveTimer));
            // Cases: owner from the first call, the reply deadline watched, owners and team leads told live.
            Casework casework = new Casework(caseFile, new CallFirstContacts(callRecords, config.centre().numbers()),
                    config.cases().replies(), new EscalationRule(config.cases().escalateAtOnce(), new TeamLeads(config.agents())),
                    new LiveCaseNotices(live), clock, new SecureRandom());
            parts.push(CaseDeadlineWatch.start(vertx, casework, CASES_FIRST_CHECK, CASES_EVERY));
            CasesResource casesApi = new CasesResource(vertx, casework, caseFile, config.centre().numbers(), roster::contains,
                    new org.hotline.cases.CaseWorkers(new TeamLeads(config.agents())), clock);
            ReportsResource reports = new ReportsResource(vertx, rollups, storedReports,
                    new BreachFinder(callRecords, config.reports(), clock), config.centre().timeZone(),
                    java.util.Set.copyOf(config.ivr().menu().options().values()), roster::contains,
                    new CaseReports(caseFile, config.cases().replies(), clock))
                    .withOutbound(new OutboundReports(store.campaignContacts(), store.campaignAttempts()))
                    .withAudit(dayAudit(config, store, rollups)::of);
            MongoCampaigns campaigns = new MongoCampaigns(store.campaigns());
            MongoContactBook contactBook = new MongoContactBook(store.campaignContacts(), store.campaignAttempts())
                    .dialOnlyWith(upkeep.lease());
            MongoDoNotCallList doNotCall = new MongoDoNotCallList(store.doNotCall());
            DoNotCallResource doNotCallApi = new DoNotCallResource(vertx, doNotCall, config.centre().contactNumbers(), clock);
            CampaignRunner runner = new CampaignRunner(campaigns, contactBook,
                    new org.hotline.campaign.NotToDial(doNotCall, config.callbacks().numbers()), agentless, campaignAgents, agentFirst, clock,
                    config.campaigns().dialerName(), config.campaigns().callsPerSecond());
            parts.push(runner);
            runner.settleWith(new CelSwitchLog(config.celFile(), config.centre().numbers(), clock));
            runner.publishProgress(live);
            runner.dialOnlyWhile(upkeep.lease()::stillHeld);
            upkeep.whenLeaseHeld(runner::start);
            CampaignContactSources contactSources = new CampaignContactSources(new AbandonedCallers(store.calls()), caseFile,
                    customers, config.centre().numbers(), config.centre().timeZone());
            CampaignsResource campaignsApi = new CampaignsResource(vertx, campaigns, contactBook, contactSources,
                    new ContactUpload(config.centre().contactNumbers(), doNotCall, clock),
                    new CampaignContacts(store.campaignContacts(), clock), config.mongo().dataDir().resolveSibling("uploads"),
                    runner, config.centre().numbers(),
                    number -> config.centre().numbers().timeZoneOf(number).orElse(config.centre().timeZone()),
                    config.promptsDir(), clock);
            org.hotline.store.MongoUsers users = new org.hotline.store.MongoUsers(store.users());
            Passwords passwords = new Passwords(Passwords.STANDARD_COST);
            upkeep.whenStoreUp(() -> FirstRun.adminWhenNoUsers(vertx, users, passwords, config.access()));
            AccessApi access = new AccessApi(vertx, config.access(), users, passwords,
                    new org.hotline.store.MongoAuditLog(store.auditLog()), roster::contains, config.http().tls() != null, clock);
            ContractCheck contract = ContractCheck.load(vertx).await(10, TimeUnit.SECONDS);
            HttpServer http = HttpApi.start(vertx, config.http(), contract, health, callRecords, floor, customersApi,
                    live, reports, casesApi, campaignsApi,
                    new CampaignOutcomeResource(vertx, campaigns, new DifficultCustomer(contactBook, clock), runner,
                            agent -> floor.agent(agent).map(status -> status.state() == org.hotline.routing.AgentState.WRAP_UP)),
                    new PreviewResource(campaignAgents::accept, campaignAgents::decline), doNotCallApi, access,
                    new SettingsResource(vertx, config, hours, savedHours, clock),
                    new AgentSkillsResource(vertx, floor, config.queues(), savedSkills, clock), meters, clock)
                    .await(10, TimeUnit.SECONDS);
            parts.push(() -> http.close().await(5, TimeUnit.SECONDS));
            // Closed first: a graceful stop lets conversations end before the scripts and the AMI link go.
            parts.push(() -> {
                long started = System.nanoTime();
                floor.drain(config.callbacks().drainLimit(), ami::isConnected);
                runner.drain(config.callbacks().drainLimit().minusNanos(System.nanoTime() - started));
            });
            LOG.info("Hotline up: HTTP {}:{}, FastAGI {}:{}, AMI {}:{}", config.http().bindAddress(), http.actualPort(),
                    config.agi().bindAddress(), config.agi().port(), config.ami().host(), config.ami().port());
            return new HotlineServer(parts, http.actualPort(), ami, live);
        } catch (Exception | Error e) {
            closeAll(parts);
            throw e;
        }
    }

    /** Another server runs this store's floor: this one answers health alone, naming it, and runs nothing else. */
    private static HotlineServer standby(HotlineConfig config, org.hotline.store.StoreLease.Holder holder,
                                         Deque<AutoCloseable> parts) throws Exception {
        LOG.error("another server runs the floor of this store ({}): this server does not run the floor, the callback desk, "
                + "the campaign dialers or the schedulers; it stays on standby", holder.describe());
        StandbyHealth standby = StandbyHealth.start(config.http(), holder);
        parts.push(standby);
        return new HotlineServer(parts, standby.port(), null, null);
    }

    /**
     * Once per store: records an earlier version wrote with a wrong agent answer time are corrected,
     * their days counted again and their kept reports made again (see docs/figures.md).
     */
    private static void correctAnswerTimes(MongoStore store, HourlyRollups rollups, ReportArchive archive, HotlineConfig config,
                                           Clock clock) {
        try {
            java.time.ZoneId zone = config.centre().timeZone();
            new org.hotline.store.AnswerTimesUpgrade(store, config.routing().talkWarning(), config.routing().talkLimit(), zone, clock)
                    .runOnce().filter(changes -> changes.records() > 0).ifPresent(changes -> {
                        for (java.time.LocalDate day : changes.days()) {
                            rollups.recompute(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
                        }
                        int reports = archive.remakeCovering(changes.days());
                        LOG.info("reports: {} call record(s) of an earlier version had a wrong agent answer time; {} recovered "
                                        + "from talk-time timers, {} now marked unknown (left out of answer-time figures); "
                                        + "{} day(s) counted again, {} kept report(s) made again", changes.records(),
                                changes.answersRecovered(), changes.answersUnknown(), changes.days().size(), reports);
                    });
        } catch (RuntimeException e) {
            LOG.warn("reports: records of an earlier version not corrected now ({}); the next start tries again", e.toString());
        }
    }

    /** The day's audit against Asterisk's CEL file ({@code bin/hotline audit DAY}, {@code GET /api/reports/audit}). */
    public static DayAudit dayAudit(HotlineConfig config, MongoStore store, HourlyRollups rollups) {
        return new DayAudit(new org.hotline.audit.CelAudit(config.ivr().hotlineContext(),
                org.hotline.audit.AuditRules.of(config.reports()), config.centre().timeZone()),
                config.celFile(), new org.hotline.store.AuditRecords(store.calls()), rollups);
    }

    /** Adds the configured customers the file does not have; MongoDB being away must not stop the hotline. */
    private static void seed(MongoCustomerFile customers, List<Customer> seed) {
        if (seed.isEmpty()) {
            return;
        }
        try {
            LOG.info("customer file: {} of {} configured customers added", customers.seed(seed), seed.size());
        } catch (RuntimeException e) {
            LOG.warn("customer file: configured customers not added, MongoDB unavailable ({}); they are added at the next start",
                    e.toString());
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public boolean amiConnected() {
        return ami != null && ami.isConnected();
    }

    /** Where events for agent desktops and wall boards are published ({@code GET /api/live}). */
    public LiveFeed live() {
        return live;
    }

    @Override
    public void close() {
        closeAll(parts);
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
    }
}
