package org.hotline.call;

/** The recorded prompts (callers' and agents'); each exists once per {@link Language}. */
public enum Prompt {
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
    AGENT_REFUSED("agent-refused");

    private final String fileName;

    Prompt(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
