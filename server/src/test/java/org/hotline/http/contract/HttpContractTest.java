package org.hotline.http.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hotline.config.HotlineConfig;
import org.hotline.http.HttpApi;
import org.hotline.http.agents.AgentSkillsResource;
import org.hotline.http.agents.AgentsResource;
import org.hotline.http.agents.PreviewResource;
import org.hotline.http.agents.RosterResource;
import org.hotline.http.callbacks.CallbacksResource;
import org.hotline.http.calls.CallsResource;
import org.hotline.http.campaigns.CampaignOutcomeResource;
import org.hotline.http.campaigns.CampaignsResource;
import org.hotline.http.cases.CasesResource;
import org.hotline.http.customers.CustomersResource;
import org.hotline.http.donotcall.DoNotCallResource;
import org.hotline.http.health.HealthResource;
import org.hotline.http.health.MetricsResource;
import org.hotline.http.live.LiveResource;
import org.hotline.http.queues.QueuesResource;
import org.hotline.http.reports.ReportsResource;
import org.hotline.http.settings.SettingsResource;
import org.hotline.http.users.AccessApi;
import org.hotline.http.users.SessionResource;
import org.hotline.http.users.UsersResource;
import org.hotline.store.CaseReports;
import org.hotline.store.OutboundReports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP contract and the server agree: every route the server mounts is described, every
 * operation described is mounted, the contract is served as it is checked, and the bodies it
 * promises to take are the sizes the resources take.
 */
class HttpContractTest {

    /** The shipped configuration (the settings resource shows it). */
    static final HotlineConfig SHIPPED = org.hotline.config.ConfigLoader.load(
            Path.of(System.getProperty("hotline.home", "..")).resolve("config/hotline.yaml"),
            Map.of("HOTLINE_AMI_SECRET", "0123456789abcdef"), Path.of(System.getProperty("hotline.home", "..")));

    /** The largest body each resource's own body handler takes, by the operation that takes it. */
    private static final Map<String, Integer> RESOURCE_BODY_LIMITS = Map.ofEntries(
            Map.entry("changeAgentState", AgentsResource.BODY_LIMIT),
            Map.entry("putCustomer", CustomersResource.BODY_LIMIT),
            Map.entry("openCase", CasesResource.BODY_LIMIT),
            Map.entry("moveCase", CasesResource.BODY_LIMIT),
            Map.entry("openFollowUpCase", CasesResource.BODY_LIMIT),
            Map.entry("createCampaign", CampaignsResource.BODY_LIMIT),
            Map.entry("setContactOutcome", CampaignOutcomeResource.BODY_LIMIT),
            Map.entry("addDoNotCall", DoNotCallResource.BODY_LIMIT),
            Map.entry("logIn", SessionResource.BODY_LIMIT),
            Map.entry("changeOwnPassword", SessionResource.BODY_LIMIT),
            Map.entry("createUser", UsersResource.BODY_LIMIT),
            Map.entry("changeUser", UsersResource.BODY_LIMIT),
            Map.entry("setUserPassword", UsersResource.BODY_LIMIT),
            Map.entry("changeServiceHours", SettingsResource.BODY_LIMIT),
            Map.entry("changeAgentSkills", AgentSkillsResource.BODY_LIMIT),
            Map.entry("chooseWrapUpCode", org.hotline.http.agents.WrapUpResource.BODY_LIMIT),
            Map.entry("addAgent", RosterResource.BODY_LIMIT),
            Map.entry("changeAgent", RosterResource.BODY_LIMIT),
            Map.entry("listenToAgent", org.hotline.http.agents.MonitorResource.BODY_LIMIT),
            Map.entry("switchListeningMode", org.hotline.http.agents.MonitorResource.BODY_LIMIT),
            Map.entry("transferCall", org.hotline.http.agents.TransferResource.BODY_LIMIT));

    @TempDir
    Path uploads;
    private final Vertx vertx = Vertx.vertx();
    private ContractCheck contract;
    private HttpServer server;
    private final org.hotline.store.MongoStore store = org.hotline.store.TestMongo.openStore();
    private final org.hotline.access.Passwords passwords = new org.hotline.access.Passwords(4);
    private final org.hotline.store.MongoUsers users = new org.hotline.store.MongoUsers(store.users());
    private String cookie;
    private String csrf;

    /** The server's HTTP API as HotlineServer starts it, its resources on nothing (only their routes matter here). */
    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        contract = ContractCheck.load(vertx).await(10, TimeUnit.SECONDS);
        AccessApi access = new AccessApi(vertx, SHIPPED.access(), users, passwords,
                new org.hotline.store.MongoAuditLog(store.auditLog()),
                new org.hotline.store.MongoSessionBook(store.sessions(), new org.hotline.store.StoreSpool(null, org.hotline.store.WriteRetry.standard()), clock),
                agent -> true, false, clock);
        server = HttpApi.start(vertx, new HotlineConfig.Http("127.0.0.1", 0), new HttpApi.Web(null, access.guard(), contract, List.of(
                access,
                new SettingsResource(vertx, SHIPPED, new org.hotline.call.CentreHours(SHIPPED.hours()),
                        new org.hotline.store.MongoServiceHours(store.settings()), clock),
                new HealthResource(vertx, Map.of()),
                new CallsResource(vertx, null, clock),
                new AgentsResource(null),
                new AgentSkillsResource(vertx, null, SHIPPED.queues(), null, clock),
                new CallbacksResource(null),
                new org.hotline.http.callbacks.CallbackMessageResource(vertx,
                        new org.hotline.telephony.MessageFiles(java.nio.file.Path.of("target/no-messages")), call -> java.util.Optional.empty()),
                new QueuesResource(null),
                new CustomersResource(vertx, null, null, agent -> true),
                new LiveResource(vertx.getOrCreateContext(), agent -> true, clock, LiveResource.Settings.standard()),
                new ReportsResource(vertx, null, null, null, ZoneId.of("Asia/Shanghai"), Set.of("orders"), agent -> true,
                        new CaseReports(null, null, clock)).withOutbound(new OutboundReports(null, null))
                        .withAudit(day -> { throw new IllegalStateException("not audited in this test"); }),
                new CasesResource(vertx, null, null, null, agent -> true, clock),
                new CampaignsResource(vertx, null, null, null, null, null, uploads, null, null, null, null, clock),
                new CampaignOutcomeResource(vertx, null, null, null, null),
                new PreviewResource(null, null),
                new org.hotline.http.agents.WrapUpResource(null, null),
                new org.hotline.http.agents.MonitorResource(vertx, null, null),
                new org.hotline.http.agents.TransferResource(vertx, null, Set.of(), null),
                new org.hotline.http.calls.CallRecordingResource(vertx, null, null, null),
                new org.hotline.http.campaigns.AttemptRecordingResource(vertx, null, null, null),
                new org.hotline.http.agents.RecordingPauseResource(vertx, null),
                new org.hotline.http.calls.RecordingSweepResource(vertx, null),
                new org.hotline.http.agents.BrowserPhoneResource(vertx, null, null),
                new DoNotCallResource(vertx, null, null, clock),
                new MetricsResource(null), new RosterResource(vertx, null)))).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        store.database().drop();
        store.close();
    }

    @Test
    void everyRouteTheServerMountsIsDescribedInTheContract() {
        Set<String> undescribed = new TreeSet<>(contract.mountedRoutes());
        undescribed.removeAll(described().keySet());
        assertThat(undescribed).as("routes mounted but not in %s", ContractCheck.CONTRACT).isEmpty();
    }

    @Test
    void everyRouteTheServerMountsHasItsOwnAccessRuleAndEveryRuleARoute() {
        Set<String> mounted = new TreeSet<>(contract.mountedRoutes());
        Set<String> ruled = new TreeSet<>();
        // the guard's rules are these operations' x-permission (AccessRulesTest: each is read, or start-up stops)
        contract.operations().stream().filter(operation -> operation.getExtensions().get("x-permission") instanceof String)
                .forEach(operation -> ruled.add(operation(operation)));
        assertThat(ruled).as("routes without an access rule (they would be for admins only)").containsAll(mounted);
        assertThat(mounted).as("access rules without a route").containsAll(ruled);
    }

    @Test
    void everyOperationOfTheContractIsMounted() {
        Set<String> unmounted = new TreeSet<>(described().keySet());
        unmounted.removeAll(contract.mountedRoutes());
        assertThat(unmounted).as("operations in %s that no route serves", ContractCheck.CONTRACT).isEmpty();
    }

    @Test
    void everyOperationHasAnIdATagAndItsErrorResponses() {
        for (Operation operation : contract.operations()) {
            JsonObject model = operation.getOpenAPIModel();
            assertThat(operation.getOperationId()).as(operation.getOpenAPIPath()).isNotBlank();
            assertThat(operation.getTags()).as(operation.getOperationId()).hasSize(1);
            JsonObject responses = model.getJsonObject("responses");
            assertThat(responses.fieldNames()).as(operation.getOperationId()).anyMatch(status -> status.startsWith("2"));
            if (operation.getRequestBody() != null || operation.getParameters().stream().anyMatch(HttpContractTest::canBeWrong)) {
                assertThat(responses.fieldNames()).as(operation.getOperationId() + " checks input").contains("400");
            }
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent().containsKey("application/json")) {
                assertThat(responses.fieldNames()).as(operation.getOperationId() + " has a body limit").contains("413");
            }
        }
    }

    @Test
    void theContractIsServedAsItIsCheckedWithoutALogin() throws Exception {
        HttpResponse<Buffer> served = WebClient.create(vertx).request(HttpMethod.GET, server.actualPort(), "127.0.0.1",
                "/api/openapi.yaml").send().await(10, TimeUnit.SECONDS);

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.getHeader("content-type")).startsWith("application/yaml");
        assertThat(served.body().getBytes()).isEqualTo(onTheClasspath()).isEqualTo(contract.text().getBytes());
        JsonObject parsed = yaml(served.body().getBytes());
        assertThat(parsed.getString("openapi")).startsWith("3.1");
        OpenAPIContract reparsed = OpenAPIContract.from(vertx, ContractCheck.forValidation(parsed)).await(10, TimeUnit.SECONDS);
        assertThat(reparsed.operations().stream().map(HttpContractTest::operation).collect(Collectors.toSet()))
                .isEqualTo(described().keySet());
    }

    @Test
    void theContractDeclaresTheSessionCookieAndTheCsrfHeader() throws Exception {
        JsonObject schemes = yaml(onTheClasspath()).getJsonObject("components").getJsonObject("securitySchemes");
        assertThat(schemes.getJsonObject("session").getMap())
                .containsEntry("type", "apiKey").containsEntry("in", "cookie").containsEntry("name", "hotline_session");
        assertThat(schemes.getJsonObject("csrf").getMap())
                .containsEntry("type", "apiKey").containsEntry("in", "header").containsEntry("name", "X-CSRF-Token");
    }

    @Test
    void everyJsonBodyItTakesIsAsLargeAsTheResourceTakes() {
        Map<String, Object> promised = new TreeMap<>();
        for (Operation operation : contract.operations()) {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent().containsKey("application/json")) {
                promised.put(operation.getOperationId(), operation.getRequestBody().getExtensions().get(ContractCheck.BODY_LIMIT));
            }
        }
        assertThat(promised).isEqualTo(new TreeMap<>(RESOURCE_BODY_LIMITS));
    }

    @Test
    void aBodyOverItsLimitGets413AsFromTheResourceAndOneWithinItGoesOn() throws Exception {
        String pad = "x".repeat(AgentsResource.BODY_LIMIT);
        HttpResponse<Buffer> tooLarge = put("/api/agents/010/state", new JsonObject().put("state", "ready").put("pad", pad));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.bodyAsJsonObject().getString("error")).isEqualTo("body: too large");

        HttpResponse<Buffer> checked = put("/api/agents/010/state",
                new JsonObject().put("state", "asleep").put("pad", pad.substring(100)));
        assertThat(checked.statusCode()).isEqualTo(400);
        assertThat(checked.bodyAsJsonObject().getString("error")).isEqualTo("state: one of ready, paused, logged-out");
    }

    @Test
    void whatTheResourcesAnswerWith404StaysA404() throws Exception {
        assertThat(put("/api/agents/..%2F..%2Fetc/state", new JsonObject().put("state", "ready")).statusCode()).isEqualTo(404);
        HttpResponse<Buffer> noSuchCommand = loggedIn(HttpMethod.POST, "/api/campaigns/returns-survey/rewind").send()
                .await(10, TimeUnit.SECONDS);
        assertThat(noSuchCommand.statusCode()).isEqualTo(404);
    }

    @Test
    void aBrokenContractStopsStartUpSayingWhatIsWrong() {
        assertThatThrownBy(() -> ContractCheck.load(vertx, "openapi/no-such.yaml").await(10, TimeUnit.SECONDS))
                .hasMessage("HTTP contract openapi/no-such.yaml is broken: not on the classpath");
        assertThatThrownBy(() -> ContractCheck.load(vertx, "openapi/body-without-limit.yaml").await(10, TimeUnit.SECONDS))
                .hasMessageStartingWith("HTTP contract openapi/body-without-limit.yaml is broken: ")
                .hasMessageContaining("putThing: a JSON request body needs x-body-limit");
        assertThatThrownBy(() -> ContractCheck.load(vertx, "openapi/not-openapi.yaml").await(10, TimeUnit.SECONDS))
                .hasMessageStartingWith("HTTP contract openapi/not-openapi.yaml is broken: ");
    }

    private HttpResponse<Buffer> put(String uri, JsonObject body) throws Exception {
        return loggedIn(HttpMethod.PUT, uri).sendJsonObject(body).await(10, TimeUnit.SECONDS);
    }

    /** A request as an administrator makes it: behind the login, the contract is what answers. */
    private io.vertx.ext.web.client.HttpRequest<Buffer> loggedIn(HttpMethod method, String uri) throws Exception {
        if (cookie == null) {
            users.add(new org.hotline.access.User("boss", "Boss", org.hotline.access.Role.ADMIN, null,
                    passwords.hash("a long enough password"), false));
            HttpResponse<Buffer> login = WebClient.create(vertx).request(HttpMethod.POST, server.actualPort(), "127.0.0.1", "/api/session")
                    .sendJsonObject(new JsonObject().put("user", "boss").put("password", "a long enough password"))
                    .await(10, TimeUnit.SECONDS);
            cookie = login.getHeader("set-cookie").split(";")[0];
            csrf = login.bodyAsJsonObject().getString("csrfToken");
        }
        return WebClient.create(vertx).request(method, server.actualPort(), "127.0.0.1", uri)
                .putHeader("cookie", cookie).putHeader("X-CSRF-Token", csrf);
    }

    /** Whether the check can refuse a value of the parameter (an agent ID in a path cannot: it is the resource's 404). */
    private static boolean canBeWrong(Parameter parameter) {
        Set<String> says = new TreeSet<>(parameter.getSchema().fieldNames());
        says.removeAll(Set.of("type", "description", "examples", "default", "__absolute_uri__"));
        return !says.isEmpty() || !"string".equals(parameter.getSchema().get("type"))
                || parameter.isRequired() && parameter.getIn() != Location.PATH;
    }

    private static byte[] onTheClasspath() throws Exception {
        try (InputStream in = HttpContractTest.class.getClassLoader().getResourceAsStream(ContractCheck.CONTRACT)) {
            return in.readAllBytes();
        }
    }

    private static JsonObject yaml(byte[] text) throws Exception {
        return new JsonObject(new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(text)));
    }

    /** The contract's operations as "METHOD /path/{param}", with their ids. */
    private Map<String, String> described() {
        return contract.operations().stream().collect(Collectors.toMap(HttpContractTest::operation, Operation::getOperationId));
    }

    private static String operation(Operation operation) {
        return operation.getHttpMethod() + " " + operation.getOpenAPIPath();
    }
}
