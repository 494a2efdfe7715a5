package org.hotline.floor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.CampaignStatus;
import org.hotline.campaign.ContactProgress;

/** A campaign's progress as the live channel carries it (wall boards, the supervisor's console). */
final class CampaignProgressEvent {

    private CampaignProgressEvent() {
    }

    static Map<String, Object> of(CampaignId id, CampaignStatus status, int inFlight, ContactProgress progress) {
        Map<String, Object> contacts = new LinkedHashMap<>();
        progress.contacts().forEach((state, count) -> contacts.put(name(state), count));
        Map<String, Object> attempts = new LinkedHashMap<>();
        progress.attempts().forEach((outcome, count) -> attempts.put(name(outcome), count));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaign", id.value());
        data.put("status", name(status));
        data.put("callsUnderWay", inFlight);
        data.put("total", progress.total());
        data.put("contacts", contacts);
        data.put("attempts", attempts);
        data.put("reachedWithinDeadline", progress.reachedInTime());
        return data;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
