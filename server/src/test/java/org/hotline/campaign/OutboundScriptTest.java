package org.hotline.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

/** The callback script names the customer, the company, the agent's ID and the original contact's date and subject. */
class OutboundScriptTest {

    private final OutboundScript script = new OutboundScript("好运公司", "Good Luck Co.");

    private static Contact contact(ContactDetails details) {
        return new Contact("c1", new CampaignId("callbacks-1"), "+8613800138000", ZoneId.of("Asia/Shanghai"), details, null, null,
                ContactStatus.PENDING, 0, null, Instant.parse("2026-11-30T00:00:00Z"), null);
    }

    @Test
    void theChineseScriptIsTheHandbooksFilledIn() {
        Contact zhang = contact(new ContactDetails("张先生", "快递延误", LocalDate.parse("2026-11-20"), "case-7"));

        assertThat(script.chinese(zhang, new AgentId("010"))).isEqualTo(
                "您好！请问您是张先生吗？这里是好运公司客服部，我的工号是010，请问您现在方便接听电话吗？"
                        + "您曾经在2026年11月20日致电我们反映了快递延误情况…");
    }

    @Test
    void theEnglishScriptSaysTheSame() {
        Contact zhang = contact(new ContactDetails("Mr Zhang", "a late delivery", LocalDate.parse("2026-11-20"), ""));

        assertThat(script.english(zhang, new AgentId("010"))).isEqualTo(
                "Hello! Am I speaking with Mr Zhang? This is the Good Luck Co. customer service department; my agent ID is 010."
                        + " Is it convenient for you to talk now? You called us on 20 November 2026 about a late delivery…");
    }

    @Test
    void missingDetailsLeaveNoGapsInTheScript() {
        String text = script.chinese(contact(ContactDetails.NONE), new AgentId("011"));

        assertThat(text).contains("请问您是机主本人吗", "我的工号是011", "您曾经致电我们反映了一些情况").doesNotContain("null");
    }
}
