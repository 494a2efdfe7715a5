package org.hotline.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.hotline.customer.DialRule.Kind;
import org.hotline.customer.DialRule.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A presented number is called back only when the centre may dial it: never an emergency service, a short code or a premium line. */
class DialRuleTest {

    private final DialRule beijing = DialRule.standard("CN");

    @ParameterizedTest
    @ValueSource(strings = {"110", "119", "120", "122", "112", "999", "911", "+110", "1101234"})
    void emergencyNumbersAreRefusedHoweverTheyArePresented(String number) {
        assertThat(beijing.check(number)).contains(Refusal.EMERGENCY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10086", "95588", "12345", "106", "400"})
    void shortCodesAreRefused(String number) {
        assertThat(beijing.check(number)).contains(Refusal.SHORT_CODE);
    }

    @Test
    void premiumRateNumbersAreRefusedTheNineHundredLinesAmongThem() {
        assertThat(beijing.check("+19005550123")).contains(Refusal.PREMIUM_RATE);
        assertThat(new DialRule("US", List.of(), Set.of(Kind.PREMIUM_RATE), List.of(), false).check("19005550123"))
                .contains(Refusal.PREMIUM_RATE);
    }

    @Test
    void sharedCostLinesAreRefusedByTheStandardRuleAndAConfiguredPrefixWhateverItsKind() {
        assertThat(beijing.check("4008123456")).contains(Refusal.REFUSED_KIND);
        DialRule withPrefix = new DialRule("CN", DialRule.STANDARD_EMERGENCY, Set.of(Kind.PREMIUM_RATE), List.of("+86170"), false);
        assertThat(withPrefix.check("17012345678")).contains(Refusal.REFUSED_PREFIX);
        assertThat(withPrefix.check("4008123456")).as("shared cost allowed by this rule").isEmpty();
    }

    @Test
    void foreignNumbersAreRefusedUnlessTheRuleAllowsThem() {
        assertThat(beijing.check("+4930123456")).contains(Refusal.FOREIGN);
        assertThat(beijing.check("004930123456")).contains(Refusal.FOREIGN);
        DialRule abroadToo = new DialRule("CN", DialRule.STANDARD_EMERGENCY, Set.of(Kind.PREMIUM_RATE), List.of(), true);
        assertThat(abroadToo.check("+4930123456")).isEmpty();
        assertThat(abroadToo.check("+19005550123")).as("premium stays refused abroad").contains(Refusal.PREMIUM_RATE);
    }

    @ParameterizedTest
    @CsvSource({"13800138000", "+8613800138000", "8613800138000", "01062345678", "+861062345678", "02161234567", "13900000030"})
    void ordinaryMobilesAndLandlinesAreDialled(String number) {
        assertThat(beijing.check(number)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1380013800*", "+", "138 0013 8000"})
    void anythingElseIsNotANumber(String number) {
        assertThat(beijing.check(number)).contains(Refusal.NOT_A_NUMBER);
    }

    @Test
    void theSameCustomerIsOneKeyHoweverTheirNumberIsWritten() {
        assertThat(beijing.customerKey("13800138000")).isEqualTo("+8613800138000");
        assertThat(beijing.customerKey("+8613800138000")).isEqualTo("+8613800138000");
        assertThat(beijing.customerKey("10086")).isEqualTo("10086");
    }

    @Test
    void aRuleThatWouldLetPremiumNumbersThroughOrNamesABadNumberIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new DialRule("CN", List.of(), Set.of(Kind.SHARED_COST), List.of(), false))
                .hasMessageContaining("premium-rate");
        assertThatThrownBy(() -> new DialRule("CN", List.of("11a"), Set.of(Kind.PREMIUM_RATE), List.of(), false))
                .hasMessageContaining("11a");
        assertThatThrownBy(() -> new DialRule("CN", List.of(), Set.of(Kind.PREMIUM_RATE), List.of("86168"), false))
                .hasMessageContaining("86168");
        assertThatThrownBy(() -> new DialRule("XX", List.of(), Set.of(Kind.PREMIUM_RATE), List.of(), false))
                .hasMessageContaining("XX");
    }
}
