package org.hotline.call;

/** How callers nobody can take leave a message ({@link MessageRules}) and where it is kept. */
public record Messages(MessageRules rules, MessageBox box) {

    public static Messages none() {
        return new Messages(MessageRules.off(), MessageBox.none());
    }
}
