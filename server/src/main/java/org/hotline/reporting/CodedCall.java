package org.hotline.reporting;

/** A call's wrap-up code as its record keeps it: the queue it came through, the agent who coded it, the code. */
public record CodedCall(String queue, String agent, String code) {
}
