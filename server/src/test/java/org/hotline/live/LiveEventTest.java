package org.hotline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveEventTest {

    private static final Instant AT = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void theDataIsCopiedSoThePublisherMayChangeItsMapAfterwards() {
        Map<String, Object> data = new HashMap<>();
        List<Object> cases = new ArrayList<>(List.of("A1"));
        data.put("cases", cases);
        data.put("reason", null); // JSON null is a value like any other
        LiveEvent event = LiveEvent.forAgent("offered", "010", data, AT);

        data.put("later", "added");
        cases.add("A2");

        assertThat(event.data()).containsOnlyKeys("cases", "reason");
        assertThat(event.data().get("cases")).isEqualTo(List.of("A1"));
        assertThatThrownBy(() -> event.data().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void onlyJsonValuesAreAcceptedAndTheWrongOneIsNamed() {
        assertThatThrownBy(() -> LiveEvent.forEveryone("notice", Map.of("when", AT), AT))
                .hasMessageContaining("data.when: Instant is not JSON-compatible");
        assertThatThrownBy(() -> LiveEvent.forEveryone("notice", Map.of("list", List.of(1, new Object())), AT))
                .hasMessageContaining("data.list[1]");
        assertThatThrownBy(() -> LiveEvent.forEveryone("notice", Map.of("nested", Map.of(1, "x")), AT))
                .hasMessageContaining("data.nested: keys must be strings");
        assertThatThrownBy(() -> LiveEvent.forEveryone("notice", Map.of("ratio", Double.NaN), AT))
                .hasMessageContaining("not a JSON number");
    }

    @Test
    void typeAgentAndAtAreTheChannelsOwnKeys() {
        assertThatThrownBy(() -> LiveEvent.forAgent("offered", "010", Map.of("agent", "011"), AT))
                .hasMessageContaining("data.agent: reserved");
    }

    @Test
    void theTypeIsOneLowerCaseWordBecauseItBecomesALineOfTheStream() {
        assertThat(new LiveEvent("talk-time-warning", "010", null, AT).data()).isEmpty();
        for (String bad : new String[] {"Offered", "two words", "line\nbreak", "", "-leading"}) {
            assertThatThrownBy(() -> LiveEvent.forEveryone(bad, Map.of(), AT)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> LiveEvent.forEveryone(null, Map.of(), AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventIsForAnAgentOrForEveryoneNeverForABlankOne() {
        assertThat(LiveEvent.forEveryone("notice", Map.of(), AT).agent()).isNull();
        assertThatThrownBy(() -> LiveEvent.forAgent("offered", " ", Map.of(), AT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiveEvent.forAgent("offered", null, Map.of(), AT)).isInstanceOf(NullPointerException.class);
    }
}
