package org.hotline.routing;

import org.hotline.shared.Skill;
import java.time.Instant;

/**
 * One queue as a wall board shows it: how many wait, and since when the one waiting longest has
 * waited (its own arrival in the queue, not its place in line, which a head start moves).
 *
 * @param waiting      calls and callback requests waiting for an agent (not those ringing one)
 * @param longestSince when the longest-waiting joined the queue, or null when none waits
 */
public record QueueLine(Skill queue, int waiting, Instant longestSince) {
}
