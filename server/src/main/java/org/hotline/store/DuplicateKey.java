package org.hotline.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;

/** Whether a failure is the store refusing a second document with the same id (an update's write or a findAndModify's command). */
final class DuplicateKey {

    private DuplicateKey() {
    }

    static boolean is(MongoException e) {
        return ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
