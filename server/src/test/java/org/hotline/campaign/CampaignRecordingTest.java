package org.hotline.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.hotline.call.RecordingMode;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.Test;

/** Which campaign calls are recorded, and the file each attempt's conversation goes into. */
class CampaignRecordingTest {

    private static CampaignRules callbackRules(RecordingMode recording) {
        return new CampaignRules(CallWindow.STANDARD, null, Duration.ofDays(1), 1, "", Pacing.PROGRESSIVE,
                new Skill("sales"), true, false, recording);
    }

    @Test
    void aCampaignIsNotRecordedUnlessItSaysSo() {
        assertEquals(RecordingMode.OFF, new CampaignRules(CallWindow.STANDARD, null, Duration.ofDays(1), 1, "",
                Pacing.PROGRESSIVE, new Skill("sales"), true).recording());
        assertEquals(RecordingMode.OFF, callbackRules(null).recording());
    }

    @Test
    void aCallbackCampaignIsRecordedWithOrWithoutTheNotice() {
        callbackRules(RecordingMode.ON).check(CampaignKind.CALLBACK);
        callbackRules(RecordingMode.ANNOUNCE).check(CampaignKind.CALLBACK);
        assertTrue(callbackRules(RecordingMode.ANNOUNCE).recording().records());
    }

    @Test
    void aCampaignWithoutAgentsHasNoConversationToRecord() {
        CampaignRules survey = new CampaignRules(CallWindow.STANDARD, null, Duration.ofDays(1), 1, "", Pacing.AGENTLESS,
                null, true, false, RecordingMode.ON);
        assertThrows(IllegalArgumentException.class, () -> survey.check(CampaignKind.SURVEY));
    }

    @Test
    void eachAttemptHasItsOwnFileNamedByTheContactAndTheAttempt() {
        AttemptRecording second = new AttemptRecording("c-42", 2);
        assertEquals("attempt-c-42-2", second.name());
        assertEquals(Optional.of(second), AttemptRecording.of("attempt-c-42-2"));
        assertEquals("attempt-c-42-3", new AttemptRecording("c-42", 3).name());
    }

    @Test
    void aNameThatIsNoAttemptsIsRefused() {
        assertEquals(Optional.empty(), AttemptRecording.of("1733520000.12"));
        assertEquals(Optional.empty(), AttemptRecording.of("attempt-c-42-0"));
        assertEquals(Optional.empty(), AttemptRecording.of("attempt--1"));
        assertEquals(Optional.empty(), AttemptRecording.of("attempt-../x-1"));
        assertThrows(IllegalArgumentException.class, () -> new AttemptRecording("../etc", 1));
        assertThrows(IllegalArgumentException.class, () -> new AttemptRecording("c-42", 0));
    }
}
