package org.hotline.http.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.access.RecordingAccess;
import org.hotline.access.Role;
import org.hotline.access.Viewer;
import org.hotline.campaign.Attempt;
import org.hotline.campaign.AttemptOutcome;
import org.hotline.campaign.AttemptRecording;
import org.hotline.campaign.CallWindow;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.CampaignRules;
import org.hotline.campaign.Contact;
import org.hotline.campaign.ContactDetails;
import org.hotline.campaign.ContactStatus;
import org.hotline.campaign.Pacing;
import org.hotline.campaign.RetryRules;
import org.hotline.http.ResourceFixture;
import org.hotline.http.Viewers;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.hotline.store.MongoContactBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attempt's recording: supervisors play it, agents only their own where allowed, nothing that is not an attempt's. */
class AttemptRecordingResourceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final CampaignId ID = new CampaignId("callbacks-1");
    private static final String RECORDING = "/api/campaigns/callbacks-1/attempts/c1/1/recording";
    private static final byte[] AUDIO = "RIFF....WAVEfmt ".getBytes();

    @TempDir
    Path recordings;
    private ResourceFixture http;
    private MongoContactBook book;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        http.store.ping();
        book = new MongoContactBook(http.store.campaignContacts(), http.store.campaignAttempts());
        book.add(List.of(new Contact("c1", ID, "+8613800138000", ZoneId.of("Asia/Shanghai"), ContactDetails.NONE, null, null,
                ContactStatus.PENDING, 0, NOW, NOW.plus(Duration.ofDays(3)), null)));
        Contact claimed = book.claim(book.find("c1").orElseThrow(), "a", NOW).orElseThrow();
        CampaignRules rules = new CampaignRules(CallWindow.STANDARD, new RetryRules(3, Map.of()), Duration.ofDays(3), 5, "",
                Pacing.PROGRESSIVE, new Skill("complaints"), true);
        book.finish(new Attempt(claimed, 1, new AgentId("010"), NOW, NOW.plusSeconds(10), NOW.plusSeconds(60),
                AttemptOutcome.REACHED, null), new org.hotline.campaign.AttemptPlan(rules).after(claimed,
                AttemptOutcome.REACHED, new AgentId("010"), NOW.plusSeconds(60)), "a");
        Files.write(recordings.resolve("attempt-c1-1.wav"), AUDIO);
    }

    private void serve(boolean agentsPlayOwn) throws Exception {
        http.serve(router -> {
            router.route().handler(ctx -> {
                String agent = ctx.request().getHeader("X-Agent");
                Viewers.put(ctx, agent == null ? new Viewer("sup", Role.SUPERVISOR, null)
                        : new Viewer(agent, Role.AGENT, new AgentId(agent)));
                ctx.next();
            });
            new AttemptRecordingResource(http.vertx, book, attempt -> {
                Path file = recordings.resolve(attempt.name() + ".wav");
                return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
            }, new RecordingAccess(agentsPlayOwn)).mount(router);
        });
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    private HttpResponse<Buffer> get(String uri, String agent) throws Exception {
        var request = http.request(HttpMethod.GET, uri);
        if (agent != null) {
            request.putHeader("X-Agent", agent);
        }
        return request.send().await(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void aSupervisorPlaysAnAttemptsRecording() throws Exception {
        serve(false);
        HttpResponse<Buffer> response = get(RECORDING, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().getBytes()).isEqualTo(AUDIO);
    }

    @Test
    void anAgentIsRefusedUnlessTheCentreLetsAgentsPlayTheirOwn() throws Exception {
        serve(false);
        assertThat(get(RECORDING, "010").statusCode()).isEqualTo(403);
    }

    @Test
    void whereAllowedAnAgentPlaysOnlyTheAttemptsTheyMade() throws Exception {
        serve(true);
        assertThat(get(RECORDING, "010").statusCode()).isEqualTo(200);
        assertThat(get(RECORDING, "011").statusCode()).isEqualTo(403);
    }

    @Test
    void anAttemptNotMadeOrNotRecordedHasNoRecording() throws Exception {
        serve(false);
        assertThat(get("/api/campaigns/callbacks-1/attempts/c1/2/recording", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/campaigns/other-1/attempts/c1/1/recording", null).statusCode()).isEqualTo(404);
        Files.delete(recordings.resolve(new AttemptRecording("c1", 1).name() + ".wav"));
        assertThat(get(RECORDING, null).statusCode()).isEqualTo(404);
    }

    @Test
    void namesThatAreNoAttemptsAreRefused() throws Exception {
        serve(false);
        assertThat(get("/api/campaigns/callbacks-1/attempts/c1/0/recording", null).statusCode()).isEqualTo(400);
        assertThat(get("/api/campaigns/callbacks-1/attempts/c1/x/recording", null).statusCode()).isEqualTo(400);
        assertThat(get("/api/campaigns/callbacks-1/attempts/c%2E%2E/1/recording", null).statusCode()).isEqualTo(400);
    }
}
