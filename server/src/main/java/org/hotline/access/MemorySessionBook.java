package org.hotline.access;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A session book in this process only (tests, tools): a restart logs everyone out. */
final class MemorySessionBook implements SessionBook {

    private final Map<String, StoredSession> kept = new ConcurrentHashMap<>();

    @Override
    public boolean open(StoredSession session, int mostPerUser) {
        kept.put(session.digest(), session);
        kept.values().stream().filter(s -> s.viewer().user().equals(session.viewer().user()))
                .sorted(Comparator.comparing(StoredSession::openedAt).reversed()).skip(mostPerUser)
                .forEach(old -> kept.remove(old.digest()));
        return true;
    }

    @Override
    public Optional<StoredSession> find(String digest) {
        return Optional.ofNullable(kept.get(digest));
    }

    @Override
    public List<StoredSession> findAll(Collection<String> digests) {
        return digests.stream().map(kept::get).filter(Objects::nonNull).toList();
    }

    @Override
    public void touch(List<StoredSession> used) {
        for (StoredSession session : used) {
            kept.computeIfPresent(session.digest(), (digest, old) -> old.lastSeen().isAfter(session.lastSeen()) ? old : session);
        }
    }

    @Override
    public void close(String digest) {
        kept.remove(digest);
    }

    @Override
    public void closeAllOf(String user) {
        kept.values().removeIf(session -> session.viewer().user().equals(user));
    }

    @Override
    public void removeExpired(Instant now) {
        kept.values().removeIf(session -> !session.expiresAt().isAfter(now));
    }
}
