package org.hotline.routing;

import org.hotline.shared.Skill;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.hotline.shared.CallId;
import org.hotline.shared.Language;
import org.junit.jupiter.api.Test;

class CallbackPolicyTest {

    private static final Instant EVENING = Instant.parse("2026-11-22T13:30:00Z");
    private final CallbackPolicy policy = new CallbackPolicy(Duration.ofHours(1), 3, Duration.ofMinutes(10));

    @Test
    void aRequestMadeDuringServiceHoursIsDueWithinTheHour() {
        assertThat(policy.deadline(EVENING, Optional.of(EVENING))).isEqualTo(EVENING.plus(Duration.ofHours(1)));
    }

    @Test
    void aRequestMadeOutsideHoursIsDueAnHourAfterTheNextOpening() {
        Instant nineTomorrow = Instant.parse("2026-11-23T01:00:00Z");
        assertThat(policy.deadline(EVENING, Optional.of(nineTomorrow))).isEqualTo(nineTomorrow.plus(Duration.ofHours(1)));
    }

    @Test
    void theCustomerIsDialledAtMostTheConfiguredNumberOfTimes() {
        CallbackRequest request = new CallbackRequest(
                WaitingCall.ordinary(new CallId("1.1"), new Skill("orders"), EVENING).asCallback(), "13800138000",
                Language.ZH, EVENING, EVENING.plusSeconds(3600), 0);
        assertThat(policy.triesAgain(request.attempted())).isTrue();
        assertThat(policy.triesAgain(request.attempted().attempted())).isTrue();
        assertThat(policy.triesAgain(request.attempted().attempted().attempted())).isFalse();
    }

    @Test
    void onlyPlainNumbersCanBeCalledBack() {
        assertThat(CallbackRequest.isDialable("+8613800138000")).isTrue();
        assertThat(CallbackRequest.isDialable("1001")).isTrue();
        assertThat(CallbackRequest.isDialable("*21")).isFalse();
        assertThat(CallbackRequest.isDialable("12")).isFalse();
        assertThat(CallbackRequest.isDialable("1380013800&x")).isFalse();
        assertThat(CallbackRequest.isDialable(null)).isFalse();
    }
}
