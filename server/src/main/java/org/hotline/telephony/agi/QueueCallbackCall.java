package org.hotline.telephony.agi;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.hotline.call.CallbackOutcome;
import org.hotline.call.Prompt;
import org.hotline.floor.Floor;
import org.hotline.prompts.PromptLibrary;
import org.hotline.routing.CallbackRequest;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.hotline.telephony.ami.AgentFirstDialer;
import org.hotline.telephony.ami.DialTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A queue callback on its agent's answered leg: the request and the agent are checked against the floor. */
record QueueCallbackCall(Floor floor, CallId id, CallbackRequest request, String agentLeg, Clock clock, DialTimes times)
        implements AgentFirstCall {

    private static final Logger LOG = LoggerFactory.getLogger(QueueCallbackCall.class);

    record Calls(Floor floor, Language language, Clock clock, DialTimes times) implements AgentFirstCall.Calls {

        @Override
        public Optional<AgentFirstCall> answeredBy(Optional<AgentId> agent, AgiRequest request, AgiChannel channel)
                throws AgiException {
            String requestId = channel.getVariable(AgentFirstDialer.REQUEST_VARIABLE);
            if (agent.isEmpty() || !CallId.isValid(requestId)) {
                LOG.warn("callback leg without a known agent or request; refused");
                return Optional.empty();
            }
            CallId id = new CallId(requestId);
            Optional<CallbackRequest> callback = awaitFloor(floor.callbackAnswered(id, agent.get()));
            if (callback.isEmpty()) {
                channel.streamFile(PromptLibrary.asteriskName(language, Prompt.AGENT_REFUSED));
                return Optional.empty();
            }
            return Optional.of(new QueueCallbackCall(floor, id, callback.get(), request.getUniqueId(), clock, times));
        }
    }

    @Override
    public String dialled() {
        return request.number();
    }

    @Override
    public String dialOptions() {
        return "";
    }

    @Override
    public Optional<String> callerId() {
        return Optional.empty();
    }

    @Override
    public void agentAnswered() {
        // the floor was told when the leg was found
    }

    @Override
    public void ended(CustomerLeg leg) {
        CallbackOutcome outcome = CallbackOutcome.AGENT_NO_ANSWER; // the agent left before the customer was dialled
        Instant customerAnsweredAt = null;
        Duration talk = Duration.ZERO;
        if (leg.dial() != null) {
            outcome = switch (leg.dial().status()) {
                case "ANSWER" -> CallbackOutcome.CUSTOMER_ANSWERED;
                case "BUSY" -> CallbackOutcome.CUSTOMER_BUSY;
                case "NOANSWER" -> CallbackOutcome.CUSTOMER_NO_ANSWER;
                case "CANCEL" -> CallbackOutcome.AGENT_NO_ANSWER; // the agent hung up while it rang
                default -> CallbackOutcome.CUSTOMER_UNAVAILABLE;
            };
            customerAnsweredAt = leg.dial().answeredAt();
            talk = leg.dial().talk();
        }
        // The agent's leg is down. If the customer had been dialled, Asterisk's dial event says whether
        // they answered: a customer who talked is never recorded as an agent who did not answer.
        if (leg.agentLeft() && leg.dialled()) {
            Optional<Instant> answered = times.answeredAt(agentLeg, Duration.ofMillis(500));
            if (answered.isPresent()) {
                outcome = CallbackOutcome.CUSTOMER_ANSWERED;
                customerAnsweredAt = answered.get();
                talk = Duration.between(answered.get(), clock.instant());
            }
        }
        // The agent's leg was rung by an Originate with its own id: Asterisk's dial events say when it began ringing.
        Instant agentRangAt = times.ringOf(agentLeg, Duration.ofMillis(500)).map(DialTimes.Ring::startedAt).orElse(null);
        awaitFloor(floor.callbackEnded(id, outcome, customerAnsweredAt, talk, agentRangAt));
    }

    private static <T> T awaitFloor(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the floor did not answer: " + e.getMessage(), e);
        }
    }
}
