package org.hotline.it;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.asteriskjava.manager.event.AgiExecStartEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.bson.Document;
import org.hotline.store.TestMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day's audit against the real Asterisk's CEL: the calls it logged are the calls recorded, with the same
 * arrival and answer, and a record changed by hand afterwards is flagged. The test Asterisk's CEL file holds
 * every integration test's calls (each test has its own store), so only this test's calls are looked at.
 */
class CelAuditIT {

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("cel_audit_it");

    @Test
    void theCallsTheSwitchLoggedAreTheCallsRecordedAndARecordChangedByHandIsFlagged() throws Exception {
        NewChannelEvent talked;
        NewChannelEvent leftInMenu;
        try (Softphone agent = hotline.agentPhone("010", "agent-010-cel-audit").autoAnswer().start()) {
            hotline.readyWithPhone("010", agent);
            talked = hotline.ami().callHotline("10000", "<13900139001>");
            awaitMenu(talked);
            hotline.ami().press(talked, '1');
            agent.awaitCallEstablished(Duration.ofSeconds(15));
            Thread.sleep(2000);
            hotline.ami().hangUp(talked);
            agent.awaitCallClosed(Duration.ofSeconds(10));

            leftInMenu = hotline.ami().callHotline("10000", "<13900139002>");
            awaitMenu(leftInMenu);
            hotline.ami().hangUp(leftInMenu);
        }
        JsonObject record = hotline.server().awaitFinishedRecord(talked.getUniqueId());
        hotline.server().awaitFinishedRecord(leftInMenu.getUniqueId());
        LocalDate day = Instant.parse(record.getString("arrivalAt")).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        Set<String> ours = Set.of(talked.getUniqueId(), leftInMenu.getUniqueId());

        JsonObject honest = hotline.server().getJson("/api/reports/audit?day=" + day);
        assertThat(differences(honest, ours)).as("what the records and CEL say of arrival and answer")
                .noneMatch(d -> List.of("record", "arrivalAt", "answeredAt").contains(d.getString("what")));

        try (MongoClient client = MongoClients.create(TestMongo.connectionString())) {
            // this run's database: the fixture names it cel_audit_it_<nanos>
            String database = client.listDatabaseNames().into(new java.util.ArrayList<>()).stream()
                    .filter(name -> name.startsWith("cel_audit_it_")).max(java.util.Comparator.naturalOrder()).orElseThrow();
            MongoCollection<Document> calls = client.getDatabase(database).getCollection("calls");
            Date answered = calls.find(eq("_id", talked.getUniqueId())).first().get("agent", Document.class).getDate("answeredAt");
            calls.updateOne(eq("_id", talked.getUniqueId()), set("agent.answeredAt", new Date(answered.getTime() - 2000)));
            calls.deleteOne(eq("_id", leftInMenu.getUniqueId()));
        }

        JsonObject planted = hotline.server().getJson("/api/reports/audit?day=" + day);
        assertThat(planted.getBoolean("clean")).isFalse();
        assertThat(differences(planted, ours)).anyMatch(d -> d.getString("call").equals(talked.getUniqueId())
                && d.getString("what").equals("agent.answeredAt"));
        assertThat(differences(planted, ours)).anyMatch(d -> d.getString("call").equals(leftInMenu.getUniqueId())
                && d.getString("what").equals("record") && d.getString("record").equals("-"));
    }

    private static void awaitMenu(NewChannelEvent call) throws Exception {
        hotline.ami().awaitOn(call.getUniqueId(), e -> e instanceof AgiExecStartEvent s && s.getCommand() != null
                && s.getCommand().contains("/menu"), Duration.ofSeconds(15));
    }

    private static List<JsonObject> differences(JsonObject audit, Set<String> calls) {
        return audit.getJsonArray("calls").stream().map(JsonObject.class::cast)
                .filter(d -> calls.contains(d.getString("call"))).toList();
    }
}
