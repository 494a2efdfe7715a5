package org.hotline.telephony.ami;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hotline.campaign.AgentFirstLine;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.AttemptRecording;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.Contact;
import org.hotline.campaign.OutboundLine.Result;
import org.hotline.customer.PhoneNumbers;
import org.hotline.shared.AgentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callback campaign calls over AMI, agent first: an asynchronous Originate rings the reserved
 * agent; once they answer, their leg runs the {@code campaign-agent} script, which finds the
 * call here by the contact id, dials the customer and reports how it went. The customer is
 * dialled in the form the centre dials them (computed here, from the checked E.164 number).
 */
public final class AgentFirstCampaignLine implements AgentFirstLine {

    private static final Logger LOG = LoggerFactory.getLogger(AgentFirstCampaignLine.class);
    /** How long after the agent answered the script may take to start before the call is written off. */
    private static final Duration SCRIPT_START = Duration.ofSeconds(15);
    /** The longest conversation followed; past it the attempt is recorded as it stands (a claim is stale after an hour). */
    private static final Duration LONGEST_CALL = Duration.ofMinutes(50);

    private final AsteriskNodes nodes;
    private final PhoneNumbers numbers;
    private final Duration ringAgent;
    private final Map<String, UnderWay> calls = new ConcurrentHashMap<>();

    /** @param ringAgent how long the agent's phone rings before they count as not answering */
    public AgentFirstCampaignLine(AsteriskNodes nodes, PhoneNumbers numbers, Duration ringAgent) {
        this.nodes = nodes;
        this.numbers = numbers;
        this.ringAgent = ringAgent;
    }

    /** A campaign call whose agent was rung, as the agent's script sees it. */
    public static final class UnderWay {
        private final Campaign campaign;
        private final Contact contact;
        private final AgentId agent;
        private final String dialled;
        private final Listener listener;
        private final CompletableFuture<Void> started = new CompletableFuture<>();
        private final CompletableFuture<Result> ended = new CompletableFuture<>();

        UnderWay(Campaign campaign, Contact contact, AgentId agent, String dialled, Listener listener) {
            this.campaign = campaign;
            this.contact = contact;
            this.agent = agent;
            this.dialled = dialled;
            this.listener = listener;
        }

        public Campaign campaign() {
            return campaign;
        }

        public AgentId agent() {
            return agent;
        }

        /** The file this attempt's conversation is recorded into (whether it is: the campaign's rules). */
        public AttemptRecording recording() {
            return new AttemptRecording(contact.id(), Math.max(1, contact.attempts()));
        }

        /** The customer's number as the centre dials it: digits only. */
        public String dialled() {
            return dialled;
        }

        /** The agent picked up and the script runs: the customer is dialled next. */
        public void agentAnswered(Instant at) {
            started.complete(null);
            listener.agentAnswered(at);
        }

        public void customerAnswered(Instant at) {
            listener.answered(at);
        }

        /** The script is done. @param answeredAt when the customer answered, or null */
        public void ended(AttemptOutcome outcome, Instant answeredAt) {
            ended.complete(new Result(outcome, answeredAt, null));
        }
    }

    @Override
    public boolean ready() {
        return nodes.anyConnected();
    }

    /** The call of this contact under way on this server, if any. */
    public Optional<UnderWay> underWay(String contactId) {
        return Optional.ofNullable(calls.get(contactId));
    }

    @Override
    public void dial(Campaign campaign, Contact contact, AgentId agent, Listener listener) {
        Thread.ofVirtual().name("campaign-agent-" + contact.id()).start(() -> listener.ended(place(campaign, contact, agent, listener)));
    }

    private Result place(Campaign campaign, Contact contact, AgentId agent, Listener listener) {
        AmiLink ami = nodes.forAgent(agent); // the agent's phone is rung from a node it is registered with
        if (ami == null || !ami.isConnected()) {
            return Result.of(AttemptOutcome.NEVER_DIALLED);
        }
        Optional<String> dialled = numbers.dialFromCentre(contact.number());
        if (dialled.isEmpty()) {
            return Result.of(AttemptOutcome.FAILED); // the number cannot be dialled at all: the customer's try, not the agent's
        }
        UnderWay call = new UnderWay(campaign, contact, agent, dialled.get(), listener);
        calls.put(contact.id(), call);
        try {
            List<ResponseEvent> events = ami.await(
                    AgentFirstOriginate.CAMPAIGN.ringAgent(nodes.agentDial(), agent, contact.number(), contact.id(), ringAgent), ringAgent.plusSeconds(10));
            if (!AgentFirstOriginate.agentAnswered(events)) {
                return Result.of(AttemptOutcome.AGENT_NO_ANSWER);
            }
            try {
                call.started.get(SCRIPT_START.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("campaign {}: agent {} answered but the script for contact {} never ran", campaign.id(), agent, contact.id());
                return Result.of(AttemptOutcome.NEVER_DIALLED);
            }
            try {
                return call.ended.get(LONGEST_CALL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("campaign {}: the call to contact {} did not end within {}", campaign.id(), contact.id(), LONGEST_CALL);
                return Result.of(AttemptOutcome.INTERRUPTED);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.of(call.started.isDone() ? AttemptOutcome.INTERRUPTED : AttemptOutcome.NEVER_DIALLED);
        } catch (Exception e) {
            LOG.warn("campaign {}: agent {} not rung for contact {}: {}", campaign.id(), agent, contact.id(), e.toString());
            return Result.of(call.started.isDone() ? AttemptOutcome.FAILED : AttemptOutcome.NEVER_DIALLED);
        } finally {
            calls.remove(contact.id());
        }
    }
}
