package org.hotline.lease;

/**
 * This server's right to run the floor's dialling (callbacks, campaigns) for its store: one
 * server at a time. Before a write that dials, check {@link #stillHeld()} and write the
 * {@link #token()} with it: a server that lost the lease (stopped past its expiry, another took
 * over) has an older token than the store's, and its late writes can be told apart or refused.
 */
public interface ActiveLease {

    /** The fencing token of this server's current holding (grows with each take-over); 0 when not held. */
    long token();

    /** Whether this server holds the lease now (taken, and renewed within its time to live). */
    boolean stillHeld();

    /** A lease always held (tests, tools, a single server that shares its store with no one). */
    static ActiveLease always() {
        return new ActiveLease() {
            @Override
            public long token() {
                return 1;
            }

            @Override
            public boolean stillHeld() {
                return true;
            }
        };
    }
}
