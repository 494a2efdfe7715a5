package org.hotline.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An agentless survey campaign against the real Asterisk: the customer who answers hears the
 * survey and their keypad answer is stored; a busy customer is tried exactly as often as the
 * rules allow; a number on the do-not-call list is never dialled.
 */
class CampaignIT {

    @RegisterExtension
    static final HotlineUnderTest hotline = new HotlineUnderTest("campaign_it", Map.of("HOTLINE_CAMPAIGN_RING", "6"));

    private static final String ANSWERS = "+8613900000011";
    private static final String BUSY = "+8613900000021";
    private static final String DO_NOT_CALL = "+8613900000031";
    private static final String NO_ANSWER = "+8613900000061";

    @Test
    void aSurveyCampaignStoresTheKeypadAnswerRetriesTheBusyLineAndSkipsTheDoNotCallNumber() throws Exception {
        HttpResponse<String> listed = hotline.server().post("/api/do-not-call", new JsonObject()
                .put("number", "139 0000 0031").put("reason", "客户要求不再来电").put("by", "001").encode());
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
        HttpResponse<String> created = hotline.server().post("/api/campaigns", new JsonObject()
                .put("id", "survey-it")
                .put("name", "满意度回访")
                .put("kind", "survey")
                .put("rules", new JsonObject()
                        .put("window", new JsonObject().put("opens", "00:00").put("closes", "23:59"))
                        .put("maxAttempts", 3)
                        .put("retryAfterMinutes", new JsonObject().put("busy", 0).put("no-answer", 0))
                        .put("maxLines", 2))
                .put("contacts", new JsonArray()
                        .add(new JsonObject().put("number", ANSWERS).put("name", "王先生"))
                        .add(new JsonObject().put("number", NO_ANSWER))
                        .add(new JsonObject().put("number", BUSY))
                        .add(new JsonObject().put("number", DO_NOT_CALL))
                        .add(new JsonObject().put("number", "12345"))
                        .add(new JsonObject().put("number", "139 0000 0011")))
                .encode());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject campaign = new JsonObject(created.body());
        assertThat(campaign.getInteger("contacts")).isEqualTo(4);
        assertThat(campaign.getJsonArray("rejected")).as("a bad number and a repeated one, by row").hasSize(2);

        assertThat(hotline.server().post("/api/campaigns/survey-it/start", "").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "completed".equals(hotline.server().getJson("/api/campaigns/survey-it").getString("status")));

        JsonObject progress = hotline.server().getJson("/api/campaigns/survey-it").getJsonObject("progress");
        assertThat(progress.getJsonObject("contacts").getInteger("done")).isEqualTo(1);
        assertThat(progress.getJsonObject("contacts").getInteger("exhausted")).isEqualTo(2);
        assertThat(progress.getJsonObject("contacts").getInteger("do-not-call")).isEqualTo(1);
        assertThat(progress.getInteger("reachedWithinDeadline")).isEqualTo(1);

        JsonArray attempts = hotline.server().getJson("/api/campaigns/survey-it/attempts").getJsonArray("attempts");
        JsonObject reached = attempts.stream().map(JsonObject.class::cast)
                .filter(attempt -> attempt.getString("number").equals(ANSWERS)).findFirst().orElseThrow();
        assertThat(reached.getString("outcome")).isEqualTo("reached");
        assertThat(reached.getInteger("surveyScore")).as("the customer pressed 4").isEqualTo(4);
        assertThat(reached.getString("answeredAt")).isNotNull();
        assertThat(attempts.stream().map(JsonObject.class::cast).filter(a -> a.getString("number").equals(BUSY))
                .map(a -> a.getString("outcome"))).containsExactly("busy", "busy", "busy");
        assertThat(attempts.stream().map(JsonObject.class::cast).filter(a -> a.getString("number").equals(NO_ANSWER))
                .map(a -> a.getString("outcome"))).as("rang out after campaigns.ringSeconds").containsExactly(
                "no-answer", "no-answer", "no-answer");

        // Supervisors watching the live channel saw it finish.
        assertThat(hotline.server().awaitLiveEvent(Duration.ofSeconds(10), "campaign-progress", "survey-it", "\"completed\""))
                .contains("\"done\":1");

        // The outbound report over the hours around now counts the same attempts.
        java.time.Instant hour = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        JsonObject report = hotline.server().getJson("/api/reports/outbound?from=" + hour.minusSeconds(3600) + "&to="
                + hour.plusSeconds(7200));
        assertThat(report.getJsonObject("attemptsByOutcome").getInteger("busy")).isEqualTo(3);
        assertThat(report.getJsonObject("attemptsByOutcome").getInteger("no-answer")).isEqualTo(3);
        assertThat(report.getJsonObject("attemptsByOutcome").getInteger("reached")).isEqualTo(1);

        // What Asterisk itself saw: one call to the customer who answered, three to the busy line, none to the listed number.
        Map<String, Integer> dialled = new TreeMap<>();
        hotline.ami().events().stream().filter(NewChannelEvent.class::isInstance).map(NewChannelEvent.class::cast)
                .map(NewChannelEvent::getChannel)
                .filter(channel -> channel != null && channel.startsWith("Local/139") && channel.endsWith(";1"))
                .map(channel -> channel.substring("Local/".length(), channel.indexOf('@')))
                .filter(number -> java.util.Set.of("13900000011", "13900000021", "13900000031", "13900000061").contains(number))
                .forEach(number -> dialled.merge(number, 1, Integer::sum));
        assertThat(dialled).containsExactlyInAnyOrderEntriesOf(Map.of("13900000011", 1, "13900000021", 3, "13900000061", 3));
    }

    @Test
    void aCampaignWithNobodyToCallOrNoWindowIsRefusedWithAClearMessage() throws Exception {
        HttpResponse<String> empty = hotline.server().post("/api/campaigns",
                "{\"name\":\"x\",\"kind\":\"survey\",\"contacts\":[]}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("contacts").contains("nobody to call");
        HttpResponse<String> noDays = hotline.server().post("/api/campaigns",
                "{\"name\":\"x\",\"kind\":\"survey\",\"rules\":{\"window\":{\"opens\":\"09:00\",\"closes\":\"21:00\",\"days\":[]}},"
                        + "\"contacts\":[{\"number\":\"13900000011\"}]}");
        assertThat(noDays.statusCode()).isEqualTo(400);
        assertThat(noDays.body()).contains("rules.window").contains("at least one day");
        HttpResponse<String> callback = hotline.server().post("/api/campaigns",
                "{\"name\":\"x\",\"kind\":\"callback\",\"contacts\":[{\"number\":\"13900000011\"}]}");
        assertThat(callback.statusCode()).isEqualTo(400);
        assertThat(callback.body()).contains("skill");
    }

    @Test
    void aCampaignMadeFromAnUploadedSpreadsheetInGb18030CallsItsGoodRows() throws Exception {
        String csv = "电话,姓名,事由\r\n13900000012,李女士,退货进度\r\n12345,张先生,坏号码\r\n";
        HttpResponse<String> created = hotline.server().postForm("/api/campaigns/upload",
                Map.of("campaign", new JsonObject().put("id", "upload-it").put("name", "退货回访").put("kind", "survey")
                        .put("rules", new JsonObject().put("window", new JsonObject().put("opens", "00:00").put("closes", "23:59")))
                        .encode()),
                "contacts", "list.csv", csv.getBytes(java.nio.charset.Charset.forName("GB18030")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject campaign = new JsonObject(created.body());
        assertThat(campaign.getInteger("contacts")).isEqualTo(1);
        assertThat(campaign.getString("encoding")).isEqualTo("GB18030");
        assertThat(campaign.getJsonArray("rejected")).singleElement()
                .satisfies(row -> assertThat(((JsonObject) row).getInteger("row")).isEqualTo(3));

        assertThat(hotline.server().post("/api/campaigns/upload-it/start", "").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "completed".equals(hotline.server().getJson("/api/campaigns/upload-it").getString("status")));
        JsonArray attempts = hotline.server().getJson("/api/campaigns/upload-it/attempts").getJsonArray("attempts");
        assertThat(attempts).singleElement().satisfies(attempt -> {
            assertThat(((JsonObject) attempt).getString("number")).isEqualTo("+8613900000012");
            assertThat(((JsonObject) attempt).getInteger("surveyScore")).isEqualTo(4);
        });
    }

    @Test
    void aNoticeThatReachesAnAnsweringMachineIsLeftThereAndCountedAsAMachine() throws Exception {
        HttpResponse<String> created = hotline.server().post("/api/campaigns", new JsonObject()
                .put("id", "machine-it").put("name", "Defect notice").put("kind", "notification").put("message", "demo")
                .put("rules", new JsonObject().put("window", new JsonObject().put("opens", "00:00").put("closes", "23:59"))
                        .put("maxAttempts", 1).put("detectMachines", true))
                .put("contacts", new JsonArray().add(new JsonObject().put("number", "13900000051")))
                .encode());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(hotline.server().post("/api/campaigns/machine-it/start", "").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "completed".equals(hotline.server().getJson("/api/campaigns/machine-it").getString("status")));
        JsonArray attempts = hotline.server().getJson("/api/campaigns/machine-it/attempts").getJsonArray("attempts");
        assertThat(attempts).singleElement()
                .satisfies(attempt -> assertThat(((JsonObject) attempt).getString("outcome")).isEqualTo("answering-machine"));
    }
}
