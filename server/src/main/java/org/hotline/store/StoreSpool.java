package org.hotline.store;

import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's writes in the order they were made, never given up: each goes to a local spool file
 * (on disk before it is tried) on one thread, and into the store on another, retried for as long as
 * the store is away. Once the store holds every spooled write the file is emptied; a file a killed
 * server left is written first at the next start. Every write must be idempotent (a write that
 * reached the store just before a crash is written again at the next start): the journal keys each
 * event, agent time keys each stretch.
 *
 * <p>Each entry is a document whose field {@code t} names the {@link Writer} that writes it.
 */
public final class StoreSpool implements AutoCloseable {

    /** Writes one entry to the store; throws {@link MongoException} while the store fails. */
    @FunctionalInterface
    public interface Writer {
        void write(Document entry);
    }

    static final String TYPE = "t";

    private static final Logger LOG = LoggerFactory.getLogger(StoreSpool.class);
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final Duration CLOSE_DRAIN = Duration.ofSeconds(5);
    private static final int MOST_AT_ONCE = 1_000;

    private final SpoolFile file; // null: kept in memory only (tests, tools)
    private final WriteRetry retry;
    private final Map<String, Writer> writers = new ConcurrentHashMap<>();
    /** Entries are made on the spool's thread: the caller (the AMI or floor thread) only queues. */
    private final BlockingQueue<Supplier<Document>> incoming = new LinkedBlockingQueue<>();
    private final Deque<Document> backlog = new ArrayDeque<>(); // spooled, not yet in the store; guarded by this
    private final PendingWork pending = new PendingWork();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private volatile boolean storeFailing;
    private volatile String lastFailure = "";
    private volatile boolean closed;
    private volatile boolean stopping; // the writer stops: never interrupted, which would close the file's channel
    private Thread spooler;
    private Thread writer;

    /** @param file where the writes wait for the store, or null to keep them in memory only */
    public StoreSpool(SpoolFile file, WriteRetry retry) {
        this.file = file;
        this.retry = Objects.requireNonNull(retry);
    }

    /** Memory only: for tests and tools; a crash loses what the store has not taken. */
    static StoreSpool inMemory() {
        return new StoreSpool(null, WriteRetry.standard());
    }

    StoreSpool writeWith(String type, Writer writer) {
        writers.put(type, writer);
        return this;
    }

    /** Starts writing: first what a previous run left in the file, then what is added. */
    public synchronized StoreSpool start() {
        if (spooler != null) {
            return this;
        }
        if (file != null) {
            for (String line : file.recovered()) {
                try {
                    backlog.add(Document.parse(line));
                    pending.added();
                } catch (RuntimeException e) {
                    LOG.error("spool {}: an unreadable line is skipped: {}", file.path(), e.toString());
                }
            }
            if (!backlog.isEmpty()) {
                replayed.set(backlog.size());
                LOG.info("spool {}: {} write(s) a previous run left are written to the store first", file.path(), backlog.size());
            }
        }
        spooler = Thread.ofPlatform().daemon().name("store-spool").start(this::spoolLoop);
        writer = Thread.ofPlatform().daemon().name("store-writer").start(this::writeLoop);
        return this;
    }

    /** Queues an entry and returns at once. */
    public void add(Document entry) {
        add(entry.getString(TYPE), () -> entry);
    }

    /** Queues an entry of {@code type}, made by {@code entry} on the spool's thread, and returns at once. */
    public void add(String type, Supplier<Document> entry) {
        if (!writers.containsKey(type)) {
            throw new IllegalArgumentException("no writer for spool entries of type " + type);
        }
        pending.added();
        if (closed) {
            LOG.error("store spool closed: a {} write is not kept", type);
            pending.done(1);
            return;
        }
        incoming.add(entry);
    }

    /** Waits until every entry added is in the store; false if time ran out first. */
    public boolean awaitIdle(Duration timeout) {
        return pending.awaitIdle(timeout);
    }

    /** Writes waiting for the store (in the file, or about to be). */
    public synchronized int waiting() {
        return backlog.size() + incoming.size();
    }

    /** Whether the last try to write failed (the store is away or refusing). */
    boolean storeFailing() {
        return storeFailing;
    }

    String lastFailure() {
        return lastFailure;
    }

    /** Entries the store refused outright (malformed: retrying could never succeed), logged each. */
    public long refused() {
        return refused.get();
    }

    /** Entries found in the file at start-up. */
    long replayedAtStart() {
        return replayed.get();
    }

    /**
     * Spools what is queued, then gives the store a few seconds for the rest: what is left stays
     * in the file and is written at the next start.
     */
    @Override
    public void close() {
        closed = true;
        if (spooler == null) {
            closeFile();
            return;
        }
        try {
            spooler.join(5_000);
            if (!pending.awaitIdle(CLOSE_DRAIN)) {
                LOG.warn("store spool: {} write(s) not in the store at shutdown{}", waiting(),
                        file == null ? " are lost (no spool file)" : ", kept in " + file.path() + " for the next start");
            }
            synchronized (this) {
                stopping = true;
                notifyAll();
            }
            writer.join(5_000); // a write under way ends within the store's read time-out at most
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            closeFile();
        }
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.warn("store spool: closing {}: {}", file.path(), e.toString());
            }
        }
    }

    static String line(Document entry) {
        return entry.toJson(EXTENDED);
    }

    private void spoolLoop() {
        List<Supplier<Document>> batch = new ArrayList<>();
        while (true) {
            Supplier<Document> first;
            try {
                // polled, never interrupted: an interrupt would close the file's channel mid-write
                first = incoming.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.add(first);
            incoming.drainTo(batch, MOST_AT_ONCE - 1);
            spool(batch);
            batch.clear();
        }
    }

    private void spool(List<Supplier<Document>> made) {
        List<Document> batch = new ArrayList<>(made.size());
        List<String> lines = new ArrayList<>(made.size());
        for (Supplier<Document> entry : made) {
            try {
                Document document = entry.get();
                lines.add(line(document));
                batch.add(document);
            } catch (RuntimeException e) {
                refused.incrementAndGet(); // a malformed write (an event without a time): it could never be written
                pending.done(1);
                LOG.error("a malformed store write is not kept: {}", e.toString());
            }
        }
        synchronized (this) {
            if (file != null) {
                try {
                    file.append(lines);
                } catch (IOException e) {
                    // a full or failing disk: the writes still go to the store, from memory
                    LOG.error("spool {}: {} write(s) not on disk: {}", file.path(), lines.size(), e.toString());
                }
            }
            backlog.addAll(batch);
            notifyAll();
        }
    }

    private void writeLoop() {
        int retries = 0;
        while (true) {
            Document head;
            synchronized (this) {
                try {
                    while (backlog.isEmpty() && !stopping) {
                        emptyFile();
                        wait();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (stopping) {
                    return;
                }
                head = backlog.peekFirst();
            }
            if (write(head, retries)) {
                retries = 0;
                synchronized (this) {
                    backlog.pollFirst();
                }
                pending.done(1);
            } else {
                synchronized (this) {
                    try {
                        if (!stopping) {
                            wait(retry.delay(retries++).toMillis());
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** True when the entry is in the store (or refused for good). */
    private boolean write(Document entry, int retries) {
        String type = entry.getString(TYPE);
        Writer target = writers.get(type);
        if (target == null) {
            refuse(entry, new IllegalStateException("no writer for spooled writes of type " + type));
            return true;
        }
        try {
            target.write(entry);
            if (storeFailing) {
                storeFailing = false;
                LOG.info("store writes flow again ({} waiting)", waiting() - 1);
            }
            return true;
        } catch (MongoWriteException e) {
            if (DuplicateKey.is(e)) {
                return false; // a racing upsert: again
            }
            refuse(entry, e);
            return true;
        } catch (MongoException e) {
            if (!storeFailing || retries == 0) {
                LOG.warn("store write failing, kept in the spool and retried until the store takes it ({} waiting): {}",
                        waiting(), MongoStore.plainly(e));
            }
            storeFailing = true;
            lastFailure = MongoStore.plainly(e);
            return false;
        } catch (RuntimeException e) {
            refuse(entry, e);
            return true;
        }
    }

    private void refuse(Document entry, Exception e) {
        refused.incrementAndGet();
        LOG.error("store refused a {} write (call {}), skipped: it can never be written: {}", entry.getString(TYPE),
                entry.get("call"), e.toString());
    }

    private void emptyFile() {
        if (file == null) {
            return;
        }
        try {
            if (file.size() > 0) {
                file.clear();
            }
        } catch (IOException e) {
            LOG.warn("spool {}: not emptied ({}); its writes are written again, harmlessly, at the next start", file.path(),
                    e.toString());
        }
    }
}
