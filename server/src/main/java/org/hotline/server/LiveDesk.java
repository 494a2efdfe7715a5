package org.hotline.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.call.AgentDesk;
import org.hotline.call.ScreenPop;
import org.hotline.customer.Customer;
import org.hotline.live.LiveEvent;
import org.hotline.live.LiveFeed;
import org.hotline.store.CallRecord;
import org.hotline.store.CallRecords;
import org.slf4j.LoggerFactory;

/**
 * Screen pops on the live channel: the moment an agent's phone rings, their desktop gets the
 * caller, the customer file's entry, the priority badges, how long they waited, their last
 * calls and their cases that are not closed. The history is read off the flow's thread, so the phone never rings later for it.
 */
final class LiveDesk implements AgentDesk {

    private static final int HISTORY = 5;

    private final LiveFeed live;
    private final CallRecords records;

    LiveDesk(LiveFeed live, CallRecords records) {
        this.live = live;
        this.records = records;
    }

    @Override
    public void offered(ScreenPop pop) {
        Thread.ofVirtual().name("screen-pop-" + pop.call().value()).start(() -> live.publish(
                LiveEvent.forAgent("offered", pop.agent().value(), data(pop), pop.ringAt())));
    }

    private Map<String, Object> data(ScreenPop pop) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("call", pop.call().value());
        data.put("queue", pop.queue());
        data.put("callback", pop.callback());
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("number", pop.caller().number());
        caller.put("name", pop.caller().name());
        caller.put("e164", pop.known().e164());
        data.put("caller", caller);
        Customer customer = pop.known().customer();
        if (customer != null) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", customer.name());
            file.put("vip", customer.vip());
            file.put("advisor", customer.advisor() == null ? null : customer.advisor().value());
            file.put("note", customer.note());
            data.put("customer", file);
        }
        data.put("vip", pop.known().vip());
        data.put("longDistance", pop.known().longDistance());
        data.put("waitedSeconds", Duration.between(pop.waitingSince(), pop.ringAt()).toSeconds());
        // The handbook: a caller kept waiting long gets an apology from the agent as well.
        data.put("waitedLong", pop.waitedLong());
        data.put("history", history(pop));
        data.put("openCases", pop.known().openCases().stream().map(LiveCaseNotices::data).toList());
        return data;
    }

    private List<Object> history(ScreenPop pop) {
        List<Object> past = new ArrayList<>();
        if (pop.caller().number() == null) {
            return past;
        }
        try {
            for (CallRecord call : records.recentByCaller(pop.caller().number(), HISTORY + 1)) {
                if (pop.call().value().equals(call.id())) {
                    continue; // this very call
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("call", call.id());
                entry.put("arrivalAt", call.arrivalAt() == null ? null : call.arrivalAt().toString());
                entry.put("queue", call.queue());
                entry.put("agent", call.agent());
                entry.put("outcome", call.outcome());
                past.add(entry);
                if (past.size() == HISTORY) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(LiveDesk.class).warn("screen pop without history: {}", e.getMessage());
        }
        return past;
    }
}
