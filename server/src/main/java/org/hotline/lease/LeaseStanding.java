package org.hotline.lease;

import java.time.Instant;

/**
 * Where this server stands with its store's lease, for the operator (health, metrics): active or
 * standby, its own fencing token, and the holder the store named last with the time it took over.
 *
 * @param active       this server holds the lease now and runs the floor's dialling
 * @param token        this server's fencing token; 0 when it holds none
 * @param holder       the holding server's id; empty when the store has not answered yet
 * @param holderHost   the holding server's host; empty when unknown
 * @param holderToken  the store's newest token; 0 when unknown
 * @param lastTakeover when the holder took the lease (the last take-over); {@link Instant#EPOCH} when unknown
 */
public record LeaseStanding(boolean active, long token, String holder, String holderHost, long holderToken,
                            Instant lastTakeover) {

    public String role() {
        return active ? "active" : "standby";
    }
}
