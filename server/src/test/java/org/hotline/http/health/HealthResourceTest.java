package org.hotline.http.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.hotline.http.DegradedPart;
import org.hotline.http.ResourceFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Health names each part up or down, and what a part says of itself either way (the lease: active or standby). */
class HealthResourceTest {

    private ResourceFixture http;

    @AfterEach
    void close() throws Exception {
        http.close();
    }

    private JsonObject health(boolean leaseHeld) throws Exception {
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("server", "server-a");
        holder.put("host", "host-a");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("role", leaseHeld ? "active" : "standby");
        details.put("token", leaseHeld ? 4L : 0L);
        details.put("holder", holder);
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("ami", () -> true);
        checks.put("lease", DegradedPart.of(() -> leaseHeld, () -> "another server holds the lease", () -> details));
        http = new ResourceFixture();
        HealthResource health = new HealthResource(http.vertx, checks);
        http.serve(health::mount);
        return http.get("/api/health").bodyAsJsonObject();
    }

    @Test
    void theActiveServerSaysSoWithItsToken() throws Exception {
        JsonObject lease = health(true).getJsonObject("lease");

        assertThat(lease.getString("status")).isEqualTo("up");
        assertThat(lease.getString("role")).isEqualTo("active");
        assertThat(lease.getLong("token")).isEqualTo(4);
        assertThat(lease.getJsonObject("holder").getString("host")).isEqualTo("host-a");
    }

    @Test
    void aServerWithoutTheLeaseIsDegradedAndSaysStandby() throws Exception {
        JsonObject body = health(false);

        assertThat(body.getString("status")).isEqualTo("degraded");
        assertThat(body.getJsonObject("lease").getString("role")).isEqualTo("standby");
        assertThat(body.getJsonObject("lease").getString("problem")).contains("another server");
    }
}
