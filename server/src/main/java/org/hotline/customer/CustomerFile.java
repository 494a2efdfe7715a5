package org.hotline.customer;

import java.util.Optional;

/**
 * The customer file: who a caller is, looked up by their number. Blocking; callers run it off
 * the event loop (a virtual thread or a worker).
 */
public interface CustomerFile {

    /** @param e164 the caller's number in E.164 form; anything else finds nobody */
    Optional<Customer> find(String e164);
}
