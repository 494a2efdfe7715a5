package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A benchmark's command line: each value left out takes its default, a wrong one is refused by position. */
class BenchArgumentsTest {

    private final BenchArguments line = BenchArguments.of(new String[] {"java", "answer", "35", "0.5", "later"});

    @Test
    void aValueLeftOutTakesItsDefault() {
        assertThat(line.whole(9, 20, 1)).isEqualTo(20);
        assertThat(line.positive(9, 8)).isEqualTo(8);
        assertThat(line.oneOf(9, "both", Set.of("both", "hotline"))).isEqualTo("both");
        assertThat(line.from(9)).isEmpty();
    }

    @Test
    void aValueGivenIsRead() {
        assertThat(line.oneOf(1, "ceiling", Set.of("answer", "ceiling"))).isEqualTo("answer");
        assertThat(line.whole(2, 20, 1)).isEqualTo(35);
        assertThat(line.positive(3, 1)).isEqualTo(0.5);
        assertThat(line.from(3)).containsExactly("0.5", "later");
    }

    @Test
    void aWrongValueIsRefusedNamingItsPositionAndWhatItMustBe() {
        assertThatThrownBy(() -> line.whole(3, 20, 1)).hasMessage("argument 4 must be a whole number of at least 1, not '0.5'");
        assertThatThrownBy(() -> line.whole(2, 20, 50)).hasMessage("argument 3 must be a whole number of at least 50, not '35'");
        assertThatThrownBy(() -> line.positive(4, 1)).hasMessage("argument 5 must be a number above zero, not 'later'");
        assertThatThrownBy(() -> line.oneOf(4, "both", Set.of("both"))).hasMessage("argument 5 must be one of [both], not 'later'");
    }
}
