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
 * <p>Writes of one kind that wait one behind another go to the store together, in order, when
 * their writer takes {@link Batches} (the call journal: one bulk write for many events). At most
 * {@code inMemory} waiting writes are held in memory; the rest are only in the file, read back as
 * the store catches up, so a long outage costs disk, not memory, and loses nothing (without a
 * file, for tests and tools, everything waits in memory).
 *
 * <p>Each entry is a document whose field {@code t} names the writer that writes it.
 */
public final class StoreSpool implements AutoCloseable {

    /** Writes one entry to the store; throws {@link MongoException} while the store fails. */
    @FunctionalInterface
    public interface Writer {
        void write(Document entry);
    }

    /**
     * Writes the first of {@code entries} (one or more, oldest first) to the store in order and
     * returns how many of them it wrote (at least one); throws {@link MongoException} while the
     * store fails, and the same entries come again: each write must be idempotent.
     */
    @FunctionalInterface
    public interface Batches {
        int write(List<Document> entries);
    }

    static final String TYPE = "t";

    private static final Logger LOG = LoggerFactory.getLogger(StoreSpool.class);
    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final Duration CLOSE_DRAIN = Duration.ofSeconds(5);
    private static final int MOST_AT_ONCE = 1_000;
    /** Writes handed to a writer at once: one bulk write of the journal. */
    private static final int MOST_PER_BATCH = 500;
    /** Waiting writes held in memory (some 2 KB each); the rest wait only in the file. */
    static final int HELD_IN_MEMORY = 20_000;

    private final SpoolFile file; // null: kept in memory only (tests, tools)
    private final WriteRetry retry;
    private final int heldInMemory;
    private final Map<String, Batches> writers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> batched = new ConcurrentHashMap<>();
    /** Entries are made on the spool's thread: the caller (the AMI or floor thread) only queues. */
    private final BlockingQueue<Supplier<Document>> incoming = new LinkedBlockingQueue<>();
    private final Deque<Document> backlog = new ArrayDeque<>(); // spooled, not yet in the store; guarded by this
    private long onDiskFrom = -1; // the file's offset of the first write held only on disk, or -1; guarded by this
    private int onDiskOnly; // guarded by this
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
        this(file, retry, HELD_IN_MEMORY);
    }

    /** @param heldInMemory the most waiting writes held in memory when there is a file for the rest */
    StoreSpool(SpoolFile file, WriteRetry retry, int heldInMemory) {
        if (heldInMemory < 1) {
            throw new IllegalArgumentException("the spool must hold at least one write in memory");
        }
        this.file = file;
        this.retry = Objects.requireNonNull(retry);
        this.heldInMemory = heldInMemory;
    }

    /** Memory only: for tests and tools; a crash loses what the store has not taken. */
    static StoreSpool inMemory() {
        return new StoreSpool(null, WriteRetry.standard());
    }

    StoreSpool writeWith(String type, Writer writer) {
        Objects.requireNonNull(writer);
        writers.put(type, entries -> {
            writer.write(entries.getFirst());
            return 1;
        });
        batched.put(type, false);
        return this;
    }

    /** Writers of {@code type} take the waiting entries of that type in batches. */
    StoreSpool writeBatchesWith(String type, Batches writer) {
        writers.put(type, Objects.requireNonNull(writer));
        batched.put(type, true);
        return this;
    }

    /** Starts writing: first what a previous run left in the file, then what is added. */
    public synchronized StoreSpool start() {
        if (spooler != null) {
            return this;
        }
        if (file != null) {
            long left = countLeft();
            if (left > 0) {
                onDiskFrom = 0; // read back as the writer goes, as much as memory may hold at a time
                onDiskOnly = (int) Math.min(Integer.MAX_VALUE, left);
                replayed.set(left);
                for (long i = 0; i < left; i++) {
                    pending.added();
                }
                LOG.info("spool {}: {} write(s) a previous run left are written to the store first", file.path(), left);
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
        return backlog.size() + onDiskOnly + incoming.size();
    }

    /** Waiting writes held in memory: never more than the bound while the file takes the rest. */
    synchronized int heldInMemory() {
        return backlog.size();
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
        int tries = 0;
        while (!place(batch, lines)) {
            try {
                Thread.sleep(retry.delay(tries++).toMillis()); // the spool thread waits; the queue before it holds the rest
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (this) {
                    backlog.addAll(batch); // interrupted only when dying: kept in memory rather than lost
                }
                return;
            }
        }
    }

    /**
     * Puts the writes on disk and as many as memory may hold in the backlog, in order; false
     * when they could not be placed without passing writes that are only on disk (a failing disk
     * while the store is away): tried again.
     */
    private synchronized boolean place(List<Document> batch, List<String> lines) {
        if (file == null) {
            backlog.addAll(batch);
            notifyAll();
            return true;
        }
        int room = onDiskFrom < 0 ? Math.max(0, heldInMemory - backlog.size()) : 0;
        int held = Math.min(room, batch.size());
        int placed = 0; // in the backlog or on disk
        try {
            if (held > 0) {
                file.append(lines.subList(0, held));
                backlog.addAll(batch.subList(0, held));
                placed = held;
            }
            if (held < batch.size()) {
                long at = file.append(lines.subList(held, lines.size()));
                if (onDiskFrom < 0) {
                    onDiskFrom = at;
                }
                onDiskOnly += batch.size() - held;
                placed = batch.size();
            }
        } catch (IOException e) {
            if (onDiskFrom >= 0) { // writes wait only on disk: these may not overtake them
                LOG.error("spool {}: {} write(s) not on disk, tried again: {}", file.path(), lines.size() - placed, e.toString());
                batch.subList(0, placed).clear();
                lines.subList(0, placed).clear();
                return false;
            }
            // a full or failing disk: the writes still go to the store, from memory
            LOG.error("spool {}: {} write(s) not on disk: {}", file.path(), lines.size() - placed, e.toString());
            backlog.addAll(batch.subList(placed, batch.size()));
        }
        notifyAll();
        return true;
    }

    /** Reads back writes held only on disk, as many as memory may hold; false when there are none. */
    private boolean readBack() {
        if (onDiskFrom < 0) {
            return false;
        }
        SpoolFile.Lines read;
        try {
            read = file.read(onDiskFrom, heldInMemory - backlog.size());
        } catch (IOException e) {
            LOG.error("spool {}: writes waiting on disk not read ({}), tried again", file.path(), e.toString());
            return false;
        }
        for (String line : read.lines()) {
            try {
                backlog.add(Document.parse(line));
            } catch (RuntimeException e) {
                pending.done(1);
                LOG.error("spool {}: an unreadable line is skipped: {}", file.path(), e.toString());
            }
        }
        onDiskOnly = Math.max(0, onDiskOnly - read.lines().size());
        onDiskFrom = read.next();
        try {
            if (read.lines().isEmpty() || onDiskFrom >= file.size()) {
                onDiskFrom = -1;
                onDiskOnly = 0;
            }
        } catch (IOException e) {
            LOG.warn("spool {}: {}", file.path(), e.toString());
        }
        return !read.lines().isEmpty();
    }

    /** The lines a previous run left in the file, counted without holding them. */
    private long countLeft() {
        long count = 0;
        long from = 0;
        try {
            while (true) {
                SpoolFile.Lines read = file.read(from, heldInMemory);
                if (read.lines().isEmpty()) {
                    return count;
                }
                count += read.lines().size();
                from = read.next();
            }
        } catch (IOException e) {
            LOG.error("spool {}: not read ({}); its writes stay in it", file.path(), e.toString());
            return count;
        }
    }

    private void writeLoop() {
        int retries = 0;
        while (true) {
            List<Document> head;
            synchronized (this) {
                try {
                    while (backlog.isEmpty() && !stopping) {
                        if (readBack()) {
                            continue;
                        }
                        if (onDiskFrom < 0) {
                            emptyFile();
                            wait();
                        } else {
                            wait(retry.delay(retries).toMillis()); // the file could not be read: again shortly
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (stopping) {
                    return;
                }
                head = headOfBacklog();
            }
            int done = write(head, retries);
            if (done > 0) {
                retries = 0;
                synchronized (this) {
                    for (int i = 0; i < done; i++) {
                        backlog.pollFirst();
                    }
                }
                pending.done(done);
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

    /** The oldest waiting entry and, when its writer takes batches, the entries of its type right behind it. */
    private List<Document> headOfBacklog() {
        Document first = backlog.peekFirst();
        String type = first.getString(TYPE);
        if (!batched.getOrDefault(type, false)) {
            return List.of(first);
        }
        List<Document> head = new ArrayList<>();
        for (Document entry : backlog) {
            if (head.size() == MOST_PER_BATCH || !Objects.equals(type, entry.getString(TYPE))) {
                break;
            }
            head.add(entry);
        }
        return head;
    }

    /** How many of the first entries are in the store (or refused for good); 0: none, try again. */
    private int write(List<Document> entries, int retries) {
        Document entry = entries.getFirst();
        String type = entry.getString(TYPE);
        Batches target = writers.get(type);
        if (target == null) {
            refuse(entry, new IllegalStateException("no writer for spooled writes of type " + type));
            return 1;
        }
        try {
            int done = Math.clamp(target.write(entries), 1, entries.size());
            if (storeFailing) {
                storeFailing = false;
                LOG.info("store writes flow again ({} waiting)", waiting() - done);
            }
            return done;
        } catch (MongoWriteException e) {
            if (DuplicateKey.is(e)) {
                return 0; // a racing upsert: again
            }
            refuse(entry, e);
            return 1;
        } catch (MongoException e) {
            if (!storeFailing || retries == 0) {
                LOG.warn("store write failing, kept in the spool and retried until the store takes it ({} waiting): {}",
                        waiting(), MongoStore.plainly(e));
            }
            storeFailing = true;
            lastFailure = MongoStore.plainly(e);
            return 0;
        } catch (RuntimeException e) {
            refuse(entry, e);
            return 1;
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
