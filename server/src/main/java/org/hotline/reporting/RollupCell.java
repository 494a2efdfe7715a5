package org.hotline.reporting;

/**
 * What one rollup counts within its hour, day or month: a queue and an agent for the calls'
 * rollups ({@code "queue|agent"}), an agent alone for agents' time.
 *
 * @param queue null for agents' time
 */
public record RollupCell(String queue, String agent) {

    /** The calls' rollups ("queue|agent") and agents' time (agent). */
    public enum Kind { CALLS, AGENT_TIME }

    public static RollupCell parse(Kind kind, String key) {
        if (kind == Kind.AGENT_TIME) {
            return new RollupCell(null, key);
        }
        int bar = key.lastIndexOf('|'); // agent ids have no bar; a queue name might
        return new RollupCell(key.substring(0, bar), key.substring(bar + 1));
    }

    public String key() {
        return queue == null ? agent : queue + "|" + agent;
    }
}
