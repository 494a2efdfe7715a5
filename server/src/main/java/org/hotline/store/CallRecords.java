package org.hotline.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hotline.shared.CallId;
import org.hotline.call.CallerId;
import org.hotline.reporting.CallFactPages;
import org.hotline.shared.PageCursor;

/** Reads call records for the API: by time range in pages, or one call by id. */
public final class CallRecords implements CallFactPages {

    static final int MAX_LIMIT = 500;
    static final int MAX_RECENT = 100;

    private static final String ID = "_id";
    private static final String CALLER_NUMBER_FIELD = "caller.number";

    private final MongoCollection<Document> calls;

    public CallRecords(MongoCollection<Document> calls) {
        this.calls = Objects.requireNonNull(calls);
    }

    /**
     * Calls that arrived in {@code [from, to)}, by arrival then id.
     *
     * @param limit at most this many calls, 1 to {@value #MAX_LIMIT}
     * @param after the previous page's {@link Page#next()}, or null for the first page
     */
    public Page page(Instant from, Instant to, int limit, PageCursor after) {
        List<CallRecord> found = new ArrayList<>();
        PageCursor next = read(from, to, limit, after, call -> found.add(CallRecord.of(call)));
        return new Page(found, next);
    }

    /** As {@link #page}, each call with its facts once it is over. */
    @Override
    public FactsPage facts(Instant from, Instant to, int limit, PageCursor after) {
        List<ReadCall> found = new ArrayList<>();
        PageCursor next = read(from, to, limit, after, call -> found.add(new ReadCall(cursorAt(call),
                call.get(CallUpdate.ENDED_AT) == null ? Optional.empty() : Optional.of(CallFactsReader.read(call)))));
        return new FactsPage(found, next);
    }

    /** Hands each call of the page to {@code action}; where the next page starts, or null. */
    private PageCursor read(Instant from, Instant to, int limit, PageCursor after, Consumer<Document> action) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
        // stored times are whole milliseconds: rounding the bounds up keeps them exact
        Bson filter = and(gte(CallUpdate.ARRIVAL_AT, ceilMillis(from)), lt(CallUpdate.ARRIVAL_AT, ceilMillis(to)));
        if (after != null) {
            Date last = CallUpdate.date(after.arrivalAt());
            filter = and(filter, or(gt(CallUpdate.ARRIVAL_AT, last), and(eq(CallUpdate.ARRIVAL_AT, last), gt(ID, after.id()))));
        }
        List<Document> found = calls.find(filter)
                .sort(Sorts.ascending(CallUpdate.ARRIVAL_AT, ID))
                .limit(limit + 1) // one more tells whether a next page exists
                .into(new ArrayList<>());
        List<Document> shown = found.size() <= limit ? found : found.subList(0, limit);
        shown.forEach(action);
        return found.size() <= limit ? null : cursorAt(shown.get(limit - 1));
    }

    private static PageCursor cursorAt(Document call) {
        return new PageCursor(call.getDate(CallUpdate.ARRIVAL_AT).toInstant(), call.getString(ID));
    }

    /**
     * The caller's latest calls, newest first: what an agent sees of a returning caller.
     *
     * @param number the caller's number as the calls recorded it ({@code caller.number}, as presented by the network)
     * @param limit  at most this many, 1 to {@value #MAX_RECENT}
     */
    public List<CallRecord> recentByCaller(String number, int limit) {
        if (!CallerId.isNumber(number)) {
            throw new IllegalArgumentException("not a caller number");
        }
        if (limit < 1 || limit > MAX_RECENT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RECENT);
        }
        List<CallRecord> found = new ArrayList<>();
        calls.find(eq(CALLER_NUMBER_FIELD, number))
                .sort(Sorts.descending(CallUpdate.ARRIVAL_AT, ID))
                .limit(limit)
                .forEach(call -> found.add(CallRecord.of(call)));
        return found;
    }

    public Optional<CallRecord> find(CallId id) {
        return stored(id).map(CallRecord::of);
    }

    /** The call's record as kept, for the store's own readers. */
    Optional<Document> stored(CallId id) {
        return Optional.ofNullable(calls.find(eq(ID, id.value())).first());
    }

    private static Date ceilMillis(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        return CallUpdate.date(millis.equals(instant) ? millis : millis.plusMillis(1));
    }
}
