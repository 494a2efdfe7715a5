package org.hotline.telephony.agi;

import org.hotline.telephony.pjsip.AgentDial;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.call.CallChannel;
import org.hotline.call.ArrivalStampRule;
import org.hotline.call.CallEvent;
import org.hotline.call.CallEventSink;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.call.InboundCall;
import org.hotline.call.InboundFlow;
import org.hotline.shared.Language;
import org.hotline.telephony.ami.DialTimes;
import org.hotline.telephony.ami.PromptStopper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** FastAGI script {@code inbound}: turns Asterisk's request into an {@link InboundCall} and runs the flow. */
public final class InboundScript implements AgiScript {

    private static final Logger LOG = LoggerFactory.getLogger(InboundScript.class);
    /** How long to wait for the AMI's word on a dial the caller's hang-up cut short. */
    static final Duration DIAL_EVENT_WAIT = Duration.ofMillis(300);

    private final InboundFlow flow;
    private final Language language;
    private final Function<CallId, Optional<Instant>> arrivals;
    private final Clock clock;
    private final Timer answerOverhead;
    private final PromptStopper prompts;
    private final CallEventSink events;
    private final DialTimes dials;
    private final java.util.function.BooleanSupplier adoptionsMade;
    private final Function<AgiLine, CallChannel> heldUnderDeadline;
    private final AgentDial agentDial;

    /**
     * @param adoptionsMade waits a short while until start-up has adopted the calls an earlier run
     *                      left open; true when it has
     */
    public InboundScript(InboundFlow flow, Language language, Function<CallId, Optional<Instant>> arrivals,
                         Clock clock, MeterRegistry meters, PromptStopper prompts, CallEventSink events,
                         DialTimes dials, java.util.function.BooleanSupplier adoptionsMade, HeldDeadline deadline,
                         AgentDial agentDial) {
        this.agentDial = agentDial;
        this.heldUnderDeadline = DeadlineLine.rolling(deadline.grace(), deadline.longestPrompt());
        this.dials = dials;
        this.adoptionsMade = adoptionsMade;
        this.prompts = prompts;
        this.events = events;
        this.flow = flow;
        this.language = language;
        this.arrivals = arrivals;
        this.clock = clock;
        this.answerOverhead = Timer.builder("hotline.agi.answer.overhead")
                .description("From the inbound script's start to the ANSWER command being sent")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(1))
                .register(meters);
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        long started = System.nanoTime();
        if (!CallId.isValid(request.getUniqueId())) {
            LOG.warn("inbound request without a usable unique id; leaving the call to the dialplan fallback");
            return;
        }
        CallId id = new CallId(request.getUniqueId());
        String fallback;
        try {
            // The first command doubles as a check that Asterisk still waits on this connection.
            fallback = channel.getVariable("HOTLINE_FALLBACK");
        } catch (AgiException gone) {
            // Asterisk gave up on it (its deadline passed while this server was stopped): the
            // caller is with the dialplan's fallback, which asks again on a new connection.
            LOG.info("call {}: Asterisk no longer waits on this connection; its fallback has the caller", id);
            return;
        }
        boolean heldByFallback = "1".equals(fallback);
        AgiLine line = new AgiLine(channel, language,
                () -> answerOverhead.record(System.nanoTime() - started, TimeUnit.NANOSECONDS),
                () -> prompts.stop(request.getChannel()),
                () -> dials.answeredAt(request.getUniqueId(), DIAL_EVENT_WAIT).isPresent(), agentDial);
        Optional<Instant> seen = arrivals.apply(id);
        if (heldByFallback && seen.isEmpty()) {
            // A call an earlier run left open is adopted at start-up with the arrival and answer on
            // its record; until then it looks unknown here, and must not get a second arrival.
            try {
                line.claim(); // the wait must not run into Asterisk's deadline
            } catch (RuntimeException gone) {
                return;
            }
            if (!adoptionsMade.getAsBoolean()) {
                LOG.warn("call {}: taken back before the calls left open at start-up are adopted", id);
            }
            seen = arrivals.apply(id);
        }
        Instant now = clock.instant();
        Optional<Instant> arrival = seen.or(() -> ChannelStart.of(channel));
        InboundCall call = new InboundCall(
                id,
                request.getChannel(),
                CallerId.presented(request.getCallerIdNumber(), request.getCallerIdName()),
                arrival.map(created -> stampedArrival(request, created)).filter(at -> at.isBefore(now)).orElse(now),
                language);
        if (heldByFallback && seen.isEmpty()) {
            // Held since before the AMI link was up: the record gets the arrival and the fallback's
            // answer from Asterisk's own account of the channel.
            arrival.ifPresent(at -> events.publish(id, new CallEvent.Arrived(at, request.getChannel(), null, call.caller(), null)));
            ChannelStart.answerOf(channel).ifPresent(at -> {
                events.publish(id, new CallEvent.FallbackAnswering(at));
                events.publish(id, new CallEvent.Answered(at));
            });
        }
        // A caller whose conversation went on while no server followed it (the Dial outlives the
        // AGI session) comes back when it ends: they talked, they are not a new caller.
        boolean talked = heldByFallback && "ANSWER".equals(variable(channel, "DIALSTATUS"));
        // from here on, a server that goes silent loses the caller to the fallback (DeadlineLine)
        CallChannel held = heldUnderDeadline.apply(line);
        try {
            if (talked) {
                flow.takeBackAfterConversation(call, held);
            } else if (heldByFallback) {
                flow.takeBack(call, held);
            } else {
                flow.handle(call, held);
            }
        } catch (RuntimeException e) {
            LOG.error("inbound flow failed for call {}; the dialplan fallback takes over", id, e);
        }
    }

    /**
     * The front door's stamp, which the dialplan passes as the script's argument, where it makes
     * sense against Asterisk's arrival: the flow counts the rings from it as the record does,
     * whether or not the AMI event with the same stamp has been followed yet.
     */
    static Instant stampedArrival(AgiRequest request, Instant created) {
        String[] arguments = request.getArguments();
        if (arguments == null || arguments.length == 0) {
            return created;
        }
        return ArrivalStampRule.parse(arguments[0])
                .filter(stamp -> ArrivalStampRule.STANDARD.refusal(stamp, created).isEmpty())
                .orElse(created);
    }

    private static String variable(AgiChannel channel, String name) {
        try {
            return channel.getVariable(name);
        } catch (AgiException gone) {
            return null;
        }
    }
}
