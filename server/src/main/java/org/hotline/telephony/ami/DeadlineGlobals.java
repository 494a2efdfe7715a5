package org.hotline.telephony.ami;

import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.call.AnswerDeadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the dialplan's globals {@code HOTLINE_DEADLINE} and {@code HOTLINE_HOLD} those of the
 * server's configuration (bin/asterisk renders them from the same keys; this keeps them equal
 * when the two were started with different settings). Run after every AMI login.
 */
public final class DeadlineGlobals {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineGlobals.class);

    private DeadlineGlobals() {
    }

    public static void install(AmiLink link, AnswerDeadline deadline) {
        set(link, "HOTLINE_DEADLINE", deadline.asteriskSeconds());
        set(link, "HOTLINE_HOLD", deadline.holdSeconds());
    }

    private static void set(AmiLink link, String global, String value) {
        try {
            String was = ReadGlobal.of(link, global).orElse(null);
            if (value.equals(was)) {
                return;
            }
            LOG.warn("Asterisk's {} was {}; setting the configured {} (set answer.* and HOTLINE_ANSWER_DEADLINE/"
                    + "HOTLINE_FALLBACK_HOLD alike for bin/asterisk and the server)", global, was, value);
            ManagerResponse set = SetGlobal.to(link, global, value);
            if (!"Success".equalsIgnoreCase(set.getResponse())) {
                LOG.error("could not set Asterisk's {}: {}", global, set.getMessage());
            }
        } catch (Exception e) {
            LOG.error("could not check Asterisk's {}: {}", global, e.toString());
        }
    }
}
