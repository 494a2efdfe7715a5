package org.hotline.campaign;

import java.time.LocalDate;

/**
 * What the agent's script needs about a contact: "您好！请问您是某先生/某小姐吗？…您曾经在某某日致电我们反映了某某情况…"
 *
 * @param name         how to address the customer, or empty
 * @param subject      what the customer called about, or empty
 * @param originalDate the date of that first contact, or null
 * @param caseId       the case this callback answers, or empty
 */
public record ContactDetails(String name, String subject, LocalDate originalDate, String caseId) {

    public static final ContactDetails NONE = new ContactDetails("", "", null, "");

    public ContactDetails {
        name = name == null ? "" : name;
        subject = subject == null ? "" : subject;
        caseId = caseId == null ? "" : caseId;
    }
}
