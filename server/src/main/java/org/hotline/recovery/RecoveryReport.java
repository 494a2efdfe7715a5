package org.hotline.recovery;

/**
 * What the settling at one start-up did.
 *
 * @param adopted      open records of calls still live in Asterisk, now followed to their end
 * @param closedFromCel open records closed from CEL with their true end
 * @param lost         open records Asterisk had no end for, closed as lost with the server
 * @param imported     calls Asterisk handled alone, written as whole records
 */
record RecoveryReport(int adopted, int closedFromCel, int lost, int imported) {
}
