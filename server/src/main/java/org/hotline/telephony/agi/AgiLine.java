package org.hotline.telephony.agi;

import org.hotline.telephony.Dialplan;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.call.AgentLeg;
import org.hotline.call.CallChannel;
import org.hotline.call.CallerHungUp;
import org.hotline.call.KeptPlace;
import org.hotline.call.MessageRules;
import org.hotline.shared.CallId;
import org.hotline.telephony.Dialplan;
import org.hotline.telephony.MessageFiles;
import org.hotline.telephony.PlaceVariable;
import org.hotline.shared.Language;
import org.hotline.call.Prompt;
import org.hotline.call.Speech;
import org.hotline.prompts.PromptLibrary;
import org.hotline.shared.AgentId;
import org.hotline.telephony.pjsip.AgentAccounts;
import org.hotline.telephony.pjsip.AgentDial;

/**
 * The caller's line over FastAGI. Only fixed prompt names and fixed variable names ever go into
 * AGI commands; nothing the caller sent does.
 */
final class AgiLine implements CallChannel {

    private static final String DTMF = "0123456789*#ABCD";
    /** WAIT FOR DIGIT's longest wait, as the deadline on the line counts it. */
    private static final long LONGEST_WAIT_MS = 60_000;
    /** How soon a stop is sent again, and how many times at most (see cutShort). */
    private static final Duration STOP_AGAIN = Duration.ofMillis(100);
    private static final int STOP_TRIES = 30;

    private final AgiChannel agi;
    private final Language language;
    private final Runnable beforeAnswer;
    private final Runnable stopPrompt;
    private final BooleanSupplier dialAnswered;
    private final AgentDial agentDial;
    private final AtomicLong commandsFinished = new AtomicLong();
    private volatile boolean commandRunning;
    /** The call whose file each conversation is recorded into, once the flow asked for it. */
    private volatile CallId recordedAs;

    /**
     * @param beforeAnswer runs just before the answer (for measuring)
     * @param stopPrompt   cuts short the prompt playing on this channel, from any thread, at once
     * @param dialAnswered whether Asterisk reported (AMI DialEnd) this channel's last dial answered; may wait a moment
     * @param agentDial    how this node rings an agent's phone
     */
    AgiLine(AgiChannel agi, Language language, Runnable beforeAnswer, Runnable stopPrompt, BooleanSupplier dialAnswered,
            AgentDial agentDial) {
        this.agi = agi;
        this.language = language;
        this.beforeAnswer = beforeAnswer;
        this.stopPrompt = stopPrompt;
        this.dialAnswered = dialAnswered;
        this.agentDial = agentDial;
    }

    @Override
    public void cutShort() {
        long finishedBefore = commandsFinished.get();
        stopPrompt.run();
        // Asterisk drops a stop that comes between two commands (the script's idle loop reads and
        // discards it): one sent as a hold or prompt was about to begin would leave the caller on
        // hold to its end. So it is sent again while a command runs and none has ended since
        // after which the flow looks for the agent itself.
        Thread.ofVirtual().name("cut-short-again").start(() -> {
            for (int tries = 0; tries < STOP_TRIES && commandsFinished.get() == finishedBefore; tries++) {
                try {
                    Thread.sleep(STOP_AGAIN);
                } catch (InterruptedException e) {
                    return;
                }
                if (commandRunning && commandsFinished.get() == finishedBefore) {
                    stopPrompt.run();
                }
            }
        });
    }

    @Override
    public Optional<Character> hold(Duration max, String keys) {
        // One WAIT FOR DIGIT for the whole hold: the music on hold goes on, and Asterisk ends the
        // wait early for a key, the hang-up, or a stop (AMI ControlPlayback, see cutShort), which
        // it answers as the stop's control number rather than a key.
        long millis = Math.max(1, Math.min((max.toNanos() + 999_999) / 1_000_000, LONGEST_WAIT_MS));
        char key = call(() -> agi.waitForDigit((int) millis));
        if (key == 0) {
            AgiReply reply = agi.getLastReply();
            if (reply != null && reply.getResultCode() < 0) {
                throw new CallerHungUp(null); // -1: the channel went away
            }
            return Optional.empty();
        }
        return DTMF.indexOf(key) >= 0 && keys.indexOf(key) >= 0 ? Optional.of(key) : Optional.empty();
    }

    @Override
    public void answer() {
        beforeAnswer.run();
        run(agi::answer);
    }

    @Override
    public void claim() {
        // Lifts the dialplan's TIMEOUT(absolute): past it Asterisk would give the call to its fallback.
        run(() -> agi.setVariable("TIMEOUT(absolute)", "0"));
    }

    /** Sets Asterisk's deadline on this caller to {@code seconds} from now; 0 lifts it (see {@link DeadlineLine}). */
    void deadlineIn(long seconds) {
        // Not counted as a command the flow looks for an agent after: a hold follows it at once.
        send(() -> {
            agi.setVariable("TIMEOUT(absolute)", Long.toString(seconds));
            return null;
        }, false);
    }

    @Override
    public void play(Speech speech) {
        if (speech == Prompt.GREETING) {
            // Before it starts: a caller whose greeting is cut short by the server going away must
            // not hear it again from the dialplan's fallback.
            run(() -> agi.setVariable("HOTLINE_GREETED", "1"));
        }
        run(() -> agi.streamFile(PromptLibrary.asteriskName(language, speech)));
    }

    @Override
    public Optional<Character> ask(Prompt prompt, String keys, Duration timeout) {
        char key = call(() -> agi.streamFile(PromptLibrary.asteriskName(language, prompt), keys));
        if (key == 0) {
            key = call(() -> agi.waitForDigit((int) Math.min(timeout.toMillis(), 60_000)));
        }
        return key == 0 ? Optional.empty() : Optional.of(key);
    }

    @Override
    public Optional<Character> say(Speech speech, String keys) {
        if (keys.isEmpty()) {
            play(speech);
            return Optional.empty();
        }
        char key = call(() -> agi.streamFile(PromptLibrary.asteriskName(language, speech), keys));
        return keys.indexOf(key) >= 0 ? Optional.of(key) : Optional.empty();
    }

    @Override
    public Optional<Character> listen(String keys, Duration max) {
        char key = call(() -> agi.waitForDigit((int) Math.max(1, Math.min(max.toMillis(), 60_000))));
        if (key == 0) {
            return Optional.empty();
        }
        if (DTMF.indexOf(key) < 0) {
            throw new CallerHungUp(null); // WAIT FOR DIGIT answers -1 when the channel went away
        }
        return keys.indexOf(key) >= 0 ? Optional.of(key) : Optional.empty();
    }

    @Override
    public void holdMusic(boolean on) {
        run(on ? agi::playMusicOnHold : agi::stopMusicOnHold);
    }

    @Override
    public AgentLeg connect(AgentId agent, Duration ringFor) {
        long seconds = Math.max(1, (ringFor.toMillis() + 999) / 1000);
        // Only a validated agent ID and a number go into the command. t: the agent may transfer
        // (Asterisk's keys, or the server's for them); b: their transfers go to [hotline-transfer].
        CallId recording = recordedAs;
        // U(): on the agent's leg as they answer, before the bridge, so the file starts with the conversation.
        String options = "tb(" + Dialplan.AGENT_LEG.context() + "^s^1)"
                + (recording == null ? "" : "U(" + Dialplan.RECORD.context() + "^" + recording.value() + ")");
        run(() -> agi.exec("Dial", agentDial.of(agent) + "," + seconds + "," + options));
        String status;
        String transferredBy;
        try {
            status = call(() -> agi.getVariable("DIALSTATUS"));
            // Set by Asterisk on the caller's channel when the agent blind-transferred them from their phone.
            transferredBy = call(() -> agi.getVariable("BLINDTRANSFER"));
        } catch (CallerHungUp gone) {
            // The caller hung up and Asterisk ended the session at once (AGIEXITONHANGUP, which its
            // deadline to answer needs): how the dial ended is then Asterisk's word on the AMI.
            return new AgentLeg(dialAnswered.getAsBoolean() ? AgentLeg.Outcome.ANSWERED : AgentLeg.Outcome.CALLER_ABANDONED,
                    null);
        }
        // Only how the dial ended is read here: its times come from Asterisk's dial events (DIALEDTIME_MS and
        // ANSWEREDTIME_MS measure the caller's channel, not the agent's ring).
        AgentLeg.Outcome outcome = AgentLeg.Outcome.ofDialStatus(status, true);
        return new AgentLeg(outcome, transferredBy == null || transferredBy.isBlank() ? null
                : AgentAccounts.agentOfChannel(transferredBy).map(AgentId::value).orElse("unknown"));
    }

    @Override
    public void recordConversations(CallId call) {
        recordedAs = call; // a checked call id: the only thing of the call that reaches the Dial
    }

    @Override
    public void recordMessage(CallId call, MessageRules rules) {
        // The file is named by the call id alone; # ends the message, as callers expect of a voicemail.
        call(() -> agi.recordFile(MessageFiles.asteriskName(call), MessageFiles.FORMAT, "#",
                (int) rules.longest().toMillis(), 0, true, (int) rules.silence().toSeconds()));
        AgiReply reply = agi.getLastReply();
        if (reply != null && reply.getResultCode() < 0) {
            throw new CallerHungUp(null); // -1: hung up while recording, which Asterisk keeps
        }
    }

    @Override
    public void markQueued(KeptPlace place) {
        // Asterisk's own record of the moment the caller joined (its channel event log, and the AMI's AGI events).
        run(() -> agi.exec("CELGenUserEvent", "HOTLINE_QUEUED," + place.queue().name()));
        run(() -> agi.setVariable(PlaceVariable.NAME, PlaceVariable.valueOf(place)));
    }

    @Override
    public void renewPlace(KeptPlace place) {
        run(() -> agi.setVariable(PlaceVariable.NAME, PlaceVariable.valueOf(place)));
    }

    @Override
    public void forgetPlace() {
        run(() -> agi.setVariable(PlaceVariable.NAME, ""));
    }

    @Override
    public Optional<KeptPlace> keptPlace() {
        return PlaceVariable.read(call(() -> agi.getVariable(PlaceVariable.NAME)));
    }

    @Override
    public void markFinished() {
        run(() -> agi.setVariable("HOTLINE_FLOW", "done"));
    }

    @Override
    public void hangUp() {
        try {
            // The Hangup application with a cause: AGI's own HANGUP leaves the cause at 0 (unknown),
            // and the record should say the hotline cleared the call normally.
            run(() -> agi.exec("Hangup", "16"));
        } catch (CallerHungUp alreadyGone) {
            // the line is down either way
        }
    }

    private interface AgiAction {
        void run() throws AgiException;
    }

    private interface AgiQuery<T> {
        T call() throws AgiException;
    }

    private void run(AgiAction action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private <T> T call(AgiQuery<T> query) {
        return send(query, true);
    }

    /** @param looked whether the flow, once this command ends, looks for an agent before it holds the caller */
    private <T> T send(AgiQuery<T> query, boolean looked) {
        commandRunning = true;
        try {
            return query.call();
        } catch (AgiHangupException gone) {
            throw new CallerHungUp(gone);
        } catch (AgiNetworkException closed) {
            // Asterisk closes the session the moment the channel hangs up or its deadline takes the
            // call (AGIEXITONHANGUP): a reset connection is the line gone, as an orderly close is.
            throw new CallerHungUp(closed);
        } catch (AgiException e) {
            throw new IllegalStateException("AGI command failed: " + e.getMessage(), e);
        } finally {
            commandRunning = false;
            if (looked) {
                commandsFinished.incrementAndGet();
            }
        }
    }
}
