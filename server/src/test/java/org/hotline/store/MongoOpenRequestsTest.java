package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.hotline.shared.CallId;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store holds one open callback request per customer and queue, whoever asks at the same moment. */
class MongoOpenRequestsTest {

    private static final Skill ORDERS = new Skill("orders");
    private static final String CUSTOMER = "+8613800138000";

    private final MongoStore store = TestMongo.openStore();
    private final MongoOpenRequests requests = new MongoOpenRequests(store.database().getCollection(MongoOpenRequests.COLLECTION));

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSecondClaimFindsTheFirstHolderWhileItsRequestIsOpen() {
        assertThat(requests.claim(ORDERS, CUSTOMER, new CallId("a.1"), held -> true)).isEqualTo(new CallId("a.1"));
        assertThat(requests.claim(ORDERS, CUSTOMER, new CallId("a.2"), held -> true)).isEqualTo(new CallId("a.1"));
        assertThat(requests.claim(new Skill("billing"), CUSTOMER, new CallId("a.3"), held -> true)).isEqualTo(new CallId("a.3"));
    }

    @Test
    void aReleasedOrStaleClaimIsTakenByTheNextRequest() {
        requests.claim(ORDERS, CUSTOMER, new CallId("a.1"), held -> true);
        requests.release(ORDERS, CUSTOMER, new CallId("a.1"));
        assertThat(requests.claim(ORDERS, CUSTOMER, new CallId("a.2"), held -> true)).isEqualTo(new CallId("a.2"));
        assertThat(requests.claim(ORDERS, CUSTOMER, new CallId("a.3"), held -> false)).as("a.2 closed without letting go")
                .isEqualTo(new CallId("a.3"));
        requests.release(ORDERS, CUSTOMER, new CallId("a.2")); // not the holder any more: nothing happens
        assertThat(requests.claim(ORDERS, CUSTOMER, new CallId("a.4"), held -> true)).isEqualTo(new CallId("a.3"));
    }

    @Test
    void claimsAtTheSameMomentHaveOneWinner() throws Exception {
        int callers = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<CallId> holders = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            CallId call = new CallId("b." + i);
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    holders.add(requests.claim(ORDERS, CUSTOMER, call, held -> true));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(20_000);
        }
        assertThat(holders).hasSize(callers);
        assertThat(holders.stream().distinct()).hasSize(1);
    }
}
