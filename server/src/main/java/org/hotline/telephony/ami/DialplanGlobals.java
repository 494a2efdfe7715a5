package org.hotline.telephony.ami;

import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.call.AnswerDeadline;
import org.hotline.call.RingPolicy;
import org.hotline.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the dialplan's globals those of the server's configuration: the deadline and hold
 * ({@code HOTLINE_DEADLINE}, {@code HOTLINE_HOLD}), the last moment a ringing caller is offered
 * to another server ({@code HOTLINE_LAST_TRY}) and the servers Asterisk tries, in order
 * ({@code HOTLINE_AGI_SERVERS}). bin/asterisk renders them from the same keys; this keeps them
 * equal when the two were started with different settings. Run after every AMI login.
 */
public final class DialplanGlobals {

    private static final Logger LOG = LoggerFactory.getLogger(DialplanGlobals.class);

    private DialplanGlobals() {
    }

    public static void install(AmiLink link, HotlineConfig.Agi agi, RingPolicy rings) {
        values(agi, rings).forEach((global, value) -> set(link, global, value));
    }

    /** Each global and its value, as the dialplan reads it. */
    static Map<String, String> values(HotlineConfig.Agi agi, RingPolicy rings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("HOTLINE_DEADLINE", agi.answerDeadline().asteriskSeconds());
        values.put("HOTLINE_HOLD", agi.answerDeadline().holdSeconds());
        values.put("HOTLINE_LAST_TRY", AnswerDeadline.asteriskLastTry(rings));
        // Commas part the entries; the configuration lets through nothing but host:port.
        values.put("HOTLINE_AGI_SERVERS", String.join(",", agi.servers()));
        return values;
    }

    private static void set(AmiLink link, String global, String value) {
        try {
            String was = ReadGlobal.of(link, global).orElse(null);
            if (value.equals(was)) {
                return;
            }
            LOG.warn("Asterisk's {} was {}; setting the configured {} (set answer.*, asterisk.agi.servers and their "
                    + "variables alike for bin/asterisk and the server)", global, was, value);
            ManagerResponse set = SetGlobal.to(link, global, value);
            if (!"Success".equalsIgnoreCase(set.getResponse())) {
                LOG.error("could not set Asterisk's {}: {}", global, set.getMessage());
            }
        } catch (Exception e) {
            LOG.error("could not check Asterisk's {}: {}", global, e.toString());
        }
    }
}
