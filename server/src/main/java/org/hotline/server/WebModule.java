package org.hotline.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hotline.access.Passwords;
import org.hotline.campaign.DifficultCustomer;
import org.hotline.campaign.upload.ContactUpload;
import org.hotline.config.HotlineConfig;
import org.hotline.http.users.AccessApi;
import org.hotline.http.agents.AgentSkillsResource;
import org.hotline.http.campaigns.CampaignOutcomeResource;
import org.hotline.http.campaigns.CampaignsResource;
import org.hotline.http.cases.CasesResource;
import org.hotline.http.contract.ContractCheck;
import org.hotline.http.customers.CustomersResource;
import org.hotline.http.donotcall.DoNotCallResource;
import org.hotline.http.agents.AgentsResource;
import org.hotline.http.callbacks.CallbackMessageResource;
import org.hotline.http.callbacks.CallbacksResource;
import org.hotline.telephony.MessageFiles;
import org.hotline.http.calls.CallsResource;
import org.hotline.http.health.HealthResource;
import org.hotline.http.health.MetricsResource;
import org.hotline.http.queues.QueuesResource;
import org.hotline.http.HttpApi;
import org.hotline.http.agents.PreviewResource;
import org.hotline.http.agents.RosterResource;
import org.hotline.http.reports.ReportsResource;
import org.hotline.http.settings.SettingsResource;
import org.hotline.shared.AgentId;
import org.hotline.reporting.BreachFinder;
import org.hotline.store.CampaignContacts;
import org.hotline.store.CaseReports;
import org.hotline.store.OutboundReports;

/** The HTTP API and the pages: health, resources, access; the first administrator on a store with no users. */
final class WebModule {

    private WebModule() {
    }

    static HttpServer start(Platform platform, StoreModule stored, RecordsModule records, TelephonyModule telephony,
                            FloorModule floorParts, UpkeepModule upkeepParts, CampaignsModule campaignParts)
            throws Exception {
        HotlineConfig config = platform.config();
        Clock clock = platform.clock();
        Vertx vertx = platform.vertx();
        Set<AgentId> roster = platform.roster();
        var store = stored.store();
        var upkeep = stored.upkeep();
        var floor = floorParts.floor();
        var customers = records.customers();
        var callRecords = records.callRecords();
        var caseFile = records.caseFile();
        var campaigns = campaignParts.campaigns();
        var contactBook = campaignParts.contactBook();
        var doNotCall = campaignParts.doNotCall();
        var runner = campaignParts.runner();
        var campaignAgents = floorParts.campaignAgents();
        Map<String, BooleanSupplier> health = new LinkedHashMap<>();
        health.put("ami", telephony.nodes()::anyConnected);
        if (telephony.nodes().several()) {
            // one node down leaves the others' calls going: degraded, naming it
            telephony.nodes().all().forEach(link -> health.put("ami-" + link.node(), org.hotline.http.DegradedPart.of(
                    link::isConnected, () -> "AMI link to node " + link.node() + " down" + link.droppedAt().map(at -> " since " + at).orElse(""),
                    () -> java.util.Map.of("node", link.node()))));
        }
        RecordingsModule recordings = RecordingsModule.start(platform, stored, records);
        health.put("recordings", recordings.health());
        health.put("agi", telephony.agi()::isListening);
        health.put("mongo", upkeep.storeHealth());
        health.put("lease", upkeep.leaseHealth());
        org.hotline.metrics.LeaseMeters leaseMeters = new org.hotline.metrics.LeaseMeters(upkeep::standing, platform.meters());
        org.hotline.metrics.SpoolMeters spoolMeters = new org.hotline.metrics.SpoolMeters(upkeep.spool()::waiting, platform.meters());
        vertx.setPeriodic(StoreUpkeep.WATCH_EVERY.toMillis(), tick -> {
            leaseMeters.refresh();
            vertx.executeBlocking(spoolMeters::refresh, false);
        });
        CustomersResource customersApi = new CustomersResource(vertx, customers, config.centre().numbers(), roster::contains);
        CasesResource casesApi = new CasesResource(vertx, upkeepParts.casework(), caseFile, config.centre().numbers(),
                roster::contains, new org.hotline.cases.CaseWorkers(new org.hotline.cases.TeamLeads(floorParts.roster()::activeAgents)), clock);
        ReportsResource reports = new ReportsResource(vertx, records.rollups(), upkeepParts.storedReports(),
                new BreachFinder(callRecords, config.reports(), clock), config.centre().timeZone(),
                java.util.Set.copyOf(config.ivr().menu().options().values()), roster::contains,
                new CaseReports(caseFile, config.cases().replies(), clock))
                .withOutbound(new OutboundReports(store.campaignContacts(), store.campaignAttempts()))
                .withAudit(HotlineServer.dayAudit(config, store, records.rollups())::of)
                .withWrapUpCodes(new org.hotline.store.MongoWrapUpCodes(store.calls()));
        DoNotCallResource doNotCallApi = new DoNotCallResource(vertx, doNotCall, config.centre().contactNumbers(), clock);
        CampaignsResource campaignsApi = new CampaignsResource(vertx, campaigns, contactBook, campaignParts.contactSources(),
                new ContactUpload(config.centre().contactNumbers(), doNotCall, clock),
                new CampaignContacts(store.campaignContacts(), clock), config.mongo().dataDir().resolveSibling("uploads"),
                runner, config.centre().numbers(),
                number -> config.centre().numbers().timeZoneOf(number).orElse(config.centre().timeZone()),
                config.promptsDir(), clock);
        org.hotline.store.MongoUsers users = new org.hotline.store.MongoUsers(store.users());
        Passwords passwords = new Passwords(Passwords.STANDARD_COST);
        upkeep.whenStoreUp(() -> FirstRun.adminWhenNoUsers(vertx, users, passwords, config.access()));
        AccessApi access = new AccessApi(vertx, config.access(), users, passwords,
                new org.hotline.store.MongoAuditLog(store.auditLog()), stored.sessions(), roster::contains,
                config.http().tls() != null, clock);
        RosterResource rosterApi = RosterCases.of(config, floorParts.roster(), new org.hotline.store.MongoRoster(store.roster()),
                new org.hotline.access.AgentLogins(users, passwords, access.sessions()), vertx);
        ContractCheck contract = ContractCheck.load(vertx).await(10, TimeUnit.SECONDS);
        HttpServer http = HttpApi.start(vertx, config.http(), new HttpApi.Web(upkeep.storeHealth(), access.guard(), contract, List.of(
                access, new SettingsResource(vertx, config, floorParts.hours(), floorParts.savedHours(), clock),
                new HealthResource(vertx, health), new CallsResource(vertx, callRecords, clock), new AgentsResource(floor),
                new AgentSkillsResource(vertx, floor, config.queues(), floorParts.savedSkills(), clock),
                new CallbacksResource(floor),
                new CallbackMessageResource(vertx, new MessageFiles(config.callbacks().messages().directory()),
                        new org.hotline.store.MongoDeletedMessages(store.calls())::deletedAt), new QueuesResource(floor), customersApi, platform.live(), reports, casesApi,
                campaignsApi,
                new CampaignOutcomeResource(vertx, campaigns, new DifficultCustomer(contactBook, clock), runner,
                        agent -> floor.agent(agent).map(status -> status.state() == org.hotline.routing.AgentState.WRAP_UP)),
                new PreviewResource(campaignAgents::accept, campaignAgents::decline), doNotCallApi,
                new org.hotline.http.agents.WrapUpResource(floor::wrapUpCall, floor::chooseWrapUpCode),
                new org.hotline.http.agents.BrowserPhoneResource(vertx, config.browserPhone(), agent -> new org.hotline.http.agents.BrowserPhoneResource.Account(
                        org.hotline.telephony.pjsip.AgentAccounts.browserEndpoint(agent), telephony.accounts().browserPassword(agent))),
                new org.hotline.http.agents.MonitorResource(vertx, floor::agent,
                        new org.hotline.telephony.ami.ChanSpyLine(telephony.nodes(), config.routing().tellAgentOfListening())),
                new org.hotline.http.agents.TransferResource(vertx, floor::agent, config.queues(),
                        new org.hotline.telephony.ami.AtxferLine(telephony.nodes())),
                new MetricsResource(platform.meters()), rosterApi, recordings.resources(platform, records, telephony, contactBook)),
                servers(config.agi().servers())))
                .await(10, TimeUnit.SECONDS);
        platform.parts().push(() -> http.close().await(5, TimeUnit.SECONDS));
        return http;
    }

    /**
     * The addresses of this store's servers — the hosts Asterisk asks for its scripts — looked up once
     * at start: what a standby among them says of its client (X-Forwarded-For) is believed.
     */
    static Set<String> servers(List<String> agiServers) {
        Set<String> addresses = new java.util.HashSet<>();
        for (String server : agiServers) {
            String host = server.substring(0, server.lastIndexOf(':')).replace("[", "").replace("]", "");
            try {
                for (java.net.InetAddress address : java.net.InetAddress.getAllByName(host)) {
                    addresses.add(address.getHostAddress());
                }
            } catch (java.net.UnknownHostException e) {
                org.slf4j.LoggerFactory.getLogger(WebModule.class).warn("asterisk.agi.servers: {} not found; "
                        + "what it forwards is counted as its own address", host);
            }
        }
        return addresses;
    }
}
