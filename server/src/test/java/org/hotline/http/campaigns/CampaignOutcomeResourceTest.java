package org.hotline.http.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.campaign.Attempt;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.AttemptPlan;
import org.hotline.campaign.CallWindow;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.CampaignKind;
import org.hotline.campaign.CampaignRules;
import org.hotline.campaign.CampaignStatus;
import org.hotline.campaign.Contact;
import org.hotline.campaign.ContactDetails;
import org.hotline.campaign.ContactStatus;
import org.hotline.campaign.DifficultCustomer;
import org.hotline.campaign.Pacing;
import org.hotline.campaign.RetryRules;
import org.hotline.floor.CampaignRunner;
import org.hotline.http.ResourceFixture;
import org.hotline.routing.UnknownAgent;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.store.MongoCampaigns;
import org.hotline.store.MongoContactBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Marking a customer difficult: only in wrap-up, only by the agent who reached them, and then another agent calls later. */
class CampaignOutcomeResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z"); // 10:00 in Shanghai
    private static final CampaignId ID = new CampaignId("callbacks-1");
    private static final String OUTCOME = "/api/campaigns/callbacks-1/contacts/c1/outcome";
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Set<AgentId> wrappingUp = new java.util.HashSet<>(Set.of(new AgentId("010"), new AgentId("011")));
    private ResourceFixture http;
    private MongoContactBook book;
    private CampaignRunner runner;
    private Campaign campaign;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        http.store.ping();
        book = new MongoContactBook(http.store.campaignContacts(), http.store.campaignAttempts());
        MongoCampaigns campaigns = new MongoCampaigns(http.store.campaigns());
        campaign = new Campaign(ID, "Complaint callbacks", CampaignKind.CALLBACK,
                new CampaignRules(CallWindow.STANDARD, new RetryRules(3, Map.of()), Duration.ofDays(3), 5, "", Pacing.PROGRESSIVE,
                        new Skill("complaints"), true),
                "", CampaignStatus.RUNNING, NOW, "001");
        campaigns.add(campaign);
        book.add(List.of(new Contact("c1", ID, "+8613800138000", ZoneId.of("Asia/Shanghai"), ContactDetails.NONE, null, null,
                ContactStatus.PENDING, 0, NOW, NOW.plus(Duration.ofDays(3)), null)));
        runner = new CampaignRunner(campaigns, book, number -> false, null, null, null, clock, "a", 10);
        http.serve(router -> new CampaignOutcomeResource(http.vertx, campaigns, new DifficultCustomer(book, clock), runner,
                agent -> agent.value().equals("099") ? Future.failedFuture(new UnknownAgent("099"))
                        : Future.succeededFuture(wrappingUp.contains(agent))).mount(router));
    }

    @AfterEach
    void stop() throws Exception {
        runner.close();
        http.close();
    }

    /** The contact's first attempt, by {@code agent}, ended as {@code outcome}. */
    private void attempted(String agent, AttemptOutcome outcome) {
        Contact claimed = book.claim(book.find("c1").orElseThrow(), "a", NOW).orElseThrow();
        Contact after = new AttemptPlan(campaign.rules()).after(claimed, outcome, new AgentId(agent), NOW.plusSeconds(60));
        book.finish(new Attempt(claimed, 1, new AgentId(agent), NOW, outcome == AttemptOutcome.REACHED ? NOW.plusSeconds(10) : null,
                NOW.plusSeconds(60), outcome, null), after, "a");
    }

    private HttpResponse<Buffer> post(String uri, JsonObject body) throws Exception {
        return http.send(HttpMethod.POST, uri, body);
    }

    private static JsonObject difficultBy(String agent) {
        return new JsonObject().put("outcome", "difficult-customer").put("agent", agent);
    }

    @Test
    void theAgentWhoReachedTheCustomerMarksThemDifficultAndAnotherAgentCallsLater() throws Exception {
        attempted("010", AttemptOutcome.REACHED);

        HttpResponse<Buffer> response = post(OUTCOME, difficultBy("010"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("pending");
        assertThat(response.bodyAsJsonObject().getString("avoidAgent")).isEqualTo("010");
        Contact after = book.find("c1").orElseThrow();
        assertThat(after.avoidAgent()).isEqualTo(new AgentId("010"));
        assertThat(after.nextAttemptAt()).isAfterOrEqualTo(NOW.plus(Duration.ofHours(4)));
        assertThat(book.lastAttempt("c1").orElseThrow().outcome()).isEqualTo(AttemptOutcome.DIFFICULT_CUSTOMER);
        assertThat(book.progress(ID).reachedInTime()).isZero();
    }

    @Test
    void onlyTheAgentWhoMadeTheLastAttemptMaySetItsOutcome() throws Exception {
        attempted("010", AttemptOutcome.REACHED);

        HttpResponse<Buffer> response = post(OUTCOME, difficultBy("011"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.bodyAsJsonObject().getString("error")).contains("(010)");
        assertThat(book.find("c1").orElseThrow().status()).isEqualTo(ContactStatus.DONE);
    }

    @Test
    void aCustomerWhoWasNotReachedCannotBeMarkedDifficult() throws Exception {
        attempted("010", AttemptOutcome.NO_ANSWER);

        assertThat(post(OUTCOME, difficultBy("010")).statusCode()).isEqualTo(409);
        assertThat(book.lastAttempt("c1").orElseThrow().outcome()).isEqualTo(AttemptOutcome.NO_ANSWER);
    }

    @Test
    void theOutcomeIsSetOnlyDuringWrapUp() throws Exception {
        attempted("010", AttemptOutcome.REACHED);
        wrappingUp.remove(new AgentId("010"));

        HttpResponse<Buffer> response = post(OUTCOME, difficultBy("010"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.bodyAsJsonObject().getString("error")).contains("wrap-up");
    }

    @Test
    void everyBadPartOfTheRequestIsNamed() throws Exception {
        attempted("010", AttemptOutcome.REACHED);

        assertThat(post(OUTCOME, new JsonObject().put("outcome", "reached").put("agent", "010")).bodyAsJsonObject()
                .getString("error")).startsWith("outcome:");
        assertThat(post(OUTCOME, new JsonObject().put("outcome", "difficult-customer").put("agent", "0 1")).bodyAsJsonObject()
                .getString("error")).startsWith("agent:");
        assertThat(http.sendBuffer(HttpMethod.POST, OUTCOME, Buffer.buffer("not json")).bodyAsJsonObject()
                .getString("error")).startsWith("body:");
        assertThat(post("/api/campaigns/callbacks-1/contacts/c%201/outcome", difficultBy("010")).bodyAsJsonObject()
                .getString("error")).startsWith("contact:");
        assertThat(post(OUTCOME, difficultBy("099")).statusCode()).isEqualTo(404);
        assertThat(post("/api/campaigns/callbacks-1/contacts/c2/outcome", difficultBy("010")).statusCode()).isEqualTo(404);
        assertThat(book.find("c1").orElseThrow().status()).isEqualTo(ContactStatus.DONE);
    }
}
