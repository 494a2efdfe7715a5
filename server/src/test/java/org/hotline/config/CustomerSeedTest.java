package org.hotline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.hotline.customer.Customer;
import org.hotline.customer.PhoneNumbers;
import org.hotline.shared.AgentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomerSeedTest {

    private static final PhoneNumbers CHINA = new PhoneNumbers("CN");
    private static final Set<AgentId> ROSTER = Set.of(new AgentId("010"), new AgentId("011"));

    @TempDir
    Path dir;

    private List<Customer> load(String yaml) throws IOException {
        Path file = dir.resolve("customers.yaml");
        Files.writeString(file, yaml);
        return CustomerSeed.load(file, CHINA, ROSTER::contains);
    }

    @Test
    void theShippedCustomersAreValidAgainstTheShippedRoster() {
        Path home = Path.of(System.getProperty("hotline.home", ".."));
        List<Customer> customers = CustomerSeed.load(home.resolve("config/customers.yaml"), CHINA, ROSTER::contains);
        assertThat(customers).hasSize(2);
        assertThat(customers.getFirst().vip()).isTrue();
        assertThat(customers.getFirst().advisor()).isEqualTo(new AgentId("011"));
        assertThat(customers.get(1).vip()).isFalse();
    }

    @Test
    void aCustomerIsKeptUnderTheNormalisedNumber() throws IOException {
        List<Customer> customers = load("""
                customers:
                  - number: "138 0013 8000"
                    name: 陈先生
                    vip: true
                    advisor: "011"
                    note: 喜欢上午来电
                  - {number: "010 6234 5678", name: 北京某公司}
                """);
        assertThat(customers).containsExactly(
                new Customer("+8613800138000", "陈先生", true, new AgentId("011"), "喜欢上午来电"),
                new Customer("+861062345678", "北京某公司", false, null, null));
    }

    @Test
    void aNumberThatIsNotOneIsRejectedNamingTheEntry() {
        assertThatThrownBy(() -> load("customers:\n  - {number: \"10086\", name: A}\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("customers[0].number: \"10086\" is not a phone number of CN");
        assertThatThrownBy(() -> load("customers:\n  - {number: \"+86 138 0013 8000\", name: A}\n  - {number: call me, name: B}\n"))
                .hasMessageStartingWith("customers[1].number:");
    }

    @Test
    void anUnquotedNumberWouldLoseItsPlusOrLeadingZeroSoItIsRefused() {
        assertThatThrownBy(() -> load("customers:\n  - {number: 13800138000, name: A}\n"))
                .hasMessageStartingWith("customers[0].number: write the number in quotes");
    }

    @Test
    void anAdvisorMustBeAnAgentOfTheRoster() {
        assertThatThrownBy(() -> load("customers:\n  - {number: \"13800138000\", name: A, vip: true, advisor: \"099\"}\n"))
                .hasMessage("customers[0] (+8613800138000).advisor: \"099\" is not an agent in the roster (agents.file)");
        assertThatThrownBy(() -> load("customers:\n  - {number: \"13800138000\", name: A, vip: true, advisor: 11}\n"))
                .hasMessageStartingWith("customers[0] (+8613800138000).advisor: write the agent ID in quotes");
    }

    @Test
    void onlyAVipHasAnAdvisor() {
        assertThatThrownBy(() -> load("customers:\n  - {number: \"13800138000\", name: A, advisor: \"011\"}\n"))
                .hasMessage("customers[0] (+8613800138000).advisor: only a VIP customer has a dedicated advisor");
    }

    @Test
    void theSameNumberTwiceHoweverWrittenIsRejectedNamingBothEntries() {
        assertThatThrownBy(() -> load("customers:\n  - {number: \"13800138000\", name: A}\n"
                + "  - {number: \"+86 138 0013 8000\", name: B}\n"))
                .hasMessage("customers[1] (+8613800138000): the number is already used by customers[0]");
    }

    @Test
    void otherMistakesNameTheirEntryAndField() {
        assertThatThrownBy(() -> load("customers:\n  - {number: \"13800138000\"}\n"))
                .hasMessage("customers[0] (+8613800138000).name: is required");
        assertThatThrownBy(() -> load("customers:\n  - {number: \"13800138000\", name: A, vip: maybe}\n"))
                .hasMessage("customers[0] (+8613800138000).vip: true or false");
        assertThatThrownBy(() -> load("customers:\n  - {number: \"13800138000\", name: A, level: gold}\n"))
                .hasMessageStartingWith("customers[0].level: unknown setting");
        assertThatThrownBy(() -> load("customers:\n  - {number: \"13800138000\", name: \"" + "x".repeat(101) + "\"}\n"))
                .hasMessageStartingWith("customers[0] (+8613800138000).name: at most 100 characters");
        assertThatThrownBy(() -> load("customers:\n  - \"13800138000\"\n"))
                .hasMessageStartingWith("customers[0]: expected number, name");
        assertThatThrownBy(() -> load("customer:\n  - {number: \"13800138000\", name: A}\n"))
                .hasMessageContaining("customer: unknown setting");
    }

    @Test
    void anEmptyFileSeedsNobody() throws IOException {
        assertThat(load("# none yet\n")).isEmpty();
        assertThat(load("customers: []\n")).isEmpty();
    }
}
