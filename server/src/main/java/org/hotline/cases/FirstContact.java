package org.hotline.cases;

import java.util.Objects;
import org.hotline.shared.CallId;
import org.hotline.shared.AgentId;

/**
 * Who took a call first, as the call record says (first-contact ownership: they own any case it raises).
 *
 * @param customer the caller's number in E.164 form, or null when it is not a valid number (anonymous, a service number)
 * @param agent    the first agent who answered the call, or null when no agent did
 */
public record FirstContact(CallId call, String customer, AgentId agent) {

    public FirstContact {
        Objects.requireNonNull(call, "call");
    }
}
