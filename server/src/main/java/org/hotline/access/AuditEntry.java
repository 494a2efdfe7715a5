package org.hotline.access;

import java.time.Instant;

/**
 * One thing someone did that the centre must be able to account for.
 *
 * @param target what it was done to (a customer's number, a campaign ID, a report), as the request named it
 * @param detail a short note (the outcome, the address a login came from), or null
 */
public record AuditEntry(Instant at, String user, String action, String target, String detail) {

    public AuditEntry {
        if (at == null || user == null || action == null) {
            throw new IllegalArgumentException("an audit entry needs a time, a user and an action");
        }
        target = clip(target);
        detail = clip(detail);
    }

    // What a request names is bounded before it is kept: a log must not be a place to store megabytes.
    private static String clip(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
