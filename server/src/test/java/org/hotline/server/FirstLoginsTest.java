package org.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The records an earlier run left open are settled once, with what every node reached still has. */
class FirstLoginsTest {

    private final FirstLogins logins = new FirstLogins(List.of("a", "b"));

    @Test
    void theyAreSettledOnceEveryNodeHasBeenLoggedInToWithEachNodesChannelsAtItsFirstLogin() {
        assertThat(logins.loggedIn("a", Set.of("a-1.1"))).isEmpty();
        assertThat(logins.loggedIn("a", Set.of())).as("a's reconnect").isEmpty();

        assertThat(logins.loggedIn("b", Set.of("b-1.1"))).contains(Map.of("a", Set.of("a-1.1"), "b", Set.of("b-1.1")));
        assertThat(logins.loggedIn("b", Set.of())).as("settled once").isEmpty();
        assertThat(logins.waitedLongEnough()).isEmpty();
    }

    @Test
    void aNodeNotReachedInTimeIsLeftOutAndItsLateLoginSettlesNothingMore() {
        logins.loggedIn("a", Set.of("a-1.1"));

        assertThat(logins.unreached()).containsExactly("b");
        assertThat(logins.waitedLongEnough()).contains(Map.of("a", Set.of("a-1.1")));
        assertThat(logins.loggedIn("b", Set.of("b-1.1"))).isEmpty();
    }

    @Test
    void givenUpItIsNotSettledLater() {
        assertThat(logins.giveUp()).isTrue();

        assertThat(logins.loggedIn("a", Set.of())).isEmpty();
        assertThat(logins.loggedIn("b", Set.of())).isEmpty();
        assertThat(logins.waitedLongEnough()).isEmpty();
        assertThat(logins.giveUp()).isFalse();
    }
}
