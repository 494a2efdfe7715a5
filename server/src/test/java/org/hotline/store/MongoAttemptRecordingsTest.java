package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.bson.Document;
import org.hotline.call.RecordingRetention;
import org.hotline.campaign.AttemptRecording;
import org.hotline.campaign.AttemptRecordingSweep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A campaign attempt's recording is kept the centre's retention from the customer's answer; then its
 * file is deleted and the attempt's record, which stays, says so. Attempts nobody answered have none.
 */
class MongoAttemptRecordingsTest {

    private static final Instant ANSWERED = Instant.parse("2026-12-01T09:00:00Z");
    private static final RecordingRetention THIRTY_DAYS = new RecordingRetention(30);

    @TempDir
    Path recordings;
    private final MongoStore store = TestMongo.openStore();
    private final MongoAttemptRecordings kept = new MongoAttemptRecordings(store.campaignAttempts());

    @AfterEach
    void dropTheStore() {
        store.database().drop();
        store.close();
    }

    private void attempt(String contact, int number, Instant answeredAt) throws Exception {
        store.campaignAttempts().insertOne(new Document("_id", contact + "#" + number).append("campaignId", "callbacks-1")
                .append("contactId", contact).append("attempt", number)
                .append("startedAt", Date.from(ANSWERED.minusSeconds(20)))
                .append("answeredAt", answeredAt == null ? null : Date.from(answeredAt)));
        Files.writeString(file(contact, number), "RIFF");
    }

    private Path file(String contact, int number) {
        return recordings.resolve(new AttemptRecording(contact, number).name() + ".wav");
    }

    private int sweepAt(Instant now) {
        return new AttemptRecordingSweep(THIRTY_DAYS, kept, recording -> {
            try {
                return Files.deleteIfExists(recordings.resolve(recording.name() + ".wav"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Clock.fixed(now, ZoneOffset.UTC)).sweep();
    }

    private Document recordingOf(String contact) {
        return store.campaignAttempts().find(new Document("contactId", contact)).first().get("recording", Document.class);
    }

    @Test
    void anAttemptsRecordingIsDeletedOnceItsRetentionIsOverAndTheRecordSaysSo() throws Exception {
        attempt("c1", 1, ANSWERED);

        assertThat(sweepAt(ANSWERED.plus(Duration.ofDays(30)).minusSeconds(1))).isZero();
        assertThat(file("c1", 1)).exists();
        assertThat(recordingOf("c1")).isNull();

        Instant due = ANSWERED.plus(Duration.ofDays(30));
        assertThat(sweepAt(due)).isEqualTo(1);
        assertThat(file("c1", 1)).doesNotExist();
        assertThat(recordingOf("c1").getBoolean("deleted")).isTrue();
        assertThat(recordingOf("c1").getDate("sweptAt").toInstant()).isEqualTo(due);
        assertThat(sweepAt(due.plusSeconds(60))).as("swept once").isZero();
    }

    @Test
    void anAttemptNobodyAnsweredIsNeverSwept() throws Exception {
        attempt("c2", 1, null);

        assertThat(sweepAt(ANSWERED.plus(Duration.ofDays(400)))).isZero();
        assertThat(file("c2", 1)).exists();
        assertThat(recordingOf("c2")).isNull();
    }

    @Test
    void anAnsweredAttemptThatWasNotRecordedIsNotedAsSweptWithNothingDeleted() throws Exception {
        attempt("c3", 2, ANSWERED);
        Files.delete(file("c3", 2));

        assertThat(sweepAt(ANSWERED.plus(Duration.ofDays(31)))).isZero();
        assertThat(recordingOf("c3").getBoolean("deleted")).isFalse();
    }
}
