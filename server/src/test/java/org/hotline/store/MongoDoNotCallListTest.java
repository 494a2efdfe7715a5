package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.hotline.campaign.DoNotCallList.Entry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoDoNotCallListTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T02:00:00Z");
    private static final Entry CHEN = new Entry("+8613800138000", "customer asked on the phone", "组长 王", MONDAY);

    private MongoStore store;
    private MongoDoNotCallList list;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        list = new MongoDoNotCallList(store.doNotCall());
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    @Test
    void aListedNumberIsOnTheList() {
        assertThat(list.add(CHEN)).as("new").isTrue();

        assertThat(list.contains("+8613800138000")).isTrue();
        assertThat(list.contains("+8613900139000")).isFalse();
        assertThat(list.find("+8613800138000")).contains(CHEN);
    }

    @Test
    void aNumberIsOnTheListOnceAndKeepsItsFirstEntry() {
        list.add(CHEN);

        assertThat(list.add(new Entry(CHEN.number(), "again", "someone else", MONDAY.plusSeconds(3600)))).as("new").isFalse();

        assertThat(list.find(CHEN.number())).contains(CHEN);
        assertThat(store.doNotCall().countDocuments()).isEqualTo(1);
        assertThat(store.doNotCall().find().first()).isEqualTo(new Document("_id", "+8613800138000")
                .append("reason", "customer asked on the phone").append("by", "组长 王").append("addedAt", java.util.Date.from(MONDAY)));
    }

    @Test
    void manyNumbersAreScreenedInOneLookUp() {
        list.add(CHEN);
        list.add(new Entry("+861062345678", "complaint", "主管", MONDAY));

        assertThat(list.listedAmong(List.of("+8613800138000", "+8613900139000", "+861062345678", "{\"$ne\": null}")))
                .containsExactlyInAnyOrder("+8613800138000", "+861062345678");
        assertThat(list.listedAmong(List.of())).isEmpty();
    }

    @Test
    void aRemovedNumberIsNoLongerListed() {
        list.add(CHEN);

        assertThat(list.remove(CHEN.number())).isTrue();
        assertThat(list.remove(CHEN.number())).isFalse();
        assertThat(list.contains(CHEN.number())).isFalse();
    }

    @Test
    void anythingButAnE164NumberIsNotListedAndRemovesNothing() {
        list.add(CHEN);
        for (String notANumber : new String[] {null, "", "13800138000", "{\"$ne\": null}", "+8613800138000\u0000"}) {
            assertThat(list.contains(notANumber)).isFalse();
            assertThat(list.remove(notANumber)).isFalse();
        }
        assertThat(list.contains(CHEN.number())).isTrue();
    }

    @Test
    void theListPagesByNumber() {
        for (String number : new String[] {"+8613800138003", "+8613800138001", "+8613800138002"}) {
            list.add(new Entry(number, "asked", "主管", MONDAY));
        }

        var first = list.list(null, 2);
        assertThat(first.entries()).extracting(Entry::number).containsExactly("+8613800138001", "+8613800138002");
        assertThat(first.next()).isEqualTo("+8613800138002");
        var second = list.list(first.next(), 2);
        assertThat(second.entries()).extracting(Entry::number).containsExactly("+8613800138003");
        assertThat(second.next()).isNull();
    }
}
