package org.hotline.http.donotcall;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.hotline.campaign.upload.ContactNumbers;
import org.hotline.customer.PhoneNumbers;
import org.hotline.http.ResourceFixture;
import org.hotline.store.MongoDoNotCallList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DoNotCallResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");
    private static final JsonObject CHEN = new JsonObject().put("number", "138 0013 8000").put("reason", "客户要求不再来电").put("by", "王组长");

    private ResourceFixture http;
    private MongoDoNotCallList list;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        list = new MongoDoNotCallList(http.store.doNotCall());
        ContactNumbers beijing = new ContactNumbers(new PhoneNumbers("CN"), "10", ZoneId.of("Asia/Shanghai"));
        http.serve(router -> new DoNotCallResource(http.vertx, list, beijing, Clock.fixed(NOW, ZoneOffset.UTC)).mount(router));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void aNumberPostedAnyWayWrittenIsListedInItsE164Form() throws Exception {
        HttpResponse<Buffer> added = http.send(HttpMethod.POST, "/api/do-not-call", CHEN);

        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.bodyAsJsonObject()).isEqualTo(new JsonObject().put("number", "+8613800138000")
                .put("reason", "客户要求不再来电").put("by", "王组长").put("addedAt", "2026-11-22T02:00:00Z"));
        assertThat(list.contains("+8613800138000")).isTrue();
        assertThat(http.get("/api/do-not-call/%2B86-138-0013-8000").statusCode()).isEqualTo(200);
    }

    @Test
    void aLocalNumberIsReadInTheCentresAreaAsUploadsReadIt() throws Exception {
        http.send(HttpMethod.POST, "/api/do-not-call", CHEN.copy().put("number", "6234 5678"));

        assertThat(list.contains("+861062345678")).isTrue();
    }

    @Test
    void postingAListedNumberAgainKeepsItsFirstEntry() throws Exception {
        http.send(HttpMethod.POST, "/api/do-not-call", CHEN);

        HttpResponse<Buffer> again = http.send(HttpMethod.POST, "/api/do-not-call", CHEN.copy().put("reason", "again"));

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.bodyAsJsonObject().getString("reason")).isEqualTo("客户要求不再来电");
    }

    @Test
    void aRemovedNumberIsNoLongerListed() throws Exception {
        http.send(HttpMethod.POST, "/api/do-not-call", CHEN);

        assertThat(http.send(HttpMethod.DELETE, "/api/do-not-call/13800138000", null).statusCode()).isEqualTo(204);
        assertThat(http.send(HttpMethod.DELETE, "/api/do-not-call/13800138000", null).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/do-not-call/13800138000").statusCode()).isEqualTo(404);
        assertThat(list.contains("+8613800138000")).isFalse();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsListed() throws Exception {
        assertThat(error(http.send(HttpMethod.POST, "/api/do-not-call", CHEN.copy().put("number", "10086")))).startsWith("number: not a phone number");
        assertThat(error(http.send(HttpMethod.POST, "/api/do-not-call", CHEN.copy().put("number", 13800138000L)))).isEqualTo("number: expected text");
        assertThat(error(http.send(HttpMethod.POST, "/api/do-not-call", new JsonObject().put("reason", "x").put("by", "y"))))
                .isEqualTo("number: is required");
        assertThat(error(http.send(HttpMethod.POST, "/api/do-not-call", CHEN.copy().put("reason", " ")))).isEqualTo("reason: is required");
        assertThat(error(http.send(HttpMethod.POST, "/api/do-not-call", withoutBy())))
                .isEqualTo("by: is required");
        assertThat(error(http.send(HttpMethod.POST, "/api/do-not-call", CHEN.copy().put("reason", "x".repeat(201)))))
                .startsWith("reason: at most 200 characters");
        assertThat(error(http.send(HttpMethod.POST, "/api/do-not-call", CHEN.copy().put("until", "2027-01-01"))))
                .startsWith("\"until\": unknown field");
        assertThat(error(http.sendBuffer(HttpMethod.POST, "/api/do-not-call", Buffer.buffer("number=13800138000")))).startsWith("body:");
        assertThat(error(http.get("/api/do-not-call/anonymous"))).startsWith("number:");
        assertThat(http.get("/api/do-not-call").bodyAsJsonObject().getInteger("count")).as("nothing listed").isZero();
    }

    @Test
    void theListPagesByNumber() throws Exception {
        for (String number : new String[] {"13800138003", "13800138001", "13800138002"}) {
            http.send(HttpMethod.POST, "/api/do-not-call", CHEN.copy().put("number", number));
        }

        JsonObject first = http.get("/api/do-not-call?limit=2").bodyAsJsonObject();
        assertThat(first.getJsonArray("entries").getJsonObject(0).getString("number")).isEqualTo("+8613800138001");
        assertThat(first.getString("next")).isEqualTo("+8613800138002");
        JsonObject second = http.get("/api/do-not-call?limit=2&after=%2B8613800138002").bodyAsJsonObject();
        assertThat(second.getJsonArray("entries")).hasSize(1);
        assertThat(second.getValue("next")).isNull();
        assertThat(error(http.get("/api/do-not-call?limit=501"))).startsWith("limit:");
        assertThat(error(http.get("/api/do-not-call?after=%7B%22%24gt%22%3A1%7D"))).startsWith("after:");
    }

    private static JsonObject withoutBy() {
        JsonObject body = CHEN.copy();
        body.remove("by");
        return body;
    }

    private static String error(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return response.bodyAsJsonObject().getString("error");
    }
}
