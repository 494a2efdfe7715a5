package org.hotline.campaign;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hotline.shared.AgentId;

/**
 * The outbound callback script of the handbook, filled in for one contact and agent: who the
 * customer is, the company and department, the agent's ID (工号), whether it is convenient, and
 * the date and subject of the customer's original contact.
 *
 * @param company   the company's name in Chinese
 * @param companyEn the company's name in English
 */
public record OutboundScript(String company, String companyEn) {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    public String chinese(Contact contact, AgentId agent) {
        ContactDetails details = contact.details();
        String who = details.name().isEmpty() ? "机主本人" : details.name();
        String when = details.originalDate() == null ? "" : "在" + CHINESE_DATE.format(details.originalDate());
        String what = details.subject().isEmpty() ? "一些" : details.subject();
        return "您好！请问您是" + who + "吗？这里是" + company + "客服部，我的工号是" + agent.value()
                + "，请问您现在方便接听电话吗？您曾经" + when + "致电我们反映了" + what + "情况…";
    }

    public String english(Contact contact, AgentId agent) {
        ContactDetails details = contact.details();
        String who = details.name().isEmpty() ? "the holder of this number" : details.name();
        String when = details.originalDate() == null ? "recently" : "on " + ENGLISH_DATE.format(details.originalDate());
        String what = details.subject().isEmpty() ? "" : " about " + details.subject();
        return "Hello! Am I speaking with " + who + "? This is the " + companyEn + " customer service department; my agent ID is "
                + agent.value() + ". Is it convenient for you to talk now? You called us " + when + what + "…";
    }
}
