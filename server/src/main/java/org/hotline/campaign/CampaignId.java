package org.hotline.campaign;

import java.util.regex.Pattern;
import org.hotline.shared.Printable;

/** A campaign's id: short letters, digits and dashes, safe in queries, channel variables and URLs. */
public record CampaignId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");

    public CampaignId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a campaign id: " + Printable.of(value));
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
