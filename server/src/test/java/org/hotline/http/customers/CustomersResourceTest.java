package org.hotline.http.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.ServerSocket;
import java.util.Set;
import org.hotline.customer.PhoneNumbers;
import org.hotline.http.ResourceFixture;
import org.hotline.shared.AgentId;
import org.hotline.store.MongoCustomerFile;
import org.hotline.store.MongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomersResourceTest {

    private static final Set<AgentId> ROSTER = Set.of(new AgentId("010"), new AgentId("011"));
    private static final JsonObject CHEN = new JsonObject().put("name", "陈先生").put("vip", true).put("advisor", "011")
            .put("note", "喜欢上午来电");

    private ResourceFixture http;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        serve(new MongoCustomerFile(http.store.customers()));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void aCustomerPutUnderAnyWrittenFormOfTheirNumberIsFoundByItsE164Form() throws Exception {
        HttpResponse<Buffer> created = send(HttpMethod.PUT, "/api/customers/138%200013%208000", CHEN);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.bodyAsJsonObject()).isEqualTo(CHEN.copy().put("number", "+8613800138000"));
        assertThat(send(HttpMethod.GET, "/api/customers/+8613800138000", null).bodyAsJsonObject().getString("name")).isEqualTo("陈先生");
        assertThat(send(HttpMethod.GET, "/api/customers/13800138000", null).statusCode()).isEqualTo(200);
        assertThat(send(HttpMethod.GET, "/api/customers/%2B86-138-0013-8000", null).statusCode()).isEqualTo(200);
    }

    @Test
    void puttingAgainReplacesTheCustomer() throws Exception {
        send(HttpMethod.PUT, "/api/customers/+8613800138000", CHEN);

        HttpResponse<Buffer> replaced = send(HttpMethod.PUT, "/api/customers/+8613800138000",
                new JsonObject().put("name", "陈先生").put("number", "+86 138 0013 8000"));

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(send(HttpMethod.GET, "/api/customers/+8613800138000", null).bodyAsJsonObject())
                .isEqualTo(new JsonObject().put("number", "+8613800138000").put("name", "陈先生").put("vip", false)
                        .put("advisor", null).put("note", null));
    }

    @Test
    void anUnknownCustomerIs404AndNotANumberIs400() throws Exception {
        assertThat(send(HttpMethod.GET, "/api/customers/+8613900001111", null).statusCode()).isEqualTo(404);
        HttpResponse<Buffer> bad = send(HttpMethod.GET, "/api/customers/anonymous", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(error(bad)).startsWith("number:");
        assertThat(error(send(HttpMethod.PUT, "/api/customers/10086", CHEN))).startsWith("number:");
    }

    @Test
    void aDeletedCustomerIsGone() throws Exception {
        send(HttpMethod.PUT, "/api/customers/+8613800138000", CHEN);

        assertThat(send(HttpMethod.DELETE, "/api/customers/13800138000", null).statusCode()).isEqualTo(204);
        assertThat(send(HttpMethod.DELETE, "/api/customers/13800138000", null).statusCode()).isEqualTo(404);
        assertThat(send(HttpMethod.GET, "/api/customers/13800138000", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theAdvisorMustBeAnAgentOfTheRosterAndOnlyAVipHasOne() throws Exception {
        assertThat(error(send(HttpMethod.PUT, "/api/customers/13800138000", CHEN.copy().put("advisor", "099"))))
                .isEqualTo("advisor: no agent 099");
        assertThat(error(send(HttpMethod.PUT, "/api/customers/13800138000", CHEN.copy().put("advisor", "0; drop"))))
                .isEqualTo("advisor: not an agent ID");
        assertThat(error(send(HttpMethod.PUT, "/api/customers/13800138000", CHEN.copy().put("vip", false))))
                .startsWith("advisor: only a VIP");
    }

    @Test
    void aBadBodyOrFieldIsRefusedNamingIt() throws Exception {
        assertThat(error(send(HttpMethod.PUT, "/api/customers/13800138000", new JsonObject().put("vip", true))))
                .isEqualTo("name: is required");
        assertThat(error(send(HttpMethod.PUT, "/api/customers/13800138000", CHEN.copy().put("vip", "yes"))))
                .startsWith("vip:");
        assertThat(error(send(HttpMethod.PUT, "/api/customers/13800138000", CHEN.copy().put("name", "x".repeat(101)))))
                .startsWith("name: at most 100");
        assertThat(error(send(HttpMethod.PUT, "/api/customers/13800138000", CHEN.copy().put("note", 5))))
                .startsWith("note:");
        assertThat(error(send(HttpMethod.PUT, "/api/customers/13800138000", CHEN.copy().put("level", "gold"))))
                .startsWith("\"level\": unknown field");
        assertThat(error(send(HttpMethod.PUT, "/api/customers/13800138000", CHEN.copy().put("number", "+8613900001111"))))
                .startsWith("number:");
        HttpResponse<Buffer> notJson = http.sendBuffer(HttpMethod.PUT, "/api/customers/13800138000", Buffer.buffer("name=陈"));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(error(notJson)).startsWith("body:");
        assertThat(send(HttpMethod.GET, "/api/customers/13800138000", null).statusCode()).as("nothing kept").isEqualTo(404);
    }

    @Test
    void theListPagesByNumber() throws Exception {
        for (String number : new String[] {"13800138003", "13800138001", "13800138002"}) {
            send(HttpMethod.PUT, "/api/customers/" + number, new JsonObject().put("name", "客户"));
        }

        JsonObject first = send(HttpMethod.GET, "/api/customers?limit=2", null).bodyAsJsonObject();
        assertThat(first.getInteger("count")).isEqualTo(2);
        assertThat(first.getJsonArray("customers").getJsonObject(0).getString("number")).isEqualTo("+8613800138001");
        assertThat(first.getString("next")).isEqualTo("+8613800138002");

        JsonObject second = send(HttpMethod.GET, "/api/customers?limit=2&after=%2B8613800138002", null).bodyAsJsonObject();
        assertThat(second.getJsonArray("customers").getJsonObject(0).getString("number")).isEqualTo("+8613800138003");
        assertThat(second.getValue("next")).isNull();

        JsonObject unencodedPlus = send(HttpMethod.GET, "/api/customers?limit=2&after=+8613800138002", null).bodyAsJsonObject();
        assertThat(unencodedPlus.getInteger("count")).isEqualTo(1);
    }

    @Test
    void badListParametersAreNamed() throws Exception {
        assertThat(error(send(HttpMethod.GET, "/api/customers?limit=0", null))).startsWith("limit:");
        assertThat(error(send(HttpMethod.GET, "/api/customers?limit=501", null))).startsWith("limit:");
        assertThat(error(send(HttpMethod.GET, "/api/customers?after=%7B%22%24gt%22%3A1%7D", null))).startsWith("after:");
    }

    @Test
    void anUnavailableStoreIs503() throws Exception {
        try (MongoStore away = new MongoStore("mongodb://127.0.0.1:" + freePort() + "/?serverSelectionTimeoutMS=200", "hotline")) {
            serve(new MongoCustomerFile(away.customers()));
            assertThat(send(HttpMethod.GET, "/api/customers/13800138000", null).statusCode()).isEqualTo(503);
        }
    }

    private void serve(MongoCustomerFile customers) throws Exception {
        http.serve(router -> new CustomersResource(http.vertx, customers, new PhoneNumbers("CN"), ROSTER::contains).mount(router));
    }

    private HttpResponse<Buffer> send(HttpMethod method, String uri, JsonObject body) throws Exception {
        return http.send(method, uri, body);
    }

    private static String error(HttpResponse<Buffer> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return response.bodyAsJsonObject().getString("error");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
