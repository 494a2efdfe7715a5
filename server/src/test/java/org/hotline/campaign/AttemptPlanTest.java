package org.hotline.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.hotline.shared.AgentId;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.Test;

class AttemptPlanTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AgentId AGENT = new AgentId("010");
    private final CampaignRules rules = new CampaignRules(CallWindow.STANDARD,
            new RetryRules(3, Map.of(AttemptOutcome.NO_ANSWER, Duration.ofMinutes(30))), Duration.ofDays(3), 5, "",
            Pacing.PROGRESSIVE, new Skill("general"), true);
    private final AttemptPlan plan = new AttemptPlan(rules);

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static Contact contact(int attempts, Instant deadline) {
        return new Contact("c1", new CampaignId("spring"), "+8613800138000", SHANGHAI, ContactDetails.NONE, null, null,
                ContactStatus.DIALLING, attempts, null, deadline, null);
    }

    @Test
    void aReachedCustomerIsDone() {
        Contact done = plan.after(contact(1, at("2026-11-26T00:00")), AttemptOutcome.REACHED, AGENT, at("2026-11-23T10:00"));
        assertEquals(ContactStatus.DONE, done.status());
        assertEquals(1, done.attempts());
    }

    @Test
    void noAnswerIsTriedAgainAfterTheRetryDelay() {
        Contact again = plan.after(contact(1, at("2026-11-26T00:00")), AttemptOutcome.NO_ANSWER, AGENT, at("2026-11-23T10:00"));
        assertEquals(ContactStatus.PENDING, again.status());
        assertEquals(at("2026-11-23T10:30"), again.nextAttemptAt());
    }

    @Test
    void aRetryThatWouldFallAfterClosingWaitsForTheNextMorning() {
        Contact again = plan.after(contact(1, at("2026-11-26T00:00")), AttemptOutcome.NO_ANSWER, AGENT, at("2026-11-23T20:45"));
        assertEquals(at("2026-11-24T09:00"), again.nextAttemptAt());
    }

    @Test
    void theLastAllowedAttemptExhaustsTheContact() {
        Contact exhausted = plan.after(contact(3, at("2026-11-26T00:00")), AttemptOutcome.BUSY, AGENT, at("2026-11-23T10:00"));
        assertEquals(ContactStatus.EXHAUSTED, exhausted.status());
        assertNull(exhausted.nextAttemptAt());
    }

    @Test
    void anAgentWhoDidNotAnswerDoesNotUseTheCustomersAttempt() {
        Contact again = plan.after(contact(3, at("2026-11-26T00:00")), AttemptOutcome.AGENT_NO_ANSWER, AGENT, at("2026-11-23T10:00"));
        assertEquals(ContactStatus.PENDING, again.status());
        assertEquals(2, again.attempts());
        assertEquals(at("2026-11-23T10:00:30"), again.nextAttemptAt());
    }

    @Test
    void aDifficultCustomerIsCalledAnotherTimeByAnotherAgent() {
        Contact again = plan.after(contact(1, at("2026-11-26T00:00")), AttemptOutcome.DIFFICULT_CUSTOMER, AGENT, at("2026-11-23T10:00"));
        assertEquals(ContactStatus.PENDING, again.status());
        assertEquals(AGENT, again.avoidAgent());
        assertEquals(at("2026-11-23T14:00"), again.nextAttemptAt());
    }

    @Test
    void aRetryThatCannotHappenBeforeTheDeadlineExpiresTheContact() {
        Contact expired = plan.after(contact(1, at("2026-11-23T10:20")), AttemptOutcome.NO_ANSWER, AGENT, at("2026-11-23T10:00"));
        assertEquals(ContactStatus.EXPIRED, expired.status());
    }

    @Test
    void aPendingContactIsDialledOnlyInsideItsWindowAndBeforeItsDeadline() {
        Contact pending = contact(0, at("2026-11-24T12:00"));
        assertInstanceOf(AttemptPlan.Turn.Now.class, plan.turn(pending, at("2026-11-23T09:00")));
        assertEquals(new AttemptPlan.Turn.Later(at("2026-11-24T09:00")), plan.turn(pending, at("2026-11-23T21:00")));
        assertInstanceOf(AttemptPlan.Turn.Expired.class, plan.turn(pending, at("2026-11-24T12:00")));
        // Closed now, and the window only opens after the deadline: expired, not waiting in vain.
        Contact dueTonight = contact(0, at("2026-11-23T23:00"));
        assertInstanceOf(AttemptPlan.Turn.Expired.class, plan.turn(dueTonight, at("2026-11-23T21:30")));
    }

    @Test
    void campaignRulesRefuseWhatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> new CampaignRules(null, null, Duration.ofDays(1), 1, "",
                Pacing.AGENTLESS, null, true));
        assertThrows(IllegalArgumentException.class, () -> new CampaignRules(CallWindow.STANDARD, null, Duration.ofDays(1), 0, "",
                Pacing.AGENTLESS, null, true));
        assertThrows(IllegalArgumentException.class, () -> new CampaignRules(CallWindow.STANDARD, null, Duration.ofDays(1), 1,
                "12;34", Pacing.AGENTLESS, null, true));
        CampaignRules agentless = new CampaignRules(CallWindow.STANDARD, null, Duration.ofDays(1), 1, "", Pacing.AGENTLESS, null, true);
        assertThrows(IllegalArgumentException.class, () -> agentless.check(CampaignKind.CALLBACK));
        assertThrows(IllegalArgumentException.class, () -> new RetryRules(0, Map.of()));
    }

    @Test
    void campaignsMoveOnlyByTheCommandsThatFitTheirStatus() {
        assertEquals(CampaignStatus.RUNNING, CampaignStatus.READY.on(CampaignCommand.START));
        assertEquals(CampaignStatus.PAUSED, CampaignStatus.RUNNING.on(CampaignCommand.PAUSE));
        assertEquals(CampaignStatus.RUNNING, CampaignStatus.PAUSED.on(CampaignCommand.RESUME));
        assertEquals(CampaignStatus.STOPPED, CampaignStatus.PAUSED.on(CampaignCommand.STOP));
        assertThrows(IllegalStateException.class, () -> CampaignStatus.STOPPED.on(CampaignCommand.START));
        assertThrows(IllegalStateException.class, () -> CampaignStatus.READY.on(CampaignCommand.PAUSE));
    }
}
