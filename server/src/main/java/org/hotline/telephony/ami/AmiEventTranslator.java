package org.hotline.telephony.ami;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.asteriskjava.manager.event.AgiExecEndEvent;
import org.asteriskjava.manager.event.AgiExecEvent;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DtmfEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.MixMonitorStartEvent;
import org.asteriskjava.manager.event.MixMonitorStopEvent;
import org.hotline.call.ArrivalStampRule;
import org.hotline.call.CallEvent;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.telephony.RecordingFiles;
import org.hotline.telephony.pjsip.AgentAccounts;

/**
 * Turns Asterisk's manager events into call events, stamped with Asterisk's own event time
 * ({@code timestampevents = yes}). Events of channels outside the hotline are the tracker's to
 * ignore; this class only reads and checks fields.
 */
public final class AmiEventTranslator {

    /** A call event for one call. */
    public record Translated(CallId id, CallEvent event) {
    }

    private static final int CHANNEL_UP = 6;
    private static final Pattern GREETING = Pattern.compile("(?i)STREAM FILE \"?hotline/[a-z]{2}/greeting\"?( .*)?");
    private static final Pattern DIAL_STATUS = Pattern.compile("[A-Z]{1,20}");
    private static final Pattern DIALLED = Pattern.compile("[0-9A-Za-z+*#_.-]{1,40}");

    private final String hotlineContext;
    private final Clock clock;
    private final String node;

    public AmiEventTranslator(String hotlineContext, Clock clock) {
        this(hotlineContext, clock, null);
    }

    /** @param node the node whose events these are: each call's arrival names it */
    public AmiEventTranslator(String hotlineContext, Clock clock, String node) {
        this.hotlineContext = hotlineContext;
        this.clock = clock;
        this.node = node;
    }

    public Optional<Translated> translate(ManagerEvent event) {
        return switch (event) {
            case NewChannelEvent created -> arrived(created);
            case NewCallerIdEvent changed -> of(changed.getUniqueId(), new CallEvent.CallerIdentified(at(event),
                    CallerId.presented(changed.getCallerIdNum(), changed.getCallerIdName())));
            case NewStateEvent state when state.getChannelState() != null && state.getChannelState() == CHANNEL_UP ->
                    of(state.getUniqueId(), new CallEvent.Answered(at(event)));
            case HotlineArrivalEvent stamped -> ArrivalStampRule.parse(stamped.getStamp()).flatMap(stamp ->
                    of(stamped.getUniqueId(), new CallEvent.ArrivalStamped(stamp, at(event))));
            case HotlineFallbackEvent fallback when "answer".equals(fallback.getStep()) ->
                    of(fallback.getUniqueId(), new CallEvent.FallbackAnswering(at(event)));
            case HotlineFallbackEvent fallback when "greeting".equals(fallback.getStep()) ->
                    of(fallback.getUniqueId(), new CallEvent.GreetingStarted(at(event)));
            case AgiExecStartEvent start when isGreeting(start) ->
                    of(start.getUniqueId(), new CallEvent.GreetingStarted(at(event)));
            case AgiExecEndEvent end when isGreeting(end) ->
                    of(end.getUniqueId(), new CallEvent.GreetingEnded(at(event)));
            case DtmfEndEvent key when key.isReceived() && key.getDigit() != null && key.getDigit().length() == 1
                    && "0123456789*#ABCD".contains(key.getDigit()) ->
                    of(key.getUniqueId(), new CallEvent.KeyPressed(at(event), key.getDigit().charAt(0)));
            case HangupEvent hangup -> of(hangup.getUniqueId(), new CallEvent.Ended(at(event),
                    hangup.getCause() == null ? 0 : hangup.getCause(), hangup.getCauseTxt(), null));
            // An agent's leg, dialled from the caller's channel: the offer's ring, by Asterisk's clock.
            case DialBeginEvent dial when CallId.isValid(dial.getDestUniqueId()) ->
                    AgentAccounts.agentOfChannel(dial.getDestChannel()).flatMap(agent -> of(dial.getUniqueId(),
                            new CallEvent.AgentRingStarted(at(event), agent.value(), dial.getDestUniqueId())));
            case DialEndEvent dial when CallId.isValid(dial.getDestUniqueId()) && dial.getDialStatus() != null
                    && DIAL_STATUS.matcher(dial.getDialStatus()).matches() ->
                    of(dial.getUniqueId(), new CallEvent.AgentRingEnded(at(event), dial.getDestUniqueId(), dial.getDialStatus()));
            // A recording on an agent's leg (MixMonitor of [hotline-record]): the call is the leg's linked caller.
            case MixMonitorStartEvent started when onAgentsLeg(started.getChannel(), started.getUniqueId(), started.getLinkedId()) -> of(started.getLinkedId(),
                    new CallEvent.RecordingStarted(at(event), RecordingFiles.fileOf(new CallId(started.getLinkedId()))));
            case MixMonitorStopEvent stopped when onAgentsLeg(stopped.getChannel(), stopped.getUniqueId(), stopped.getLinkedId()) ->
                    of(stopped.getLinkedId(), new CallEvent.RecordingEnded(at(event)));
            case MixMonitorMuteEvent mute when onAgentsLeg(mute.getChannel(), mute.getUniqueId(), mute.getLinkedId()) -> of(mute.getLinkedId(),
                    mute.muted() ? new CallEvent.RecordingPaused(at(event)) : new CallEvent.RecordingResumed(at(event)));
            case HangupRequestEvent asked -> of(asked.getUniqueId(), new CallEvent.HangupAsked(at(event)));
            case BridgeEnterEvent entered -> of(entered.getUniqueId(), new CallEvent.BridgeEntered(at(event)));
            case BridgeLeaveEvent left -> of(left.getUniqueId(), new CallEvent.BridgeLeft(at(event)));
            default -> Optional.empty();
        };
    }

    private Optional<Translated> arrived(NewChannelEvent created) {
        String channel = created.getChannel();
        if (!hotlineContext.equals(created.getContext()) || channel == null
                || (channel.startsWith("Local/") && channel.endsWith(";1"))) {
            return Optional.empty(); // the ;1 half of a Local channel is the calling side, not the call
        }
        String exten = created.getExten();
        String linked = created.getLinkedid();
        return of(created.getUniqueId(), new CallEvent.Arrived(at(created), channel,
                CallId.isValid(linked) ? linked : null,
                CallerId.presented(created.getCallerIdNum(), created.getCallerIdName()),
                exten != null && DIALLED.matcher(exten).matches() && !exten.equals("s") ? exten : null, node));
    }

    private static boolean onAgentsLeg(String channel, String uniqueId, String linkedId) {
        return CallId.isValid(linkedId) && !linkedId.equals(uniqueId) && AgentAccounts.agentOfChannel(channel).isPresent();
    }

    private static boolean isGreeting(AgiExecEvent event) {
        return event.getCommand() != null && GREETING.matcher(event.getCommand()).matches();
    }

    private Instant at(ManagerEvent event) {
        return timeOf(event, clock);
    }

    /** Asterisk's own time of the event ({@code timestampevents = yes}); {@code clock} only when it sent none. */
    public static Instant timeOf(ManagerEvent event, Clock clock) {
        Double seconds = event.getTimestamp();
        if (seconds == null) {
            return clock.instant(); // timestampevents is off: the next best time is now
        }
        long whole = (long) Math.floor(seconds);
        long micros = Math.round((seconds - whole) * 1_000_000);
        return Instant.ofEpochSecond(whole, micros * 1_000);
    }

    private static Optional<Translated> of(String uniqueId, CallEvent event) {
        if (!CallId.isValid(uniqueId)) {
            return Optional.empty();
        }
        return Optional.of(new Translated(new CallId(uniqueId), event));
    }
}
