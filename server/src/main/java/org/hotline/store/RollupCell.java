package org.hotline.store;

/**
 * What one rollup document counts within its hour, day or month: a queue and an agent for the
 * calls' rollups ({@code "queue|agent"}), an agent alone for agents' time.
 *
 * @param queue null for agents' time
 */
record RollupCell(String queue, String agent) {

    static RollupCell parse(RollupCells.Kind kind, String key) {
        if (kind == RollupCells.Kind.AGENT_TIME) {
            return new RollupCell(null, key);
        }
        int bar = key.lastIndexOf('|'); // agent ids have no bar; a queue name might
        return new RollupCell(key.substring(0, bar), key.substring(bar + 1));
    }

    String key() {
        return queue == null ? agent : queue + "|" + agent;
    }

    RollupCells.Kind kind() {
        return queue == null ? RollupCells.Kind.AGENT_TIME : RollupCells.Kind.CALLS;
    }
}
