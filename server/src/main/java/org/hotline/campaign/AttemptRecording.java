package org.hotline.campaign;

import java.util.Optional;

/**
 * The recording of one attempt at a contact, named by the attempt: {@code attempt-<contact>-<number>}, a
 * name of its own beside the inbound calls' so the two never share a file.
 */
public record AttemptRecording(String contactId, int attempt) {

    private static final String PREFIX = "attempt-";

    public AttemptRecording {
        if (!Contact.isValidId(contactId)) {
            throw new IllegalArgumentException("not a contact id");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts are counted from 1 (got " + attempt + ")");
        }
    }

    /** The file's name without its extension. */
    public String name() {
        return PREFIX + contactId + "-" + attempt;
    }

    /** The attempt a file name stands for; empty when it names none. */
    public static Optional<AttemptRecording> of(String name) {
        if (name == null || !name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dash = name.lastIndexOf('-');
        if (dash <= PREFIX.length() || !name.substring(dash + 1).matches("[1-9][0-9]{0,5}")) {
            return Optional.empty();
        }
        String contact = name.substring(PREFIX.length(), dash);
        return Contact.isValidId(contact)
                ? Optional.of(new AttemptRecording(contact, Integer.parseInt(name.substring(dash + 1))))
                : Optional.empty();
    }
}
