package org.hotline.server;

import org.hotline.telephony.agi.HeldDeadline;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.hotline.config.HotlineConfig;
import org.hotline.telephony.agi.AgentFeatureScript;
import org.hotline.telephony.agi.AgiServer;
import org.hotline.telephony.agi.AgentFirstScript;
import org.hotline.telephony.agi.CampaignAnsweredScript;
import org.hotline.telephony.agi.CampaignScript;
import org.hotline.telephony.agi.InboundScript;
import org.hotline.telephony.agi.TransferScript;
import org.hotline.telephony.ami.AgentAnswers;
import org.hotline.telephony.ami.AgentPhones;
import org.hotline.telephony.ami.AmiEventTranslator;
import org.hotline.telephony.ami.AmiLink;
import org.hotline.telephony.ami.AsteriskNodes;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.telephony.ami.DialplanGlobals;
import org.hotline.telephony.pjsip.AgentAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk: the FastAGI scripts and an AMI link to each node. FastAGI listens only once a node's AMI link is logged in, as calls
 * are taken only once their events can be followed; until then Asterisk's fallback has them.
 */
record TelephonyModule(AgiServer agi, AsteriskNodes nodes, AgentAccounts accounts) {

    private static final Logger LOG = LoggerFactory.getLogger(TelephonyModule.class);
    /** How long a caller taken back from Asterisk's fallback at start-up waits for the open records to be adopted. */
    private static final java.time.Duration ADOPTIONS_WAIT = java.time.Duration.ofSeconds(3);

    static TelephonyModule start(Platform platform, Instant startedAt, StoreModule stored, RecordsModule records,
                                 OutboundLines lines, FloorModule floorParts) throws Exception {
        HotlineConfig config = platform.config();
        Clock clock = platform.clock();
        var floor = floorParts.floor();
        var flow = floorParts.flow();
        var tracker = floorParts.tracker();
        var events = floorParts.events();
        var dialTimes = lines.dialTimes();
        var prompts = lines.prompts();
        var agentFirst = lines.agentFirst();
        var upkeep = stored.upkeep();
        HeldDeadline held = new HeldDeadline(config.agi().answerDeadline().server(),
                org.hotline.prompts.PromptLibrary.longest(config.promptsDir()));
        AgiServer agi = AgiServer.prepare(config.agi(), Map.of(
                "campaign-agent", AgentFirstScript.campaignAgents(agentFirst, config.ivr().language(), config.campaigns().ring(), clock,
                        dialTimes),
                "campaign-answered", new CampaignAnsweredScript(agentFirst, config.ivr().language(), clock),
                "inbound", new InboundScript(flow, config.ivr().language(), tracker::arrivalOf, clock, platform.meters(), prompts, events,
                        dialTimes, () -> events.awaitAdoptions(ADOPTIONS_WAIT), held, lines.nodes().agentDial()),
                "agent-feature", new AgentFeatureScript(floor, config.ivr().language()),
                "wrap-up-code", new org.hotline.telephony.agi.WrapUpCodeScript(floor, config.ivr().language()),
                "transfer", new TransferScript(flow, config.ivr().language(), clock, prompts, dialTimes, held, lines.nodes().agentDial()),
                "consult", new org.hotline.telephony.agi.ConsultScript(floorParts.roster()::activeIds, lines.nodes().agentDial()),
                "callback", AgentFirstScript.callbacks(floor, config.ivr().language(), config.callbacks().customerRing(), clock,
                        dialTimes),
                "campaign", new CampaignScript(lines.agentless(), config.ivr().language(), clock)));
        platform.parts().push(agi);

        AsteriskNodes nodes = lines.nodes();
        CallsThroughACrash crash = new CallsThroughACrash(new org.hotline.recovery.StartupRecovery(
                new org.hotline.store.MongoOpenRecords(stored.store().calls()), new org.hotline.audit.CelFiles(config.celFiles()),
                new org.hotline.audit.CelCalls(config.ivr().hotlineContext(), platform.agentRing()), config.rings(), records.journal(),
                events, clock), events, nodes, config.nodes().stream().map(org.hotline.config.HotlineConfig.Node::name).toList(), startedAt, clock, () -> upkeep.watch().up());
        AgentAccounts accounts = new AgentAccounts(floorParts.roster()::active, config.agentSecrets(), config.agentsFrontDoor().isPresent());
        Map<AmiLink, AgentPhones> phonesOf = new java.util.concurrent.ConcurrentHashMap<>();
        HeldCallersReturning returning = new HeldCallersReturning(floor, config.agi().answerDeadline().server());
        for (HotlineConfig.Node node : config.nodes()) {
            AmiEventTranslator translator = new AmiEventTranslator(config.ivr().hotlineContext(), clock, node.name());
            org.hotline.telephony.ami.TransferEvents transfers = new org.hotline.telephony.ami.TransferEvents(clock);
            AgentPhones phones = new AgentPhones(accounts, floorParts.roster()::activeIds, node.etc(),
                    nodes.registrationsOf(node.name(), floor::phoneRegistered), nodes.agentDial().browsers());
            AtomicReference<AmiLink> self = new AtomicReference<>();
            AmiLink ami = new AmiLink(node,
                    event -> {
                        nodes.onEvent(node.name(), event); // first: an action about a new channel finds its node
                        translator.translate(event).ifPresent(t -> events.publish(t.id(), t.event()));
                        transfers.translate(event).ifPresent(t -> events.publish(t.id(), t.event()));
                        phones.onEvent(event);
                        dialTimes.onEvent(event);
                        AgentAnswers.of(event).ifPresent(agent -> floor.agentAnswered(agent, AmiEventTranslator.timeOf(event, clock)));
                        crash.onEvent(self.get(), event);
                    },
                    link -> {
                        returning.afterLogin(link); // before the node's phones: no agent of it is offered a call until then
                        phones.install(link);
                        crash.afterLogin(link);
                        DiallingSettlement kept = floorParts.settlement().get();
                        if (kept != null) {
                            kept.start(nodes.all());
                        }
                        // Calls are taken only once their events can be followed: until then Asterisk's fallback has them.
                        DialplanGlobals.install(link, config.agi(), config.rings());
                        try {
                            agi.listen();
                        } catch (java.io.IOException e) {
                            LOG.error("{}", e.getMessage());
                        }
                    }, clock);
            self.set(ami);
            phonesOf.put(ami, phones);
            platform.parts().push(ami);
            nodes.add(ami);
            platform.meters().gauge("hotline.ami.node.connected", io.micrometer.core.instrument.Tags.of("node", node.name()), ami,
                    link -> link.isConnected() ? 1 : 0);
        }
        // The roster changed from the console: each node's accounts rewritten and loaded (no restart).
        floorParts.roster().reloadPhonesWith(() -> phonesOf.forEach((link, phones) -> {
            if (link.isConnected()) {
                phones.install(link);
            }
        }));
        nodes.all().forEach(AmiLink::start);
        platform.meters().gauge("hotline.ami.connected", nodes, all -> all.anyConnected() ? 1 : 0);
        return new TelephonyModule(agi, nodes, accounts);
    }
}
