package org.hotline.telephony.agi;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannel;
import org.hotline.telephony.ami.DialTimes;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.shared.CallId;
import org.hotline.call.CallbackOutcome;
import org.hotline.shared.Language;
import org.hotline.call.Prompt;
import org.hotline.prompts.PromptLibrary;
import org.hotline.shared.AgentId;
import org.hotline.routing.CallbackRequest;
import org.hotline.floor.Floor;
import org.hotline.telephony.ami.AgentFirstDialer;
import org.hotline.telephony.pjsip.AgentAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FastAGI script {@code callback}, on the agent's answered leg of a callback: tells the agent
 * it is a callback, dials the customer, and reports how it went. The request and the agent are
 * checked against the floor: a leg that is not the one the floor reserved is refused.
 */
public final class CallbackScript implements AgiScript {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackScript.class);
    /** Where customers' numbers are dialled (dialplan/extensions.conf routes them to the provider). */
    private static final String OUTBOUND = "hotline-outbound";

    private final Floor floor;
    private final Language language;
    private final Duration customerRing;
    private final Clock clock;
    private final DialTimes times;

    /** @param times Asterisk's times of the legs: the agent's (this script's channel) and the customer's it dials */
    public CallbackScript(Floor floor, Language language, Duration customerRing, Clock clock,
            DialTimes times) {
        this.times = times;
        this.floor = floor;
        this.language = language;
        this.customerRing = customerRing;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Optional<AgentId> agent = AgentAccounts.agentOfChannel(request.getChannel());
        String requestId = channel.getVariable(AgentFirstDialer.REQUEST_VARIABLE);
        if (agent.isEmpty() || !CallId.isValid(requestId)) {
            LOG.warn("callback leg without a known agent or request; refused");
            channel.hangup();
            return;
        }
        CallId id = new CallId(requestId);
        Optional<CallbackRequest> callback = wait(floor.callbackAnswered(id, agent.get()));
        if (callback.isEmpty()) {
            channel.streamFile(PromptLibrary.asteriskName(language, Prompt.AGENT_REFUSED));
            channel.hangup();
            return;
        }
        CallbackOutcome outcome = CallbackOutcome.AGENT_NO_ANSWER; // the agent left before the customer was dialled
        Instant customerAnsweredAt = null;
        Duration talk = Duration.ZERO;
        boolean customerDialled = false;
        try {
            channel.streamFile(PromptLibrary.asteriskName(language, Prompt.CALLBACK_AGENT));
            long seconds = Math.max(1, customerRing.toSeconds());
            customerDialled = true;
            // The number was checked when the request was made (digits and an optional +, and the centre's dial rule).
            channel.exec("Dial", "Local/" + callback.get().number() + "@" + OUTBOUND + "," + seconds);
            DialResult dial = DialResult.read(channel, request.getUniqueId(), times, clock);
            outcome = switch (dial.status()) {
                case "ANSWER" -> CallbackOutcome.CUSTOMER_ANSWERED;
                case "BUSY" -> CallbackOutcome.CUSTOMER_BUSY;
                case "NOANSWER" -> CallbackOutcome.CUSTOMER_NO_ANSWER;
                case "CANCEL" -> CallbackOutcome.AGENT_NO_ANSWER; // the agent hung up while it rang
                default -> CallbackOutcome.CUSTOMER_UNAVAILABLE;
            };
            customerAnsweredAt = dial.answeredAt();
            talk = dial.talk();
            channel.hangup();
        } catch (AgiHangupException agentGone) {
            // The agent's leg is down. If the customer had been dialled, Asterisk's dial event says whether
            // they answered: a customer who talked is never recorded as an agent who did not answer.
            if (customerDialled) {
                Optional<Instant> answered = times.answeredAt(request.getUniqueId(), Duration.ofMillis(500));
                if (answered.isPresent()) {
                    outcome = CallbackOutcome.CUSTOMER_ANSWERED;
                    customerAnsweredAt = answered.get();
                    talk = Duration.between(answered.get(), clock.instant());
                }
            }
        } finally {
            // The agent's leg was rung by an Originate with its own id: Asterisk's dial events say when it began ringing.
            Instant agentRangAt = times.ringOf(request.getUniqueId(), Duration.ofMillis(500)).map(DialTimes.Ring::startedAt).orElse(null);
            wait(floor.callbackEnded(id, outcome, customerAnsweredAt, talk, agentRangAt));
        }
    }

    private static <T> T wait(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the floor did not answer: " + e.getMessage(), e);
        }
    }
}
