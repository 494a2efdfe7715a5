package org.hotline.call;

import org.hotline.shared.CallId;

/** Where the recordings' files are, one per call named by it (implemented on the disk). */
public interface RecordingShelf {

    /** Deletes {@code call}'s recording; false when there was none to delete. */
    boolean delete(CallId call);
}
