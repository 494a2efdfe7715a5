package org.hotline.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

class KnownUsersTest {

    private final User liNa = new User("li.na", "Li Na", Role.AGENT, new AgentId("010"), "$2a$04$hash", false);
    private final StoreOfUsers store = new StoreOfUsers();
    private boolean storeAnswers = true;
    private final KnownUsers known = new KnownUsers(store, () -> storeAnswers);

    @Test
    void whileTheStoreIsAwayALoginIsCheckedAgainstTheUsersLastRead() {
        store.add(liNa);
        known.refresh();
        store.away = true;
        storeAnswers = false;
        assertThat(known.find("li.na")).contains(liNa);
        assertThat(known.find("nobody")).isEmpty();
    }

    @Test
    void aStoreFoundAwayOnlyWhenAskedStillLeavesTheCopyToAnswer() {
        store.add(liNa);
        known.refresh();
        store.away = true;
        assertThat(known.find("li.na")).contains(liNa);
    }

    @Test
    void whileTheStoreAnswersItIsAskedSoAChangeCountsAtOnce() {
        store.add(liNa);
        known.refresh();
        store.replace(new User("li.na", "Li Na", Role.AGENT, new AgentId("010"), "$2a$04$hash", true));
        assertThat(known.find("li.na")).hasValueSatisfying(user -> assertThat(user.disabled()).isTrue());
    }

    @Test
    void aServerThatNeverReadTheUsersCannotLetAnyoneInWhileTheStoreIsAway() {
        store.away = true;
        known.refresh();
        assertThatThrownBy(() -> known.find("li.na")).isInstanceOf(Users.Unavailable.class);
    }

    /** Users in memory whose store can be made to stop answering. */
    private static final class StoreOfUsers implements Users {

        private final Map<String, User> kept = new ConcurrentHashMap<>();
        private volatile boolean away;

        @Override
        public Optional<User> find(String name) {
            answer();
            return Optional.ofNullable(kept.get(name));
        }

        @Override
        public List<User> all() {
            answer();
            return List.copyOf(kept.values());
        }

        @Override
        public void add(User user) {
            answer();
            kept.put(user.name(), user);
        }

        @Override
        public boolean replace(User user) {
            answer();
            return kept.replace(user.name(), user) != null;
        }

        @Override
        public long count() {
            answer();
            return kept.size();
        }

        private void answer() {
            if (away) {
                throw new Unavailable("the store is away", null);
            }
        }
    }
}
