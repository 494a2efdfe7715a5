package org.hotline.campaign;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An outbound campaign a supervisor launched.
 *
 * @param message for a notification campaign, the recorded message played (a name from the prompt library's
 *                {@code campaign} folder); empty otherwise
 */
public record Campaign(CampaignId id, String name, CampaignKind kind, CampaignRules rules, String message,
                       CampaignStatus status, Instant createdAt, String createdBy) {

    private static final Pattern MESSAGE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Campaign {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a campaign needs a name of 1 to 100 characters");
        }
        rules.check(kind);
        if (message == null) {
            message = "";
        }
        if (kind == CampaignKind.NOTIFICATION && !MESSAGE.matcher(message).matches()) {
            throw new IllegalArgumentException("a notification campaign needs the name of its recorded message");
        }
    }

    public Campaign withStatus(CampaignStatus next) {
        return new Campaign(id, name, kind, rules, message, next, createdAt, createdBy);
    }
}
