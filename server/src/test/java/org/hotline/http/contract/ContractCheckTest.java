package org.hotline.http.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hotline.http.ResourceFixture;
import org.hotline.http.Responses;
import org.hotline.http.calls.CallsResource;
import org.hotline.http.cases.CasesResource;
import org.hotline.http.cases.CasesResourceTest;
import org.hotline.routing.TestClock;
import org.hotline.shared.AgentId;
import org.hotline.store.CallRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests are held to the contract before the resources see them: a bad one is refused with a
 * 400 naming what is wrong, a good one reaches the resource as it was sent, and what the
 * contract does not check (multipart forms, paths it does not describe) goes on untouched. (Body
 * limits: {@link HttpContractTest}, where the server answers a body too large.)
 */
class ContractCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final JsonObject DAMAGED_PARCEL = new JsonObject()
            .put("what", "包裹送到时已损坏，要求退款").put("contactPhone", "138 0013 8000").put("category", "delivery")
            .put("owner", "010");

    @TempDir
    Path uploads;
    private ResourceFixture http;

    /** The cases and call records resources behind the check, and stand-ins for an upload and a path the contract does not know. */
    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        ContractCheck check = ContractCheck.load(http.vertx).await(10, TimeUnit.SECONDS);
        TestClock clock = new TestClock(NOW);
        CasesResource cases = CasesResourceTest.resource(http, clock, Set.of(new AgentId("010"), new AgentId("001")));
        http.serve(router -> {
            check.mount(router);
            cases.mount(router);
            new CallsResource(http.vertx, new CallRecords(http.store.calls()), clock).mount(router);
            router.post("/api/campaigns/upload").handler(BodyHandler.create().setUploadsDirectory(uploads.toString()))
                    .handler(ctx -> Responses.json(ctx.response(), 201, new JsonObject()
                            .put("campaign", new JsonObject(ctx.request().getFormAttribute("campaign")))
                            .put("bytes", ctx.fileUploads().getFirst().size())));
            router.post("/api/campaigns").handler(BodyHandler.create())
                    .handler(ctx -> Responses.json(ctx.response(), 201, ctx.body().asJsonObject()));
            router.get("/api/not-described").handler(ctx -> ctx.response().end("limit=" + ctx.queryParams().get("limit")));
        });
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void aQueryParameterOfTheWrongTypeIsRefusedNamingIt() throws Exception {
        assertRefused(http.get("/api/calls?limit=abc"), "limit: a whole number from 1 to 500");
        assertRefused(http.get("/api/calls?limit=501"), "limit: a whole number from 1 to 500");
    }

    @Test
    void aValueOutsideItsListIsRefusedWithTheValuesAllowed() throws Exception {
        assertRefused(http.get("/api/cases?status=done"), "status: one of open, solution-ready, replied, closed");
        assertRefused(post("/api/cases/20261122-4F7K2Q/status", new JsonObject().put("status", "done")),
                "status: one of open, solution-ready, replied, closed");
    }

    @Test
    void aPathParameterOfTheWrongShapeIsRefusedAsTheContractDescribesIt() throws Exception {
        assertRefused(http.get("/api/cases/not-a-case"), "id: a case number (e.g. 20261122-4F7K2Q)");
    }

    @Test
    void aBodyFieldOfTheWrongJsonTypeIsRefusedNamingItsPath() throws Exception {
        assertRefused(post("/api/cases", DAMAGED_PARCEL.copy().put("category", 5)), "category: expected text");
        assertRefused(post("/api/campaigns", new JsonObject().put("name", "回访").put("kind", "survey")
                        .put("rules", new JsonObject().put("maxLines", "five"))),
                "rules.maxLines: a whole number from 1 to 200");
        assertRefused(post("/api/campaigns", new JsonObject().put("name", "回访").put("kind", "survey")
                        .put("source", new JsonObject().put("kind", "abandoned").put("from", "2026-11-21T00:00:00+08:00"))),
                "source.to: is required");
    }

    @Test
    void aMissingRequiredFieldIsRefusedNamingIt() throws Exception {
        JsonObject noPhone = DAMAGED_PARCEL.copy();
        noPhone.remove("contactPhone");
        assertRefused(post("/api/cases", noPhone), "contactPhone: is required");
        assertRefused(post("/api/cases/20261122-4F7K2Q/status", new JsonObject()), "status: is required");
    }

    @Test
    void anUnknownFieldIsRefusedListingTheKnownOnes() throws Exception {
        assertRefused(post("/api/cases/20261122-4F7K2Q/status", new JsonObject().put("status", "replied").put("$where", "1")),
                "\"$where\": unknown field (by, from, note, status)");
        assertRefused(post("/api/campaigns", new JsonObject().put("name", "回访").put("kind", "survey")
                        .put("rules", new JsonObject().put("speed", 3))),
                "rules.\"speed\": unknown field (callerId, deadlineHours, detectMachines, inboundFirst, maxAttempts, maxLines, "
                        + "pacing, recording, retryAfterMinutes, skill, window)");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() throws Exception {
        assertRefused(http.sendBuffer(HttpMethod.POST, "/api/cases", Buffer.buffer("{\"what\": ")), "body: not valid JSON");
        assertRefused(http.sendBuffer(HttpMethod.POST, "/api/cases", Buffer.buffer("[1, 2]")), "body: expected a JSON object");
        assertRefused(http.sendBuffer(HttpMethod.POST, "/api/cases", Buffer.buffer("")), "body: is required (JSON)");
    }

    @Test
    void whatTheClientSentIsNotEchoedAndLongNamesAreCut() throws Exception {
        String script = "<script>alert(1)</script>";
        HttpResponse<Buffer> badStatus = post("/api/cases/20261122-4F7K2Q/status", new JsonObject().put("status", script));
        assertThat(error(badStatus)).doesNotContain(script);

        HttpResponse<Buffer> longName = post("/api/cases/20261122-4F7K2Q/status",
                new JsonObject().put("status", "replied").put("x".repeat(10_000), 1));
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(error(longName)).hasSizeLessThan(200).endsWith("unknown field (by, from, note, status)");
    }

    @Test
    void aGoodRequestReachesTheResourceAsItWasSent() throws Exception {
        HttpResponse<Buffer> opened = post("/api/cases", DAMAGED_PARCEL.copy().put("severity", "").put("where", "西单门店"));

        assertThat(opened.statusCode()).as(opened.bodyAsString()).isEqualTo(201);
        JsonObject created = opened.bodyAsJsonObject();
        assertThat(created.getString("what")).isEqualTo("包裹送到时已损坏，要求退款");
        assertThat(created.getString("where")).isEqualTo("西单门店");
        assertThat(created.getString("contactPhone")).isEqualTo("+8613800138000");
        assertThat(created.getString("severity")).isEqualTo("normal");
        assertThat(http.get("/api/cases/" + created.getString("id")).bodyAsJsonObject()).isEqualTo(created);

        JsonArray listed = http.get("/api/cases?status=%20open%20&owner=010&limit=").bodyAsJsonObject().getJsonArray("cases");
        assertThat(listed).hasSize(1);
        HttpResponse<Buffer> calls = http.get("/api/calls?limit=5&from=2026-11-21T00:00:00%2B08:00&to=2026-11-22T00:00:00%2B08:00");
        assertThat(calls.statusCode()).as(calls.bodyAsString()).isEqualTo(200);
    }

    @Test
    void aCallIdAsAsteriskWritesItReachesTheResource() throws Exception {
        HttpResponse<Buffer> call = http.get("/api/calls/1795309200.17");
        assertThat(call.statusCode()).as(call.bodyAsString()).isEqualTo(404);
        assertThat(call.bodyAsJsonObject().getString("error")).isEqualTo("no call 1795309200.17");
        HttpResponse<Buffer> owned = http.get("/api/cases?owner=010");
        assertThat(owned.statusCode()).as("an agent ID of digits is text").isEqualTo(200);
    }

    @Test
    void theResourceStillAnswersWhatOnlyItCanKnow() throws Exception {
        HttpResponse<Buffer> unknownOwner = post("/api/cases", DAMAGED_PARCEL.copy().put("owner", "099"));
        assertRefused(unknownOwner, "owner: no agent \"099\"");
        assertRefused(http.get("/api/calls?from=yesterday"),
                "from: expected an ISO-8601 date-time with offset, e.g. 2026-11-22T09:00:00+08:00");
    }

    @Test
    void aMultipartUploadIsLeftToTheResource() throws Exception {
        Path csv = Files.writeString(uploads.resolve("contacts.csv"), "电话,姓名\r\n13900000012,李女士\r\n");
        HttpResponse<Buffer> uploaded = WebClient.create(http.vertx)
                .post(http.port(), "127.0.0.1", "/api/campaigns/upload")
                .sendMultipartForm(MultipartForm.create()
                        .attribute("campaign", new JsonObject().put("name", "退货回访").put("kind", "survey").encode())
                        .textFileUpload("contacts", "contacts.csv", csv.toString(), "text/csv"))
                .await(10, TimeUnit.SECONDS);

        assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(201);
        assertThat(uploaded.bodyAsJsonObject().getJsonObject("campaign").getString("name")).isEqualTo("退货回访");
        assertThat(uploaded.bodyAsJsonObject().getLong("bytes")).isEqualTo(Files.size(csv));
    }

    @Test
    void aPathTheContractDoesNotDescribeGoesOnUntouched() throws Exception {
        HttpResponse<Buffer> answered = http.get("/api/not-described?limit=abc");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.bodyAsString()).isEqualTo("limit=abc");
    }

    private HttpResponse<Buffer> post(String uri, JsonObject body) throws Exception {
        return http.send(HttpMethod.POST, uri, body);
    }

    private static void assertRefused(HttpResponse<Buffer> response, String error) {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
        assertThat(error(response)).isEqualTo(error);
    }

    private static String error(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getString("error");
    }
}
