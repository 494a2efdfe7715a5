package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The client's address is the one a standby of this store forwards; anyone else's X-Forwarded-For is ignored. */
class ClientAddressTest {

    private final ClientAddress address = new ClientAddress(Set.of("10.0.0.6", "127.0.0.1"));

    @Test
    void aRequestPassedOnByAStandbyCountsAsTheClientsOwn() {
        assertThat(address.of("10.0.0.6", "192.168.1.20")).isEqualTo("192.168.1.20");
        assertThat(address.of("127.0.0.1", "fd00::20")).isEqualTo("fd00::20");
    }

    @Test
    void theEntryTheStandbyAddedIsBelievedNotWhatTheClientClaimedBeforeIt() {
        assertThat(address.of("10.0.0.6", "1.2.3.4, 192.168.1.20")).isEqualTo("192.168.1.20");
    }

    @Test
    void aStrangersForwardedAddressIsIgnoredSoNoGuesserDodgesTheLoginThrottle() {
        assertThat(address.of("192.168.1.99", "192.168.1.20")).isEqualTo("192.168.1.99");
    }

    @Test
    void withoutTheHeaderOrWithSomethingNotAnAddressThePeerCounts() {
        assertThat(address.of("10.0.0.6", null)).isEqualTo("10.0.0.6");
        assertThat(address.of("10.0.0.6", "<script>")).isEqualTo("10.0.0.6");
    }
}
