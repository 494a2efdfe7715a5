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
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.Contact;
import org.hotline.campaign.OutboundLine;
import org.hotline.customer.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agentless campaign calls over AMI: an asynchronous Originate ({@link AgentlessOriginate}) dials
 * the customer through {@code [hotline-outbound]}; once they answer, their channel enters
 * {@code [hotline-campaign]}, whose script (survey or notice) finds the call here by the contact id
 * and reports what the customer did.
 */
public final class AgentlessLine implements OutboundLine {

    /** Channel variable naming the contact the answered channel belongs to. */
    public static final String CONTACT_VARIABLE = "HOTLINE_CAMPAIGN_CONTACT";
    /** Channel variable asking the dialplan to run answering-machine detection before the script. */
    static final String DETECT_MACHINE_VARIABLE = "HOTLINE_DETECT_MACHINE";
    /** How long an answered call may take (the message or the survey) before it is written off as reached. */
    private static final Duration LONGEST_CALL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(AgentlessLine.class);

    private final AsteriskNodes nodes;
    private final PhoneNumbers numbers;
    private final Duration ring;
    private final Clock clock;
    private final Map<String, UnderWay> calls = new ConcurrentHashMap<>();

    /** @param numbers how the centre dials a customer's E.164 number through its trunk */
    public AgentlessLine(AsteriskNodes nodes, PhoneNumbers numbers, Duration ring, Clock clock) {
        this.nodes = nodes;
        this.numbers = numbers;
        this.ring = ring;
        this.clock = clock;
    }

    /** A campaign call whose customer answered, as its script sees it. */
    public static final class UnderWay {
        private final Campaign campaign;
        private final Contact contact;
        private final Listener listener;
        private final CompletableFuture<Integer> ended = new CompletableFuture<>();
        private volatile Instant answeredAt;
        private volatile boolean machine;

        UnderWay(Campaign campaign, Contact contact, Listener listener) {
            this.campaign = campaign;
            this.contact = contact;
            this.listener = listener;
        }

        public Campaign campaign() {
            return campaign;
        }

        public Contact contact() {
            return contact;
        }

        public void answered(Instant at) {
            answeredAt = at;
            listener.answered(at);
        }

        /** The script is done; {@code surveyScore} is the keypad answer, or null. */
        public void ended(Integer surveyScore) {
            ended.complete(surveyScore);
        }

        /** An answering machine took the call (the notice, if any, was left on it). */
        public void answeringMachine() {
            machine = true;
            ended.complete(null);
        }
    }

    @Override
    public boolean ready() {
        return nodes.anyConnected();
    }

    /** The call of this contact that is under way on this server, if any. */
    public Optional<UnderWay> underWay(String contactId) {
        return Optional.ofNullable(calls.get(contactId));
    }

    @Override
    public void dial(Campaign campaign, Contact contact, Listener listener) {
        Thread.ofVirtual().name("campaign-" + contact.id()).start(() -> listener.ended(place(campaign, contact, listener)));
    }

    private Result place(Campaign campaign, Contact contact, Listener listener) {
        AmiLink ami = nodes.forNewCall();
        Optional<String> dialled = numbers.dialFromCentre(contact.number());
        if (ami == null || !ami.isConnected() || dialled.isEmpty()) {
            return Result.of(AttemptOutcome.FAILED);
        }
        UnderWay call = new UnderWay(campaign, contact, listener);
        calls.put(contact.id(), call);
        try {
            OriginateAction originate = AgentlessOriginate.dialCustomer(dialled.get(), campaign, contact, ring);
            List<ResponseEvent> events = ami.await(originate, ring.plusSeconds(15));
            OriginateResponseEvent response = events.stream().filter(OriginateResponseEvent.class::isInstance)
                    .map(OriginateResponseEvent.class::cast).findFirst().orElse(null);
            if (response == null || !"Success".equalsIgnoreCase(response.getResponse())) {
                return Result.of(outcomeOf(response == null ? null : response.getReason()));
            }
            Instant answered = call.answeredAt == null ? clock.instant() : call.answeredAt;
            Integer score;
            try {
                score = call.ended.get(LONGEST_CALL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("campaign {}: the call to contact {} did not end within {}", campaign.id(), contact.id(), LONGEST_CALL);
                score = null;
            }
            return new Result(call.machine ? AttemptOutcome.ANSWERING_MACHINE : AttemptOutcome.REACHED,
                    call.answeredAt == null ? answered : call.answeredAt, score);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.of(AttemptOutcome.INTERRUPTED);
        } catch (Exception e) {
            LOG.warn("campaign {}: contact {} not dialled: {}", campaign.id(), contact.id(), e.toString());
            return Result.of(AttemptOutcome.FAILED);
        } finally {
            calls.remove(contact.id());
        }
    }

    /** Asterisk's originate reasons (its control frame numbers): 3 rang out, 5 busy, 8 congestion, 1 hung up. */
    static AttemptOutcome outcomeOf(Integer reason) {
        if (reason == null) {
            return AttemptOutcome.FAILED;
        }
        return switch (reason) {
            case 1, 3 -> AttemptOutcome.NO_ANSWER;
            case 5 -> AttemptOutcome.BUSY;
            default -> AttemptOutcome.FAILED;
        };
    }
}
