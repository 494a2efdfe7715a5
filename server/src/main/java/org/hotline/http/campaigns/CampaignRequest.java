package org.hotline.http.campaigns;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hotline.call.RecordingMode;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.CallWindow;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.CampaignKind;
import org.hotline.campaign.CampaignRules;
import org.hotline.campaign.CampaignStatus;
import org.hotline.campaign.ContactDetails;
import org.hotline.campaign.ContactSource;
import org.hotline.campaign.NewContact;
import org.hotline.campaign.Pacing;
import org.hotline.campaign.RetryRules;
import org.hotline.customer.PhoneNumbers;
import org.hotline.http.ApiError;
import org.hotline.shared.Printable;
import org.hotline.shared.Skill;

/**
 * A supervisor's new campaign as posted: {@code {"id"?, "name", "kind", "message"?, "rules": {...},
 * "contacts": [{"number", "name"?, "subject"?, "date"?}]}}, or instead of the contacts a
 * {@code "source"}: {@code {"kind": "abandoned", "from", "to"}}, {@code {"kind": "cases-solution-ready"}}
 * or {@code {"kind": "customers", "vipOnly"?}}. Every field is checked here; numbers
 * are normalised to E.164, and a bad or repeated number is a per-row error, not a failed request.
 */
record CampaignRequest(Campaign campaign, ContactSource source, List<JsonObject> rowErrors) {

    static final int MAX_CONTACTS = 10_000;
    private static final Set<String> FIELDS = Set.of("id", "name", "kind", "message", "rules", "contacts", "source");
    private static final Duration LONGEST_SOURCE_PERIOD = Duration.ofDays(31);
    private static final Set<String> RULES = Set.of("window", "maxAttempts", "retryAfterMinutes", "deadlineHours",
            "maxLines", "callerId", "pacing", "skill", "inboundFirst", "detectMachines", "recording");

    static CampaignRequest parse(JsonObject body, PhoneNumbers numbers, Instant now) {
        Campaign campaign = campaign(body, now);
        if (body.containsKey("source") == body.containsKey("contacts")) {
            throw ApiError.badParameter("contacts", "give either the contacts or a source of them, not both");
        }
        if (body.containsKey("source")) {
            return new CampaignRequest(campaign, source(object(body, "source")), List.of());
        }
        Object contacts = body.getValue("contacts");
        if (!(contacts instanceof JsonArray list) || list.isEmpty()) {
            throw ApiError.badParameter("contacts", "the campaign has nobody to call (give at least one contact)");
        }
        if (list.size() > MAX_CONTACTS) {
            throw ApiError.badParameter("contacts", "at most " + MAX_CONTACTS + " in one request (upload a CSV for more)");
        }
        List<NewContact> rows = new ArrayList<>();
        List<JsonObject> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                NewContact row = row(shaped(list.getValue(i), i), numbers);
                Integer first = seen.putIfAbsent(row.number(), i);
                if (first != null) {
                    throw new IllegalArgumentException("the same number as contact " + first);
                }
                rows.add(row);
            } catch (IllegalArgumentException e) {
                errors.add(new JsonObject().put("index", i).put("error", e.getMessage()));
            }
        }
        if (rows.isEmpty()) {
            throw ApiError.badParameter("contacts", "none of the " + list.size() + " contacts can be called (first problem: "
                    + errors.getFirst().getString("error") + ")");
        }
        return new CampaignRequest(campaign, new ContactSource.Listed(rows), errors);
    }

    /** The campaign itself (all but its contacts), checked. */
    static Campaign campaign(JsonObject body, Instant now) {
        for (String field : body.fieldNames()) {
            if (!FIELDS.contains(field)) {
                throw ApiError.badParameter(Printable.of(field), "unknown field (" + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String id = string(body, "id", false);
        if (id == null) {
            id = "c-" + UUID.randomUUID().toString().substring(0, 8);
        } else if (!CampaignId.isValid(id)) {
            throw ApiError.badParameter("id", "1-40 letters, digits or dashes");
        }
        CampaignKind kind = enumValue(CampaignKind.class, string(body, "kind", true), "kind");
        JsonObject rulesJson = object(body, "rules");
        try {
            return new Campaign(new CampaignId(id), string(body, "name", true), kind, rules(rulesJson, kind),
                    string(body, "message", false), CampaignStatus.READY, now, "api");
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("campaign", e.getMessage());
        }
    }

    private static ContactSource source(JsonObject source) {
        String kind = string(source, "kind", true);
        switch (kind) {
            case "abandoned" -> {
                Instant from = instant(source, "from");
                Instant to = instant(source, "to");
                if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_SOURCE_PERIOD) > 0) {
                    throw ApiError.badParameter("source.to", "after source.from, at most 31 days later");
                }
                return new ContactSource.Abandoned(from, to);
            }
            case "cases-solution-ready" -> {
                return new ContactSource.CasesSolutionReady();
            }
            case "customers" -> {
                Object vip = source.getValue("vipOnly", Boolean.FALSE);
                if (!(vip instanceof Boolean vipOnly)) {
                    throw ApiError.badParameter("source.vipOnly", "true or false");
                }
                return new ContactSource.Customers(vipOnly);
            }
            default -> throw ApiError.badParameter("source.kind", "one of abandoned, cases-solution-ready, customers");
        }
    }

    private static Instant instant(JsonObject json, String field) {
        String text = string(json, field, true);
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiError.badParameter("source." + field, "a time like 2026-11-22T00:00:00+08:00");
        }
    }

    private static final Set<String> CONTACT_FIELDS = Set.of("number", "name", "subject", "date", "caseId");

    /**
     * A contact as the contract describes it, else the whole request is refused naming the field: an
     * object, an array or a number where text belongs would be kept as its JSON text, and a key the
     * contact does not have (a {@code $} operator) must never reach the store.
     */
    private static Object shaped(Object value, int index) {
        if (!(value instanceof JsonObject contact)) {
            throw ApiError.badParameter("contacts[" + index + "]", "expected an object like {\"number\": \"13900000011\"}");
        }
        for (String field : contact.fieldNames()) {
            if (!CONTACT_FIELDS.contains(field)) {
                throw ApiError.badParameter("contacts[" + index + "]." + Printable.of(field),
                        "unknown field (" + String.join(", ", CONTACT_FIELDS.stream().sorted().toList()) + ")");
            }
            Object text = contact.getValue(field);
            if (text != null && !(text instanceof String)) {
                throw ApiError.badParameter("contacts[" + index + "]." + field, "expected text");
            }
        }
        return contact;
    }

    private static NewContact row(Object value, PhoneNumbers numbers) {
        if (!(value instanceof JsonObject contact)) {
            throw new IllegalArgumentException("not an object");
        }
        Object number = contact.getValue("number");
        String e164 = number instanceof String text ? numbers.e164(text).orElse(null) : null;
        if (e164 == null) {
            throw new IllegalArgumentException("number: not a valid phone number");
        }
        LocalDate date = null;
        Object dateValue = contact.getValue("date");
        if (dateValue != null) {
            try {
                date = LocalDate.parse(String.valueOf(dateValue));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("date: not a date like 2026-11-20");
            }
        }
        return new NewContact(e164, new ContactDetails(text(contact, "name"), text(contact, "subject"), date, text(contact, "caseId")),
                null);
    }

    private static String text(JsonObject contact, String field) {
        Object value = contact.getValue(field);
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value).strip();
        if (text.length() > 200 || text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + ": at most 200 characters, no control characters");
        }
        return text;
    }

    private static CampaignRules rules(JsonObject json, CampaignKind kind) {
        for (String field : json.fieldNames()) {
            if (!RULES.contains(field)) {
                throw ApiError.badParameter("rules." + Printable.of(field), "unknown rule");
            }
        }
        try {
            Map<AttemptOutcome, Duration> waits = new EnumMap<>(AttemptOutcome.class);
            JsonObject retry = json.containsKey("retryAfterMinutes") ? object(json, "retryAfterMinutes") : new JsonObject();
            for (String outcome : retry.fieldNames()) {
                waits.put(enumValue(AttemptOutcome.class, outcome, "rules.retryAfterMinutes"),
                        Duration.ofMinutes(integer(retry, outcome, 0, 0, 7 * 24 * 60, "rules.retryAfterMinutes." + outcome)));
            }
            String skill = string(json, "skill", false);
            Pacing pacing = json.containsKey("pacing") ? enumValue(Pacing.class, string(json, "pacing", true), "rules.pacing")
                    : kind.needsAgent() ? Pacing.PROGRESSIVE : Pacing.AGENTLESS;
            Object inboundFirst = json.getValue("inboundFirst", Boolean.TRUE);
            if (!(inboundFirst instanceof Boolean)) {
                throw ApiError.badParameter("rules.inboundFirst", "true or false");
            }
            Object detectMachines = json.getValue("detectMachines", Boolean.FALSE);
            if (!(detectMachines instanceof Boolean)) {
                throw ApiError.badParameter("rules.detectMachines", "true or false");
            }
            Object recording = json.getValue("recording", "off");
            if (!(recording instanceof String mode) || !mode.matches("off|on|announce")) {
                throw ApiError.badParameter("rules.recording", "off, on or announce");
            }
            return new CampaignRules(window(json),
                    new RetryRules(integer(json, "maxAttempts", 3, 1, RetryRules.MOST_ATTEMPTS, "rules.maxAttempts"), waits),
                    Duration.ofHours(integer(json, "deadlineHours", 72, 1, 92 * 24, "rules.deadlineHours")),
                    integer(json, "maxLines", 5, 1, CampaignRules.MOST_LINES, "rules.maxLines"),
                    string(json, "callerId", false), pacing, skill == null ? null : new Skill(skill), (Boolean) inboundFirst,
                    (Boolean) detectMachines, RecordingMode.of((String) recording));
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("rules", e.getMessage());
        }
    }

    /** Omitted: the handbooks' 9:00–21:00 every day. Given: opens, closes and days, all checked. */
    private static CallWindow window(JsonObject rules) {
        if (!rules.containsKey("window")) {
            return CallWindow.STANDARD;
        }
        JsonObject window = object(rules, "window");
        try {
            LocalTime opens = LocalTime.parse(string(window, "opens", true));
            LocalTime closes = LocalTime.parse(string(window, "closes", true));
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            Object list = window.getValue("days");
            if (list == null) {
                days = EnumSet.allOf(DayOfWeek.class);
            } else if (list instanceof JsonArray array) {
                for (Object day : array) {
                    days.add(enumValue(DayOfWeek.class, String.valueOf(day), "rules.window.days"));
                }
            } else {
                throw ApiError.badParameter("rules.window.days", "a list of days, e.g. [\"monday\", \"friday\"]");
            }
            return new CallWindow(opens, closes, days);
        } catch (DateTimeParseException e) {
            throw ApiError.badParameter("rules.window", "opens and closes are times like 09:00");
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("rules.window", e.getMessage());
        }
    }

    private static JsonObject object(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value == null && field.equals("rules")) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiError.badParameter(field, "must be an object");
        }
        return object;
    }

    private static String string(JsonObject json, String field, boolean required) {
        Object value = json.getValue(field);
        if (value == null) {
            if (required) {
                throw ApiError.badParameter(field, "is required");
            }
            return null;
        }
        if (!(value instanceof String text) || text.length() > 200) {
            throw ApiError.badParameter(field, "must be a text of at most 200 characters");
        }
        return text;
    }

    private static int integer(JsonObject json, String field, int fallback, int min, int max, String name) {
        Object value = json.getValue(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.longValue() < min || number.longValue() > max) {
            throw ApiError.badParameter(name, "a whole number from " + min + " to " + max);
        }
        return number.intValue();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw ApiError.badParameter(name, "one of " + String.join(", ", allowed));
        }
    }

    /** The contacts to store: ids by position, deadline from the rules, due at once. */
    static List<org.hotline.campaign.Contact> contacts(Campaign campaign, List<NewContact> found,
                                                     java.util.function.Function<String, ZoneId> zoneOf, Instant now) {
        List<org.hotline.campaign.Contact> contacts = new ArrayList<>();
        Instant deadline = now.plus(campaign.rules().deadline());
        for (int i = 0; i < found.size(); i++) {
            NewContact row = found.get(i);
            contacts.add(new org.hotline.campaign.Contact(campaign.id().value() + ":" + i, campaign.id(), row.number(),
                    zoneOf.apply(row.number()), row.details(), row.preferredAgent(), null,
                    org.hotline.campaign.ContactStatus.PENDING, 0, now, deadline, null));
        }
        return contacts;
    }
}
