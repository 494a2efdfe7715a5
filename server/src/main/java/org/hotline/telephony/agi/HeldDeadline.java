package org.hotline.telephony.agi;

import java.time.Duration;

/**
 * The deadline Asterisk keeps on a caller the server holds (see {@link DeadlineLine}).
 *
 * @param grace         how long the server may say nothing beyond the command under way: the
 *                      answer deadline ({@code answer.serverDeadlineSeconds})
 * @param longestPrompt the longest recorded prompt, so that no prompt is cut
 */
public record HeldDeadline(Duration grace, Duration longestPrompt) {

    public HeldDeadline {
        if (grace.isNegative() || grace.isZero() || longestPrompt.isNegative()) {
            throw new IllegalArgumentException("held deadline: grace " + grace + ", longest prompt " + longestPrompt);
        }
    }
}
