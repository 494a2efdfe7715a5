package org.hotline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentRingRuleTest {

    private final AgentRingRule handbook = AgentRingRule.handbook();

    @Test
    void theAgentIsGivenThreeRingsOfThreeSecondsThenTheNextAgentIsOffered() {
        assertThat(handbook.given()).isEqualTo(new Rings(3, Duration.ofSeconds(3)));
        assertThat(handbook.ringFor()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void anAgentWhoAnswersExactlyAtTheEndOfTheThirdRingKeepsTheRule() {
        assertThat(handbook.kept(Duration.ofSeconds(9))).isTrue();
        assertThat(handbook.kept(Duration.ofSeconds(9).plusMillis(1))).isFalse();
    }

    @Test
    void longerRingsGiveTheAgentLonger() {
        assertThat(new AgentRingRule(new Rings(3, Duration.ofSeconds(5))).ringFor()).isEqualTo(Duration.ofSeconds(15));
    }
}
