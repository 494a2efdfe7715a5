package org.hotline.cases;

import java.util.Optional;
import org.hotline.shared.CallId;

/** The call records, as cases need them. Blocking. */
@FunctionalInterface
public interface FirstContacts {

    /** Empty when there is no record of the call. */
    Optional<FirstContact> of(CallId call);
}
