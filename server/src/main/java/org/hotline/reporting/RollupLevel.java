package org.hotline.reporting;

/**
 * The three sizes of rollup: an hour, a day and a month of the centre. Every count goes into all
 * three, so a report reads months for its whole months, days for the rest of its whole days and
 * hours only at its ends.
 */
public enum RollupLevel {
    HOUR,
    DAY,
    MONTH
}
