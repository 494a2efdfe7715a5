package org.hotline.telephony.ami;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline.call.CallEvent;
import org.hotline.call.TransferStep;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.telephony.Dialplan;
import org.hotline.telephony.pjsip.AgentAccounts;

/**
 * Asterisk's account of transfers, as steps of the caller's call at Asterisk's time: the
 * consultation's leg ([hotline-transfer] dialling the colleague: DialBegin, DialEnd, its hang-up),
 * AttendedTransfer (transferred, or the three joined), an agent's hang-up in a conference (leaving
 * it) and BlindTransfer. The consultation's legs
 * carry the call's linked ID, which is the caller's channel's unique ID. One per node, fed by its
 * AMI thread.
 */
public final class TransferEvents {

    private static final String LOCAL_TWO = ";2";
    private static final String CONSULT_LEG = "@" + Dialplan.TRANSFER.context() + "-";

    private record Consultation(CallId call, String colleague, boolean answered) {
    }

    private final Clock clock;
    /** Consultations under way, by the Local channel's name without its ;1/;2. */
    private final Map<String, Consultation> open = new ConcurrentHashMap<>();
    /** Calls in a conference, by the caller's unique ID: an agent's hang-up there is their leaving it. */
    private final Set<String> conferences = ConcurrentHashMap.newKeySet();

    public TransferEvents(Clock clock) {
        this.clock = clock;
    }

    public Optional<AmiEventTranslator.Translated> translate(ManagerEvent event) {
        return switch (event) {
            case DialBeginEvent dial when isConsultLeg(dial.getChannel()) && CallId.isValid(dial.getLinkedId()) ->
                    AgentAccounts.agentOfChannel(dial.getDestChannel()).flatMap(colleague -> {
                        open.put(base(dial.getChannel()), new Consultation(new CallId(dial.getLinkedId()), colleague.value(), false));
                        return step(dial.getLinkedId(), event, TransferStep.CONSULT_STARTED, null, colleague.value(), null);
                    });
            case DialEndEvent dial when isConsultLeg(dial.getChannel()) && open.containsKey(base(dial.getChannel())) -> {
                Consultation consultation = open.get(base(dial.getChannel()));
                if ("ANSWER".equals(dial.getDialStatus())) {
                    open.put(base(dial.getChannel()), new Consultation(consultation.call(), consultation.colleague(), true));
                    yield step(consultation.call().value(), event, TransferStep.CONSULT_ANSWERED, null, consultation.colleague(), null);
                }
                open.remove(base(dial.getChannel()));
                yield step(consultation.call().value(), event, TransferStep.CONSULT_ENDED, null, consultation.colleague(),
                        dial.getDialStatus());
            }
            // An answered consultation whose leg goes away with no transfer: cancelled (the agent's *1 or the colleague's hang-up).
            case HangupEvent hangup when isConsultLeg(hangup.getChannel()) && open.containsKey(base(hangup.getChannel())) -> {
                Consultation consultation = open.remove(base(hangup.getChannel()));
                yield consultation.answered() ? step(consultation.call().value(), event, TransferStep.CANCELLED, null,
                        consultation.colleague(), null) : Optional.empty();
            }
            case HangupEvent hangup when conferences.contains(String.valueOf(hangup.getUniqueId())) -> {
                conferences.remove(hangup.getUniqueId()); // the caller's own hang-up: the conference is over
                yield Optional.empty();
            }
            case HangupEvent hangup when conferences.contains(String.valueOf(hangup.getLinkedId()))
                    && AgentAccounts.agentOfChannel(hangup.getChannel()).isPresent() ->
                    step(hangup.getLinkedId(), event, TransferStep.LEFT_CONFERENCE, agent(hangup.getChannel()), null, null);
            case AttendedTransferEvent transfer -> attended(transfer);
            case BlindTransferEvent blind -> step(blind.getTransfereeLinkedId(), event,
                    "Success".equalsIgnoreCase(blind.getResult()) ? TransferStep.BLIND : TransferStep.FAILED,
                    agent(blind.getTransfererChannel()), blind.getExtension(),
                    "Success".equalsIgnoreCase(blind.getResult()) ? null : blind.getResult());
            default -> Optional.empty();
        };
    }

    private Optional<AmiEventTranslator.Translated> attended(AttendedTransferEvent transfer) {
        String call = transfer.getOrigTransfererLinkedId();
        if (!CallId.isValid(call)) {
            return Optional.empty();
        }
        String colleague = null;
        for (Map.Entry<String, Consultation> consultation : open.entrySet()) {
            if (consultation.getValue().call().value().equals(call)) {
                colleague = consultation.getValue().colleague();
                open.remove(consultation.getKey());
                break;
            }
        }
        boolean done = "Success".equalsIgnoreCase(transfer.getResult());
        TransferStep step = !done ? TransferStep.FAILED
                : "Threeway".equalsIgnoreCase(transfer.getDestType()) ? TransferStep.CONFERENCE : TransferStep.TRANSFERRED;
        if (step == TransferStep.CONFERENCE) {
            conferences.add(call);
        }
        return step(call, transfer, step, agent(transfer.getOrigTransfererChannel()), colleague, done ? null : transfer.getResult());
    }

    private Optional<AmiEventTranslator.Translated> step(String call, ManagerEvent event, TransferStep step, String from,
                                                       String target, String detail) {
        if (!CallId.isValid(call)) {
            return Optional.empty();
        }
        return Optional.of(new AmiEventTranslator.Translated(new CallId(call),
                new CallEvent.TransferStepped(AmiEventTranslator.timeOf(event, clock), step, from, target, detail)));
    }

    private static String agent(String channel) {
        return AgentAccounts.agentOfChannel(channel).map(AgentId::value).orElse(null);
    }

    private static boolean isConsultLeg(String channel) {
        return channel != null && channel.startsWith("Local/") && channel.contains(CONSULT_LEG) && channel.endsWith(LOCAL_TWO);
    }

    private static String base(String channel) {
        return channel.substring(0, channel.length() - LOCAL_TWO.length());
    }
}
