package org.hotline.campaign;

import java.time.Clock;

/**
 * What every campaign dialer works with: its campaign, the contacts whose turn it is, where
 * attempts are recorded, and its own name on the claims it makes.
 *
 * @param name this server's name: its claims are recognised as its own after a restart
 */
record DialerParts(Campaign campaign, ContactBook book, DueContacts due, AttemptLog attempts, Clock clock, String name) {

    static DialerParts of(Campaign campaign, ContactBook book, DoNotCall doNotCall, Clock clock, String name) {
        AttemptPlan plan = new AttemptPlan(campaign.rules());
        return new DialerParts(campaign, book, new DueContacts(book, doNotCall, plan),
                new AttemptLog(campaign, book, plan, clock, name), clock, name);
    }
}
