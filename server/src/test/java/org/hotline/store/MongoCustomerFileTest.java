package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.hotline.customer.Customer;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoCustomerFileTest {

    private static final Customer CHEN = new Customer("+8613800138000", "陈先生", true, new AgentId("011"), "喜欢上午来电");
    private static final Customer LI = new Customer("+861062345678", "李女士", false, null, null);

    private MongoStore store;
    private MongoCustomerFile file;

    @BeforeEach
    void open() {
        store = TestMongo.openStore();
        file = new MongoCustomerFile(store.customers());
    }

    @AfterEach
    void close() {
        store.database().drop();
        store.close();
    }

    @Test
    void aCustomerIsFoundByTheirNumber() {
        assertThat(file.put(CHEN)).as("new").isTrue();

        assertThat(file.find("+8613800138000")).contains(CHEN);
        assertThat(file.find("+8613900001111")).isEmpty();
    }

    @Test
    void theNumberIsTheKey() {
        file.put(CHEN);
        assertThat(store.customers().find().first()).isEqualTo(new Document("_id", "+8613800138000")
                .append("name", "陈先生").append("vip", true).append("advisor", "011").append("note", "喜欢上午来电"));
    }

    @Test
    void puttingAgainReplacesTheCustomer() {
        file.put(CHEN);
        Customer downgraded = new Customer(CHEN.number(), "陈先生", false, null, null);

        assertThat(file.put(downgraded)).as("new").isFalse();

        assertThat(file.find(CHEN.number())).contains(downgraded);
        assertThat(store.customers().countDocuments()).isEqualTo(1);
    }

    @Test
    void aDeletedCustomerIsNoLongerFound() {
        file.put(CHEN);

        assertThat(file.delete(CHEN.number())).isTrue();
        assertThat(file.delete(CHEN.number())).isFalse();
        assertThat(file.find(CHEN.number())).isEmpty();
    }

    @Test
    void anythingButAnE164NumberFindsNobodyAndDeletesNothing() {
        file.put(CHEN);
        for (String notANumber : new String[] {null, "", "13800138000", "{\"$ne\": null}", "+8613800138000\u0000"}) {
            assertThat(file.find(notANumber)).isEmpty();
            assertThat(file.delete(notANumber)).isFalse();
        }
        assertThat(file.find(CHEN.number())).isPresent();
    }

    @Test
    void theListPagesThroughEveryCustomerOnceByNumber() {
        for (int i = 0; i < 7; i++) {
            file.put(new Customer("+86138001380" + (10 + i), "客户" + i, false, null, null));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            CustomerPage page = file.list(after, 3);
            page.customers().forEach(customer -> seen.add(customer.number()));
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aFullLastPageHasNoNext() {
        file.put(CHEN);
        file.put(LI);
        assertThat(file.list(null, 2).next()).isNull();
        assertThat(file.list(null, 1).next()).isEqualTo(LI.number());
    }

    @Test
    void theListIsBounded() {
        assertThatThrownBy(() -> file.list(null, 0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> file.list(null, 501)).hasMessageContaining("limit");
        assertThatThrownBy(() -> file.list("{\"$gt\": \"\"}", 10)).hasMessageContaining("after");
        assertThat(file.list(null, 500).customers()).isEmpty();
    }

    @Test
    void seedingAddsOnlyCustomersTheFileDoesNotHave() {
        file.put(new Customer(CHEN.number(), "陈总", false, null, "changed by an operator"));

        assertThat(file.seed(List.of(CHEN, LI))).isEqualTo(1);

        assertThat(file.find(CHEN.number())).get().extracting(Customer::name).isEqualTo("陈总");
        assertThat(file.find(LI.number())).contains(LI);
    }

    @Test
    void seedingAgainAtTheNextStartChangesNothing() {
        file.seed(List.of(CHEN, LI));
        file.delete(LI.number());

        assertThat(file.seed(List.of(CHEN))).isZero();
        assertThat(file.list(null, 10).customers()).containsExactly(CHEN);
    }

    @Test
    void aDocumentThisVersionCannotReadIsReportedNotGuessed() {
        store.customers().insertOne(new Document("_id", "+8613800138000").append("vip", "yes"));

        assertThatThrownBy(() -> file.find("+8613800138000"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("+8613800138000");
    }
}
