package org.hotline.audit;

/**
 * One way a call's record disagrees with CEL.
 *
 * @param what   the fact, e.g. {@code record}, {@code agent.answeredAt}, {@code offers[1].outcome}
 * @param cel    what CEL says ("-" for nothing)
 * @param record what the call record says ("-" for nothing)
 */
public record CallDifference(String callId, String what, String cel, String record) {
}
