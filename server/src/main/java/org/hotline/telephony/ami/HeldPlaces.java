package org.hotline.telephony.ami;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.action.StatusAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.event.StatusEvent;
import org.hotline.call.KeptPlace;
import org.hotline.shared.CallId;
import org.hotline.telephony.PlaceVariable;

/**
 * The callers Asterisk holds who were waiting in a queue when their server went away (AMI Status
 * with their channel variables): each channel that names its place in line and is in no bridge
 * (a caller talking to an agent names one until the talk ends), with how often its fallback asks
 * the servers again. A caller whose agent's phone is ringing (Dial) is not held: they talk, or come
 * back at their place without it being kept.
 */
public final class HeldPlaces {

    /** The fallback's wait between tries at the servers (dialplan HOTLINE_DEADLINE, seconds). */
    private static final String ASKS_EVERY = "HOTLINE_DEADLINE";
    private static final int LONGEST_ASK_SECONDS = 600;

    /** A held caller's place, and how long they may take to ask a server again. */
    public record HeldCaller(CallId call, KeptPlace place, Duration asksEvery) {
    }

    private HeldPlaces() {
    }

    public static List<HeldCaller> read(AmiLink ami) throws IOException, EventTimeoutException {
        StatusAction status = new StatusAction();
        status.setVariables(List.of(PlaceVariable.NAME, ASKS_EVERY));
        List<HeldCaller> held = new ArrayList<>();
        for (ResponseEvent event : ami.query(status)) {
            if (event instanceof StatusEvent channel && blank(channel.getBridgeId()) && !"Dial".equalsIgnoreCase(channel.getApplication())
                    && CallId.isValid(channel.getUniqueId())) {
                Map<String, String> variables = channel.getVariables() == null ? Map.of() : channel.getVariables();
                PlaceVariable.read(variables.get(PlaceVariable.NAME)).ifPresent(place -> held.add(new HeldCaller(
                        new CallId(channel.getUniqueId()), place, seconds(variables.get(ASKS_EVERY)).orElse(Duration.ZERO))));
            }
        }
        return held;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Optional<Duration> seconds(String value) {
        if (value == null || !value.matches("[0-9]{1,3}")) {
            return Optional.empty(); // anything odd: the server's own deadline stands
        }
        return Optional.of(Duration.ofSeconds(Math.min(Integer.parseInt(value), LONGEST_ASK_SECONDS)));
    }
}
