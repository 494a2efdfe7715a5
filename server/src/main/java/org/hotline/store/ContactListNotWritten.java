package org.hotline.store;

/** A campaign's contact list that the store failed to write; the message says whether anything of it was left. */
final class ContactListNotWritten extends RuntimeException {

    ContactListNotWritten(String message, Throwable cause) {
        super(message, cause);
    }
}
