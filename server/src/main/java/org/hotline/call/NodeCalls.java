package org.hotline.call;

/**
 * The calls one telephony node answers for when it goes away or its link comes back: those on it, and
 * when it is the only node, every call (some sources cannot tell a call's node).
 *
 * @param node the node's name
 * @param only whether it is the only node the server drives
 */
public record NodeCalls(String node, boolean only) {

    /** Every call, whatever its node: the one node of a single-node centre. */
    public static final NodeCalls EVERY = new NodeCalls("", true);

    public NodeCalls {
        java.util.Objects.requireNonNull(node, "node");
    }

    boolean holds(String callNode) {
        return only || node.equals(callNode);
    }
}
