package org.hotline.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;

class CustomerTest {

    private static final AgentId WANG = new AgentId("011");

    @Test
    void aVipMayHaveADedicatedAdvisor() {
        Customer customer = new Customer("+8613800138000", " 陈先生 ", true, WANG, "prefers mornings");
        assertThat(customer.name()).isEqualTo("陈先生");
        assertThat(customer.advisor()).isEqualTo(WANG);
    }

    @Test
    void onlyAVipHasADedicatedAdvisor() {
        assertThatThrownBy(() -> new Customer("+8613800138000", "陈先生", false, WANG, null))
                .hasMessageStartingWith("advisor:");
    }

    @Test
    void theNumberIsTheNormalisedE164Form() {
        assertThatThrownBy(() -> new Customer("13800138000", "A", false, null, null)).hasMessageStartingWith("number:");
        assertThatThrownBy(() -> new Customer("+0138001380", "A", false, null, null)).hasMessageStartingWith("number:");
        assertThatThrownBy(() -> new Customer(null, "A", false, null, null)).hasMessageStartingWith("number:");
    }

    @Test
    void theNameIsRequiredBoundedAndPlainText() {
        assertThatThrownBy(() -> new Customer("+8613800138000", " ", false, null, null)).hasMessage("name: is required");
        assertThatThrownBy(() -> new Customer("+8613800138000", "a".repeat(101), false, null, null)).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> new Customer("+8613800138000", "A\u0007B", false, null, null)).hasMessageStartingWith("name:");
        assertThat(new Customer("+8613800138000", "客".repeat(100), false, null, null).name()).hasSize(100);
    }

    @Test
    void theNoteIsBoundedAndMayHaveLineBreaks() {
        assertThat(new Customer("+8613800138000", "A", false, null, "line one\nline two").note()).contains("\n");
        assertThat(new Customer("+8613800138000", "A", false, null, "  ").note()).isNull();
        assertThatThrownBy(() -> new Customer("+8613800138000", "A", false, null, "n".repeat(1001))).hasMessageStartingWith("note:");
        assertThatThrownBy(() -> new Customer("+8613800138000", "A", false, null, "\u001b[31m")).hasMessageStartingWith("note:");
    }
}
