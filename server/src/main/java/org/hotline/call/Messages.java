package org.hotline.call;

/**
 * How callers nobody can take leave a message ({@link MessageRules}), where it is kept, and where
 * the one task each message makes is claimed.
 */
public record Messages(MessageRules rules, MessageBox box, MessageTasks tasks) {

    /** Messages whose tasks only this server's memory knows of (tests). */
    public Messages(MessageRules rules, MessageBox box) {
        this(rules, box, MessageTasks.none());
    }

    public static Messages none() {
        return new Messages(MessageRules.off(), MessageBox.none());
    }
}
