package org.hotline.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IvrMenuTest {

    @Test
    void theStandardMenuMapsTheHandbookChoices() {
        IvrMenu menu = IvrMenu.standard();
        assertThat(menu.choiceFor('1')).contains("orders");
        assertThat(menu.choiceFor('2')).contains("after-sales");
        assertThat(menu.choiceFor('3')).contains("complaints");
        assertThat(menu.choiceFor('0')).contains("agent");
        assertThat(menu.choiceFor('9')).isEmpty();
        assertThat(menu.choiceFor('#')).isEmpty();
    }

    @Test
    void onlyKeypadKeysAndPlainChoiceNamesAreAccepted() {
        assertThatThrownBy(() -> new IvrMenu(Map.of('x', "orders"), Duration.ofSeconds(5), 3))
                .hasMessageContaining("keypad");
        assertThatThrownBy(() -> new IvrMenu(Map.of('1', "Orders; DROP"), Duration.ofSeconds(5), 3))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> new IvrMenu(Map.of(), Duration.ofSeconds(5), 3)).hasMessageContaining("at least one");
    }
}
