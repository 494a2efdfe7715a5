package org.hotline.campaign.upload;

/**
 * An upload refused whole, nothing of it imported: too large, not text, not a CSV, no header
 * naming the required columns. The message says what to do, in plain words.
 */
public final class UploadRefused extends Exception {

    private final boolean tooLarge;

    UploadRefused(String message, boolean tooLarge) {
        super(message, null, false, false);
        this.tooLarge = tooLarge;
    }

    static UploadRefused because(String message) {
        return new UploadRefused(message, false);
    }

    static UploadRefused tooLarge(String message) {
        return new UploadRefused(message, true);
    }

    /** Over a size limit (HTTP 413) rather than unreadable (400). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
