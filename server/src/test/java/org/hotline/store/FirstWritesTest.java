package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FirstWritesTest {

    private final FirstWrites writes = new FirstWrites("a1b2c3");

    @Test
    void aWriteThisRunMadeAndNeverSentCannotBeInTheStoreYet() {
        assertThat(writes.isFirst("a1b2c3.1")).isTrue();
        assertThat(writes.isFirst("a1b2c3.zz")).isTrue();
    }

    @Test
    void aWriteLeftInTheSpoolByAnEarlierRunMayBeInTheStoreAlready() {
        assertThat(writes.isFirst("ffee00.1")).isFalse();
        assertThat(writes.isFirst("a1b2c3")).isFalse();
        assertThat(writes.isFirst("a1b2c3x.1")).isFalse();
    }

    @Test
    void aWriteSentInABatchThatFailedOrWasNotConfirmedMayBeInTheStoreUntilItIsSettled() {
        writes.doubt(List.of("a1b2c3.1", "a1b2c3.2"));

        assertThat(writes.isFirst("a1b2c3.1")).isFalse();
        assertThat(writes.isFirst("a1b2c3.3")).isTrue();

        writes.settle(List.of("a1b2c3.1"));
        assertThat(writes.isFirst("a1b2c3.2")).isFalse();
    }
}
