package org.hotline.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asteriskjava.manager.action.OriginateAction;

/** Callers on Local channels, as the integration tests place them, and their answer times. */
final class LocalCalls {

    private LocalCalls() {
    }

    /** A caller dialling {@code number} in {@code context}, its own side running {@code callerContext}'s "listen". */
    static OriginateAction originate(String number, String context, String callerContext) {
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/" + number + "@" + context);
        originate.setContext(callerContext);
        originate.setExten("listen");
        originate.setPriority(1);
        originate.setCallerId("<" + number + ">");
        originate.setAsync(true);
        originate.setTimeout(30_000L);
        return originate;
    }

    /** Each arrival's wait until its answer in milliseconds; infinite for a call never answered. */
    static List<Double> answerMillis(Map<String, Instant> arrived, Map<String, Instant> answered) {
        List<Double> millis = new ArrayList<>();
        arrived.forEach((id, at) -> {
            Instant up = answered.get(id);
            millis.add(up == null ? Double.POSITIVE_INFINITY : Duration.between(at, up).toNanos() / 1e6);
        });
        return millis;
    }
}
