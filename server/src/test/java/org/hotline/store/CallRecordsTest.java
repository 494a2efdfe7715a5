package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.shared.PageCursor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.hotline.call.CallEvent.Arrived;
import org.hotline.call.CallEvent.FlowStarted;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.shared.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallRecordsTest {

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    private MongoStore store;
    private MongoCallJournal journal;
    private CallRecords records;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        journal = new MongoCallJournal(store.calls(), Clock.fixed(T0, ZoneOffset.UTC));
        records = new CallRecords(store.calls());
    }

    @AfterEach
    void close() {
        journal.close();
        store.database().drop();
        store.close();
    }

    @Test
    void fromIsInclusiveAndToExclusive() {
        arrive("before", T0.minusMillis(1));
        arrive("first", T0);
        arrive("last", T0.plusSeconds(60).minusMillis(1));
        arrive("after", T0.plusSeconds(60));

        Page page = page(T0, T0.plusSeconds(60), 10, null);

        assertThat(ids(page)).containsExactly("first", "last");
        assertThat(page.next()).isNull();
    }

    @Test
    void boundsFinerThanAMillisecondAreExact() {
        arrive("at-0", T0);
        arrive("at-1", T0.plusMillis(1));

        assertThat(ids(page(T0.plusNanos(1), T0.plusSeconds(1), 10, null))).containsExactly("at-1");
        assertThat(ids(page(T0.minusSeconds(1), T0.plusNanos(1), 10, null))).containsExactly("at-0");
    }

    @Test
    void pagesThroughEveryCallOnceEvenWhenArrivalsTie() {
        arrive("c-1", T0.plusSeconds(1));
        arrive("c-2", T0.plusSeconds(2));
        arrive("c-3b", T0.plusSeconds(3)); // three calls in the same millisecond, across a page boundary
        arrive("c-3a", T0.plusSeconds(3));
        arrive("c-3c", T0.plusSeconds(3));
        arrive("c-4", T0.plusSeconds(4));
        arrive("c-5", T0.plusSeconds(5));
        Instant to = T0.plusSeconds(60);

        Page first = page(T0, to, 3, null);
        Page second = page(T0, to, 3, PageCursor.decode(first.next().encode()));
        Page third = page(T0, to, 3, PageCursor.decode(second.next().encode()));

        assertThat(ids(first)).containsExactly("c-1", "c-2", "c-3a");
        assertThat(ids(second)).containsExactly("c-3b", "c-3c", "c-4");
        assertThat(ids(third)).containsExactly("c-5");
        assertThat(third.next()).isNull();
    }

    @Test
    void aFullLastPageHasNoNext() {
        arrive("c-1", T0.plusSeconds(1));
        arrive("c-2", T0.plusSeconds(2));

        assertThat(page(T0, T0.plusSeconds(60), 2, null).next()).isNull();
    }

    @Test
    void callsWithoutAKnownArrivalAreNotListedButCanBeFound() {
        store.calls().insertOne(new Document("_id", "orphan").append("endedAt", Date.from(T0)));

        assertThat(records.page(Instant.EPOCH, T0.plusSeconds(60), 10, null).calls()).isEmpty();
        assertThat(records.find(new CallId("orphan"))).isPresent();
        assertThat(records.find(new CallId("missing"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 501})
    void limitIsBetweenOneAndFiveHundred(int limit) {
        assertThatThrownBy(() -> records.page(T0, T0.plusSeconds(1), limit, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void limitsOfOneAndFiveHundredAreAccepted() {
        assertThat(records.page(T0, T0.plusSeconds(1), 1, null).calls()).isEmpty();
        assertThat(records.page(T0, T0.plusSeconds(1), 500, null).calls()).isEmpty();
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRejected() {
        assertThatThrownBy(() -> records.page(T0, T0.minusMillis(1), 10, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCursorRoundTripsAsAnUrlSafeToken() {
        PageCursor cursor = new PageCursor(Instant.parse("2025-03-01T08:00:00.123Z"), "1740816000.17");

        String token = cursor.encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(token)).isEqualTo(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not base64!",
            "MTc0MDgxNjAwMDAwMA", // "1740816000000": no id
            "OjE3NDA4MTYwMDAuMTc", // ":1740816000.17": no time
            "YWJjOjE3NDA4MTYwMDAuMTc", // "abc:1740816000.17"
            "MTc0MDgxNjAwMDAwMDokd2hlcmU", // "1740816000000:$where"
            "OTk5OTk5OTk5OTk5OTk5OTk5OTppZA", // a time beyond a long
    })
    void malformedCursorsAreRejected(String token) {
        assertThatThrownBy(() -> PageCursor.decode(token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed page cursor");
    }

    @Test
    void overlongAndMissingCursorsAreRejected() {
        String idTooLong = base64("1740816000000:" + "a".repeat(65));
        String overlong = "A".repeat(121);

        for (String token : new String[] {idTooLong, overlong, null}) {
            assertThatThrownBy(() -> PageCursor.decode(token)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aCallersRecentCallsAreTheirsNewestFirst() {
        arrive("mine-1", T0, "13800138000");
        arrive("other", T0.plusSeconds(1), "13900001111");
        arrive("mine-3", T0.plusSeconds(30), "13800138000");
        arrive("mine-2", T0.plusSeconds(10), "13800138000");
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();

        assertThat(records.recentByCaller("13800138000", 10)).extracting(CallRecord::id)
                .containsExactly("mine-3", "mine-2", "mine-1");
        assertThat(records.recentByCaller("13800138000", 2)).extracting(CallRecord::id)
                .containsExactly("mine-3", "mine-2");
        assertThat(records.recentByCaller("13700000000", 10)).isEmpty();
    }

    @Test
    void aCallersRecentCallsAreAskedForByNumberOnlyAndBounded() {
        for (String notANumber : new String[] {null, "", "{\"$gt\": \"\"}", "13800138000 OR 1=1"}) {
            assertThatThrownBy(() -> records.recentByCaller(notANumber, 10)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> records.recentByCaller("13800138000", 0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> records.recentByCaller("13800138000", 101)).hasMessageContaining("limit");
    }

    private void arrive(String id, Instant at) {
        arrive(id, at, "1001");
    }

    private void arrive(String id, Instant at, String callerNumber) {
        journal.append(new CallId(id), new Arrived(at, "PJSIP/trunk-1", id, CallerId.presented(callerNumber, null), null));
        journal.append(new CallId(id), new FlowStarted(at.plusMillis(20), Language.EN));
    }

    /** A page once every appended event is stored. */
    private Page page(Instant from, Instant to, int limit, PageCursor after) {
        assertThat(journal.awaitIdle(Duration.ofSeconds(10))).isTrue();
        return records.page(from, to, limit, after);
    }

    private static List<String> ids(Page page) {
        List<String> ids = new ArrayList<>();
        page.calls().forEach(call -> ids.add(call.id()));
        return ids;
    }

    private static String base64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
