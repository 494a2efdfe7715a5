package org.hotline.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.hotline.shared.AgentId;

/**
 * One customer to call in a campaign, and how far the calling has got.
 *
 * @param number         the number in E.164, checked
 * @param zone           the customer's time zone, from the number: the call window is theirs
 * @param preferredAgent who should call (the case owner), or null
 * @param avoidAgent     who should not call again (the customer was difficult with them), or null
 * @param attempts       attempts at the customer so far
 * @param nextAttemptAt  not before this time
 * @param deadline       reached by this time, or the contact expires
 */
public record Contact(String id, CampaignId campaign, String number, ZoneId zone, ContactDetails details,
                      AgentId preferredAgent, AgentId avoidAgent, ContactStatus status, int attempts,
                      Instant nextAttemptAt, Instant deadline, AttemptOutcome lastOutcome) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9:_-]{1,80}");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");

    public Contact {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("not a contact id");
        }
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("not a number to dial");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative");
        }
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    Contact next(ContactStatus status, int attempts, Instant nextAttemptAt, AgentId avoidAgent, AttemptOutcome outcome) {
        return new Contact(id, campaign, number, zone, details, preferredAgent, avoidAgent, status, attempts,
                nextAttemptAt, deadline, outcome);
    }
}
