package org.hotline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentRingRuleTest {

    private final AgentRingRule handbook = AgentRingRule.handbook();

    @Test
    void theAgentIsGivenThreeRingsOfThreeSecondsThenTheNextAgentIsOffered() {
        assertThat(handbook.rings()).isEqualTo(3);
        assertThat(handbook.ringFor()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void anAgentWhoAnswersExactlyAtTheEndOfTheThirdRingKeepsTheRule() {
        assertThat(handbook.kept(Duration.ofSeconds(9))).isTrue();
        assertThat(handbook.kept(Duration.ofSeconds(9).plusMillis(1))).isFalse();
    }

    @Test
    void longerRingsGiveTheAgentLonger() {
        assertThat(new AgentRingRule(Duration.ofSeconds(5), 3).ringFor()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void anAgentIsGivenAtLeastOneRingOfSomeLength() {
        assertThatThrownBy(() -> new AgentRingRule(Duration.ofSeconds(3), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgentRingRule(Duration.ZERO, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
