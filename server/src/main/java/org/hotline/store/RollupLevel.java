package org.hotline.store;

import java.time.Instant;

/**
 * The three sizes of rollup document: an hour, a day and a month of the centre. Every count goes
 * into all three, so a report reads months for its whole months, days for the rest of its whole
 * days and hours only at its ends. Ids are made from the start and the cell, so a report finds
 * its documents by {@code _id} (the one lookup the embedded store serves from an index).
 */
enum RollupLevel {
    HOUR("", "hour"),
    DAY("D|", "day"),
    MONTH("M|", "month");

    private final String prefix;
    private final String field;

    RollupLevel(String prefix, String field) {
        this.prefix = prefix;
        this.field = field;
    }

    /** The field holding the document's start. */
    String field() {
        return field;
    }

    /** The id of the document of this level starting at {@code start} for {@code cell} ("queue|agent", or an agent). */
    String id(Instant start, String cell) {
        return prefix + start + "|" + cell;
    }
}
