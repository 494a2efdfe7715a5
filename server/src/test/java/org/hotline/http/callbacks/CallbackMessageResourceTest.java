package org.hotline.http.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.hotline.http.ResourceFixture;
import org.hotline.shared.CallId;
import org.hotline.telephony.MessageFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kept message is played; one deleted after its retention answers 404 saying so; none at all, 404. */
class CallbackMessageResourceTest {

    private static final CallId KEPT = new CallId("1700000000.1");
    private static final CallId SWEPT = new CallId("1700000000.2");
    private static final Instant DELETED_AT = Instant.parse("2026-12-01T03:00:00Z");

    @TempDir
    Path messages;
    private ResourceFixture http;

    @BeforeEach
    void start() throws Exception {
        Files.write(messages.resolve(KEPT.value() + ".wav"), new byte[] {1, 2, 3, 4});
        http = new ResourceFixture();
        http.serve(router -> new CallbackMessageResource(http.vertx, new MessageFiles(messages),
                call -> call.equals(SWEPT) ? Optional.of(DELETED_AT) : Optional.empty()).mount(router));
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
    }

    @Test
    void aKeptMessageIsPlayed() throws Exception {
        HttpResponse<Buffer> kept = http.get("/api/callbacks/" + KEPT.value() + "/message");

        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.bodyAsBuffer().length()).isEqualTo(4);
    }

    @Test
    void aMessagePastItsRetentionIsGoneAndTheAnswerSaysWhen() throws Exception {
        HttpResponse<Buffer> swept = http.get("/api/callbacks/" + SWEPT.value() + "/message");

        assertThat(swept.statusCode()).isEqualTo(404);
        assertThat(swept.bodyAsJsonObject().getString("error"))
                .isEqualTo("the message was deleted at 2026-12-01T03:00:00Z, past its retention");
    }

    @Test
    void aCallWithoutAMessageHasNone() throws Exception {
        HttpResponse<Buffer> none = http.get("/api/callbacks/1700000000.3/message");

        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.bodyAsJsonObject().getString("error")).isEqualTo("no message for this call");
    }
}
