package org.hotline.call;

/** The recorded prompts of the inbound flow; each exists once per {@link Language}. */
public enum Prompt {
    GREETING("greeting"),
    MENU("menu"),
    INVALID("invalid"),
    NO_INPUT("no-input"),
    APOLOGY("apology"),
    CHOICE_RECORDED("choice-recorded"),
    CLOSING("closing"),
    FALLBACK("fallback");

    private final String fileName;

    Prompt(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }
}
