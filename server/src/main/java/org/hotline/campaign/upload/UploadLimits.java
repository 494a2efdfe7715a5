package org.hotline.campaign.upload;

/**
 * How much one upload may hold; a file over either limit is refused whole.
 *
 * @param maxRows  contacts (rows after the header, blank rows not counted)
 * @param maxBytes the file's size
 */
public record UploadLimits(int maxRows, long maxBytes) {

    /** 200,000 contacts; 32 MiB, several times what 200,000 rows of names, subjects and notes take. */
    public static UploadLimits standard() {
        return new UploadLimits(200_000, 32L * 1024 * 1024);
    }

    public UploadLimits {
        if (maxRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
    }
}
