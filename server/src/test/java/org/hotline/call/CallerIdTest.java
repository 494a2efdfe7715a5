package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerIdTest {

    @Test
    void anOrdinaryNumberAndNameAreKept() {
        CallerId id = CallerId.presented("+8613800138000", "张三");
        assertThat(id.number()).isEqualTo("+8613800138000");
        assertThat(id.name()).isEqualTo("张三");
        assertThat(id.known()).isTrue();
    }

    @Test
    void noCallerIdAtAllIsUnknownNotAnError() {
        CallerId id = CallerId.presented(null, null);
        assertThat(id.known()).isFalse();
        assertThat(id.name()).isNull();
        assertThat(CallerId.presented("", "").known()).isFalse();
        assertThat(CallerId.presented("<unknown>", "<unknown>").known()).isFalse();
    }

    @Test
    void quotesAndNewlinesInTheNameAreDroppedOrKeptAsPlainText() {
        CallerId id = CallerId.presented("1001", "\"Zhang\"\r\nAction: Originate");
        assertThat(id.name()).isEqualTo("\"Zhang\"Action: Originate");
        assertThat(id.name()).doesNotContain("\r", "\n");
    }

    @Test
    void aNumberThatIsNotANumberIsNotUsedAsOneButTheRawTextIsKept() {
        CallerId id = CallerId.presented("1001;rm -rf /", "x");
        assertThat(id.number()).isNull();
        assertThat(id.raw()).isEqualTo("1001;rm -rf /");
    }

    @Test
    void spacesDashesAndBracketsInANumberAreFormattingNotContent() {
        assertThat(CallerId.presented("(010) 6552-8888", null).number()).isEqualTo("01065528888");
    }

    @Test
    void asteriskRepeatingTheNumberAsTheNameMeansNoName() {
        assertThat(CallerId.presented("1001", "1001").name()).isNull();
    }

    @Test
    void veryLongNamesAreBounded() {
        assertThat(CallerId.presented("1", "名".repeat(500)).name()).hasSize(80);
    }
}
