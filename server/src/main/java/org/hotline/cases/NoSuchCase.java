package org.hotline.cases;

/** No case has this number. */
public final class NoSuchCase extends RuntimeException {

    public NoSuchCase(CaseId id) {
        super("no case " + id, null, false, false);
    }
}
