package org.hotline.call;

import org.hotline.shared.Language;

/** The recorded prompts (callers' and agents'); each exists once per {@link Language}. */
public enum Prompt implements Speech {
    GREETING("greeting"),
    MENU("menu"),
    INVALID("invalid"),
    NO_INPUT("no-input"),
    APOLOGY("apology"),
    CHOICE_RECORDED("choice-recorded"),
    CLOSING("closing"),
    FALLBACK("fallback"),
    AFTER_HOURS("after-hours"),
    AGENT_READY("agent-ready"),
    AGENT_PAUSED("agent-paused"),
    AGENT_LOGGED_OUT("agent-logged-out"),
    AGENT_REFUSED("agent-refused"),
    QUEUE_AHEAD("queue-ahead"),
    QUEUE_CALLERS("queue-callers"),
    QUEUE_NEXT("queue-next"),
    QUEUE_MANY("queue-many"),
    WAIT_ABOUT("wait-about"),
    MINUTES("minutes"),
    WAIT_LONG("wait-long"),
    CALLBACK_OFFER("callback-offer"),
    CALLBACK_BOOKED("callback-booked"),
    MAX_WAIT_OFFER("max-wait-offer"),
    AFTER_HOURS_OFFER("after-hours-offer"),
    CALLBACK_AGENT("callback-agent"),
    /** Nobody can take the call now: leave a message after the tone, to be called back. */
    MESSAGE_OFFER("message-offer"),
    /** The conversation with the agent is recorded (a queue recording with announce). */
    RECORDING_NOTICE("recording-notice"),
    SURVEY("survey"),
    SURVEY_THANKS("survey-thanks"),
    /** A survey campaign's opening: who is calling and why. */
    CAMPAIGN_SURVEY("campaign-survey");

    private final String fileName;

    Prompt(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }
}
