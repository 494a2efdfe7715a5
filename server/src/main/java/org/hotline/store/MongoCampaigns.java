package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.CallWindow;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.CampaignKind;
import org.hotline.campaign.CampaignRules;
import org.hotline.campaign.CampaignStatus;
import org.hotline.campaign.Campaigns;
import org.hotline.campaign.Pacing;
import org.hotline.campaign.RetryRules;
import org.hotline.shared.Skill;

/** Campaigns in MongoDB, one document each; status changes are conditional updates. */
public final class MongoCampaigns implements Campaigns {

    static final String COLLECTION = "campaigns";

    private final MongoCollection<Document> campaigns;
    private volatile StoreFence fence = StoreFence.none();

    public MongoCampaigns(MongoCollection<Document> campaigns) {
        this.campaigns = campaigns;
    }

    /** A campaign's status (running, paused, stopped, completed) moves only while the store's lease names this server. */
    public MongoCampaigns fencedBy(StoreFence fence) {
        this.fence = java.util.Objects.requireNonNull(fence);
        return this;
    }

    @Override
    public boolean add(Campaign campaign) {
        try {
            campaigns.insertOne(toDocument(campaign));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Campaign> find(CampaignId id) {
        return Optional.ofNullable(campaigns.find(eq("_id", id.value())).first()).map(MongoCampaigns::fromDocument);
    }

    @Override
    public List<Campaign> list(int limit) {
        List<Campaign> list = new ArrayList<>();
        campaigns.find().sort(Sorts.descending("createdAt")).limit(limit).forEach(doc -> list.add(fromDocument(doc)));
        return list;
    }

    @Override
    public List<Campaign> running() {
        List<Campaign> list = new ArrayList<>();
        campaigns.find(eq("status", name(CampaignStatus.RUNNING))).forEach(doc -> list.add(fromDocument(doc)));
        return list;
    }

    @Override
    public boolean move(CampaignId id, CampaignStatus expected, CampaignStatus next) {
        fence.check();
        return campaigns.updateOne(and(eq("_id", id.value()), eq("status", name(expected))),
                Updates.set("status", name(next))).getModifiedCount() == 1;
    }

    static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E value(Class<E> type, String name) {
        return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    }

    private static Document toDocument(Campaign campaign) {
        CampaignRules rules = campaign.rules();
        Document waits = new Document();
        rules.retries().waitAfter().forEach((outcome, wait) -> waits.append(name(outcome), wait.toSeconds()));
        List<String> days = rules.window().days().stream().sorted().map(MongoCampaigns::name).toList();
        Document ruleDoc = new Document("window", new Document("opens", rules.window().opens().toString())
                .append("closes", rules.window().closes().toString()).append("days", days))
                .append("maxAttempts", rules.retries().maxAttempts())
                .append("retryAfterSeconds", waits)
                .append("deadlineSeconds", rules.deadline().toSeconds())
                .append("maxLines", rules.maxLines())
                .append("callerId", rules.callerId())
                .append("pacing", name(rules.pacing()))
                .append("skill", rules.skill() == null ? null : rules.skill().name())
                .append("inboundFirst", rules.inboundFirst())
                .append("detectMachines", rules.detectMachines())
                .append("recording", rules.recording().name().toLowerCase(java.util.Locale.ROOT));
        return new Document("_id", campaign.id().value())
                .append("name", campaign.name())
                .append("kind", name(campaign.kind()))
                .append("status", name(campaign.status()))
                .append("message", campaign.message())
                .append("rules", ruleDoc)
                .append("createdAt", Date.from(campaign.createdAt()))
                .append("createdBy", campaign.createdBy());
    }

    private static Campaign fromDocument(Document doc) {
        Document rules = doc.get("rules", Document.class);
        Document window = rules.get("window", Document.class);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : window.getList("days", String.class)) {
            days.add(value(DayOfWeek.class, day));
        }
        Map<AttemptOutcome, Duration> waits = new EnumMap<>(AttemptOutcome.class);
        Document retry = rules.get("retryAfterSeconds", Document.class);
        for (String outcome : retry.keySet()) {
            waits.put(value(AttemptOutcome.class, outcome), Duration.ofSeconds(((Number) retry.get(outcome)).longValue()));
        }
        String skill = rules.getString("skill");
        CampaignRules parsed = new CampaignRules(
                new CallWindow(LocalTime.parse(window.getString("opens")), LocalTime.parse(window.getString("closes")), days),
                new RetryRules(rules.getInteger("maxAttempts"), waits),
                Duration.ofSeconds(((Number) rules.get("deadlineSeconds")).longValue()),
                rules.getInteger("maxLines"), rules.getString("callerId"), value(Pacing.class, rules.getString("pacing")),
                skill == null ? null : new Skill(skill), rules.getBoolean("inboundFirst", true),
                rules.getBoolean("detectMachines", false),
                org.hotline.call.RecordingMode.of(rules.get("recording", "off")));
        return new Campaign(new CampaignId(doc.getString("_id")), doc.getString("name"),
                value(CampaignKind.class, doc.getString("kind")), parsed, doc.getString("message"),
                value(CampaignStatus.class, doc.getString("status")), doc.getDate("createdAt").toInstant(),
                doc.getString("createdBy"));
    }
}
