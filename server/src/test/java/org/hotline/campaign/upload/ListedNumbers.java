package org.hotline.campaign.upload;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hotline.campaign.DoNotCallList;

/** A do-not-call list in memory, for tests of what consults it. */
final class ListedNumbers implements DoNotCallList {

    private final TreeMap<String, Entry> entries = new TreeMap<>();

    static ListedNumbers of(String... e164s) {
        ListedNumbers list = new ListedNumbers();
        for (String number : e164s) {
            list.add(new Entry(number, "asked not to be called", "test", Instant.EPOCH));
        }
        return list;
    }

    @Override
    public boolean contains(String e164) {
        return entries.containsKey(e164);
    }

    @Override
    public Set<String> listedAmong(Collection<String> e164s) {
        return e164s.stream().filter(entries::containsKey).collect(Collectors.toSet());
    }

    @Override
    public boolean add(Entry entry) {
        return entries.putIfAbsent(entry.number(), entry) == null;
    }

    @Override
    public boolean remove(String e164) {
        return entries.remove(e164) != null;
    }

    @Override
    public Optional<Entry> find(String e164) {
        return Optional.ofNullable(entries.get(e164));
    }

    @Override
    public Page list(String after, int limit) {
        throw new UnsupportedOperationException("not needed by these tests");
    }
}
