package org.hotline.cases;

import java.util.Objects;
import org.hotline.shared.CallId;
import org.hotline.shared.AgentId;

/**
 * What an agent fills in to open a case (or a follow-up).
 *
 * @param call     the call it comes from, or null; its first agent becomes the owner
 * @param owner    the owner when there is no call, or none that an agent took (e.g. an after-hours message); else null
 * @param customer the customer's number in E.164 form when there is no call to take it from; else null
 *                 (without either, the contact phone is the customer's)
 * @param by       who opens it, or null for the owner
 */
public record NewCase(Particulars particulars, String category, Severity severity, CallId call, AgentId owner,
                      String customer, AgentId by) {

    public NewCase {
        Objects.requireNonNull(particulars, "particulars");
        if (!Case.isCategory(category)) {
            throw new IllegalArgumentException("category: a word of lower-case letters, digits and '-', e.g. billing");
        }
        Objects.requireNonNull(severity, "severity");
    }
}
