package org.hotline.server;

import io.vertx.core.Context;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.call.CallTracker;
import org.hotline.call.CentreHours;
import org.hotline.call.InboundFlow;
import org.hotline.call.Messages;
import org.hotline.call.Reception;
import org.hotline.call.Sleeper;
import org.hotline.campaign.OutboundScript;
import org.hotline.cases.CallerRecognition;
import org.hotline.config.HotlineConfig;
import org.hotline.floor.Floor;
import org.hotline.floor.FloorCampaignAgents;
import org.hotline.floor.FloorRules;
import org.hotline.http.live.LiveResource;
import org.hotline.metrics.CallMetrics;
import org.hotline.routing.Agent;
import org.hotline.routing.AgentSelection;
import org.hotline.routing.Distributor;
import org.hotline.routing.PriorityRules;
import org.hotline.store.AgentTimeRecorder;
import org.hotline.store.MongoAgentSkills;
import org.hotline.store.MongoServiceHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The floor and what feeds it: service hours and skills as last changed from the console, call tracking,
 * the floor itself (restored once the store answers), the inbound flow and the campaign agents.
 */
record FloorModule(CentreHours hours, MongoServiceHours savedHours, MongoAgentSkills savedSkills, CallTracker tracker,
                   Floor floor, AtomicReference<DiallingSettlement> settlement, SerialCallEvents events, InboundFlow flow,
                   FloorCampaignAgents campaignAgents, LiveRoster roster) {

    private static final Logger LOG = LoggerFactory.getLogger(FloorModule.class);
    /** A returning caller's cases shown on the screen pop (their newest case's owner is offered the call first). */
    private static final int OPEN_CASES_SHOWN = 5;
    /** How long a previewed campaign contact waits for its agent to accept. */
    private static final java.time.Duration PREVIEW_WAIT = java.time.Duration.ofSeconds(60);

    static FloorModule start(Platform platform, StoreModule stored, RecordsModule records, OutboundLines lines) {
        HotlineConfig config = platform.config();
        Clock clock = platform.clock();
        LiveResource live = platform.live();
        var store = stored.store();
        StoreUpkeep upkeep = stored.upkeep();
        MongoServiceHours savedHours = new MongoServiceHours(store.settings());
        CentreHours hours = new CentreHours(config.hours());
        if (upkeep.watch().up()) try { // the store away: the configured hours apply until the next start
            savedHours.load(config.centre().timeZone()).ifPresent(saved -> {
                hours.change(saved);
                LOG.info("service hours as last changed from the console (they win over hours: in the configuration)");
            });
        } catch (RuntimeException e) {
            LOG.warn("service hours changed from the console not read ({}); the configuration's apply", e.toString());
        }
        MongoAgentSkills savedSkills = new MongoAgentSkills(store.settings());
        LiveRoster roster = new LiveRoster(new org.hotline.store.MongoRoster(store.roster()), platform.roster(), config.agents(),
                savedSkills, clock);
        List<Agent> startingAgents = config.agents();
        if (upkeep.watch().up()) try { // the store away: the seed file's agents and skills apply until the next start
            startingAgents = StartingRoster.of(roster.start(config.agents()), savedSkills.load(), config.queues());
        } catch (RuntimeException e) {
            LOG.warn("the roster or skills changed from the console not read ({}); the seed file's apply", e.toString());
        }
        CallMetrics recorded = new CallMetrics(records.journal(), platform.meters(), clock, config.centre().timeZone());
        CallTracker tracker = new CallTracker(config.rings(), recorded);
        Context floorContext = platform.vertx().getOrCreateContext();
        Floor floor = new Floor(floorContext,
                new Distributor(startingAgents, PriorityRules.standard(), AgentSelection.mostSkilledThenLongestIdle(), clock),
                new FloorRules(config.routing().wrapUp(), config.routing().waiting().agentRing(),
                        config.callbacks().policy(), hours, config.routing().talkTime()),
                new LeasedCallbackDialer(lines.callbackDialer(), upkeep.lease()), recorded::append, clock);
        floor.codeWrapUpsWith(config.routing().wrapUpCodes(), config.routing().wrapUpCodeRule());
        roster.seatOn(floor);
        // What the floor kept (desk states, open callbacks, tries left dialling) is read once the store answers.
        AtomicReference<DiallingSettlement> settlement = new AtomicReference<>();
        upkeep.whenStoreUp(() -> {
            DiallingSettlement kept = KeptFloor.restore(floor, store, upkeep.fence(), config, clock);
            settlement.set(kept);
            if (!lines.nodes().all().isEmpty()) {
                kept.start(lines.nodes().all()); // a try it cannot settle yet is tried again at the next login
            }
        });
        platform.parts().push(() -> floor.finishWrites(java.time.Duration.ofSeconds(5)));
        floor.publishAgentStates(live);
        floor.publishQueues(live);
        floor.measureWith(platform.meters());
        floor.recordAgentTime(new AgentTimeRecorder(records.rollups(),
                store.agentTimeWritten(), upkeep.spool()));
        upkeep.start(records.rollups());
        platform.parts().push(() -> floor.flushAgentTime().await(5, TimeUnit.SECONDS)); // before the spool closes
        SerialCallEvents events = new SerialCallEvents(floorContext, tracker, floor, clock);
        Reception reception = new Reception(
                new CallerRecognition(config.centre().numbers(), records.customers(), config.centre().longDistance(),
                        e164 -> records.caseFile().notClosedOf(e164, OPEN_CASES_SHOWN)),
                new LiveDesk(live, records.callRecords()), config.recordings().rules());
        org.hotline.telephony.MessageFiles messageFiles = new org.hotline.telephony.MessageFiles(config.callbacks().messages().directory());
        messageFiles.prepare();
        Messages messages = new Messages(config.callbacks().messages().rules(), messageFiles,
                new org.hotline.store.MongoMessageTasks(store.messageTasks(), store.calls(), upkeep.fence()));
        InboundFlow flow = new InboundFlow(config.rings(), config.ivr().menu(), floor, config.routing().waiting(), reception,
                hours, clock, Sleeper.on(clock), events, messages);
        // Messages a stopped server left without their task, once the floor has what it kept (at start-up and at a take-over).
        upkeep.whenStoreUp(() -> platform.parts().push(MessageSweeping.start(new org.hotline.call.MessageSweep(messages, floor,
                config.routing().waiting().afterHoursQueue(), clock, recorded::append))));
        FloorCampaignAgents campaignAgents = new FloorCampaignAgents(floor, live,
                new OutboundScript(config.company().name(), config.company().nameEn()), PREVIEW_WAIT, clock);
        return new FloorModule(hours, savedHours, savedSkills, tracker, floor, settlement, events, flow, campaignAgents, roster);
    }
}
