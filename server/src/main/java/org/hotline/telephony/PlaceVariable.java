package org.hotline.telephony;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.call.KeptPlace;
import org.hotline.shared.Skill;

/**
 * The channel variable that keeps a waiting caller's place in line, written when they join a queue
 * and read back by the server that takes them back: {@code <queue>/<joined, epoch ms>/<priority>},
 * the priority {@code -}, {@code vip}, {@code long-distance} or {@code vip+long-distance}, then
 * {@code /apologised} once the caller has heard the apology for their wait. One variable, so the
 * place is written whole in one AGI command. Anything else reads as no place.
 */
public final class PlaceVariable {

    /** The variable's name on the caller's channel. */
    public static final String NAME = "HOTLINE_PLACE";

    private static final String VIP = "vip";
    private static final String LONG_DISTANCE = "long-distance";
    private static final String APOLOGISED = "/apologised";
    private static final Pattern FORMAT = Pattern.compile("([a-z][a-z0-9-]{0,31})/([0-9]{1,15})/(-|vip|long-distance|vip\\+long-distance)(/apologised)?");

    private PlaceVariable() {
    }

    public static String valueOf(KeptPlace place) {
        String priority = place.vip() && place.longDistance() ? VIP + "+" + LONG_DISTANCE
                : place.vip() ? VIP : place.longDistance() ? LONG_DISTANCE : "-";
        return place.queue().name() + "/" + place.since().toEpochMilli() + "/" + priority
                + (place.apologised() ? APOLOGISED : "");
    }

    /** The place {@code value} names, or empty when it is absent or not in the format above. */
    public static Optional<KeptPlace> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher place = FORMAT.matcher(value);
        if (!place.matches()) {
            return Optional.empty();
        }
        String priority = place.group(3);
        return Optional.of(new KeptPlace(new Skill(place.group(1)), Instant.ofEpochMilli(Long.parseLong(place.group(2))),
                priority.startsWith(VIP), priority.endsWith(LONG_DISTANCE), place.group(4) != null));
    }
}
