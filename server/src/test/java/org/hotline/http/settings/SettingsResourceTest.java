package org.hotline.http.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.hotline.call.CentreHours;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.http.ResourceFixture;
import org.hotline.store.MongoServiceHours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResourceTest {

    private static final Path HOME = Path.of(System.getProperty("hotline.home", ".."));
    private static final HotlineConfig SHIPPED = ConfigLoader.load(HOME.resolve("config/hotline.yaml"),
            Map.of("HOTLINE_AMI_SECRET", "0123456789abcdef"), HOME);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // A Thursday, 19:30 in Shanghai: open under the shipped 09:00-21:00
    private static final Instant THURSDAY_EVENING = Instant.parse("2026-11-26T11:30:00Z");

    private ResourceFixture http;
    private CentreHours hours;
    private MongoServiceHours saved;

    @BeforeEach
    void start() throws Exception {
        http = new ResourceFixture();
        hours = new CentreHours(SHIPPED.hours());
        saved = new MongoServiceHours(http.store.settings());
        http.serve(router -> new SettingsResource(http.vertx, SHIPPED, hours, saved, Clock.systemUTC()).mount(router));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void theSettingsShowTheGreetingsCompanyTheHoursTheLimitsAndTheQueues() throws Exception {
        JsonObject settings = http.get("/api/settings").bodyAsJsonObject();
        assertThat(settings.getJsonObject("company").getString("name")).isEqualTo("三学苑");
        assertThat(settings.getJsonObject("hours").getJsonObject("week").getString("monday")).isEqualTo("09:00-21:00");
        assertThat(settings.getJsonObject("answer").getInteger("maxRings")).isEqualTo(3);
        assertThat(settings.getJsonObject("talk").getInteger("limitSeconds")).isEqualTo(300);
        assertThat(settings.getJsonObject("apology").getInteger("afterRings")).isEqualTo(5);
        assertThat(settings.getJsonObject("agentRing").getInteger("rings")).isEqualTo(3);
        assertThat(settings.getJsonArray("queues").getList()).containsExactly("after-sales", "agent", "complaints", "orders");
    }

    @Test
    void theCallersRingsAndTheAgentsRingsAreShownEachFromItsOwnSetting(@TempDir Path dir) throws Exception {
        Path changed = dir.resolve("hotline.yaml");
        java.nio.file.Files.writeString(changed, java.nio.file.Files.readString(HOME.resolve("config/hotline.yaml"))
                .replaceFirst("(?m)^(\\s*)agentRings: 3", "$1agentRings: 5"));
        HotlineConfig fiveForAgents = ConfigLoader.load(changed, Map.of("HOTLINE_AMI_SECRET", "0123456789abcdef"), HOME);
        ResourceFixture other = new ResourceFixture();
        try {
            other.serve(router -> new SettingsResource(other.vertx, fiveForAgents, new CentreHours(fiveForAgents.hours()),
                    new MongoServiceHours(other.store.settings()), Clock.systemUTC()).mount(router));
            JsonObject settings = other.get("/api/settings").bodyAsJsonObject();
            assertThat(settings.getJsonObject("agentRing").getInteger("rings")).isEqualTo(5);
            assertThat(settings.getJsonObject("answer").getInteger("maxRings")).isEqualTo(3);
        } finally {
            other.close();
        }
    }

    @Test
    void newHoursCountFromTheNextCallAndAreKeptForTheNextStart() throws Exception {
        assertThat(hours.isOpen(THURSDAY_EVENING)).isTrue();
        HttpResponse<Buffer> changed = put(week("09:00-18:00", "closed").put("holidays", new JsonArray().add("2026-12-31")));

        assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);
        assertThat(changed.bodyAsJsonObject().getJsonObject("hours").getJsonObject("week").getString("sunday")).isEqualTo("closed");
        assertThat(hours.isOpen(THURSDAY_EVENING)).as("closes at 18:00 now").isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-12-31T03:00:00Z"))).as("a holiday").isFalse();
        assertThat(saved.load(SHANGHAI)).contains(hours.current());
    }

    @Test
    void badHoursAreRefusedNamingTheDayAndNothingChanges() throws Exception {
        assertRefused(put(week("21:00-09:00", "closed")), "week.monday: closing time 09:00 is not after opening time 21:00");
        assertRefused(put(week("9-5", "closed")), "week.monday: '9-5' is not a time range like 09:00-21:00 (or closed)");
        assertRefused(put(new JsonObject().put("week", new JsonObject().put("monday", "09:00-18:00"))),
                "week.tuesday: required: a time range like 09:00-21:00, or closed");
        assertRefused(put(week("09:00-18:00", "closed").put("holidays", new JsonArray().add("next tuesday"))),
                "holidays: dates like 2026-10-01");
        assertRefused(put(week("09:00-18:00", "closed").put("week", week("09:00-18:00", "closed").getJsonObject("week")
                .copy().put("funday", "closed"))), "week.\"funday\": not a day (monday ... sunday)");

        assertThat(hours.current()).isEqualTo(SHIPPED.hours());
        assertThat(saved.load(SHANGHAI)).isEmpty();
    }

    private void assertRefused(HttpResponse<Buffer> response, String error) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(error);
    }

    private static JsonObject week(String weekdays, String sunday) {
        JsonObject week = new JsonObject();
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}) {
            week.put(day, weekdays);
        }
        return new JsonObject().put("week", week.put("sunday", sunday));
    }

    private HttpResponse<Buffer> put(JsonObject body) throws Exception {
        return http.send(HttpMethod.PUT, "/api/settings/hours", body);
    }
}
