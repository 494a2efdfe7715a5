package org.hotline.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.call.ServiceHours;

/**
 * Service hours as an administrator last set them, in {@value #COLLECTION} under {@code _id: "hours"}:
 * {@code {week: {monday: "09:00-21:00" | "closed", ...}, holidays: ["2026-10-01"], changedBy, changedAt}}.
 * Read at start-up, where they win over the configuration's.
 */
public final class MongoServiceHours {

    static final String COLLECTION = "settings";
    private static final String ID = "hours";

    private final MongoCollection<Document> settings;

    public MongoServiceHours(MongoCollection<Document> settings) {
        this.settings = Objects.requireNonNull(settings);
    }

    public void save(ServiceHours hours, String changedBy, Instant at) {
        Document week = new Document();
        for (DayOfWeek day : DayOfWeek.values()) {
            ServiceHours.Hours open = hours.week().get(day);
            week.append(day.name().toLowerCase(Locale.ROOT), open == null ? "closed" : open.text());
        }
        List<String> holidays = hours.holidays().stream().sorted().map(LocalDate::toString).toList();
        settings.replaceOne(eq("_id", ID), new Document("_id", ID).append("week", week).append("holidays", holidays)
                .append("changedBy", changedBy).append("changedAt", Date.from(at)), new ReplaceOptions().upsert(true));
    }

    /** The hours last saved, in the centre's zone; empty when none were. */
    public Optional<ServiceHours> load(ZoneId zone) {
        Document saved = settings.find(eq("_id", ID)).first();
        if (saved == null) {
            return Optional.empty();
        }
        try {
            Document week = saved.get("week", Document.class);
            Map<DayOfWeek, ServiceHours.Hours> days = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                ServiceHours.Hours.parse(week.getString(day.name().toLowerCase(Locale.ROOT))).ifPresent(open -> days.put(day, open));
            }
            Set<LocalDate> holidays = new HashSet<>();
            for (String date : saved.getList("holidays", String.class, new ArrayList<>())) {
                holidays.add(LocalDate.parse(date));
            }
            return Optional.of(new ServiceHours(zone, days, holidays));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the saved service hours are in a form this version cannot read: " + e.getMessage(), e);
        }
    }
}
