package org.hotline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.hotline.call.KeptPlace;
import org.hotline.shared.Skill;
import org.junit.jupiter.api.Test;

class PlaceVariableTest {

    private static final Instant JOINED = Instant.parse("2026-11-22T01:00:00.123Z");

    @Test
    void aPlaceReadsBackAsItWasWrittenWithItsQueueTimeAndHeadStarts() {
        for (boolean vip : new boolean[] {false, true}) {
            for (boolean longDistance : new boolean[] {false, true}) {
                KeptPlace place = new KeptPlace(new Skill("after-sales"), JOINED, vip, longDistance);
                assertThat(PlaceVariable.read(PlaceVariable.valueOf(place))).contains(place);
            }
        }
        assertThat(PlaceVariable.valueOf(new KeptPlace(new Skill("orders"), JOINED, true, false)))
                .isEqualTo("orders/" + JOINED.toEpochMilli() + "/vip");
    }

    @Test
    void aPlaceWhoseCallerHeardTheApologySaysSoAndAnOlderValueReadsAsNotApologised() {
        KeptPlace apologised = new KeptPlace(new Skill("orders"), JOINED, false, true, true);

        assertThat(PlaceVariable.valueOf(apologised)).isEqualTo("orders/" + JOINED.toEpochMilli() + "/long-distance/apologised");
        assertThat(PlaceVariable.read(PlaceVariable.valueOf(apologised))).contains(apologised);
        assertThat(PlaceVariable.read("orders/" + JOINED.toEpochMilli() + "/long-distance")).get()
                .extracting(KeptPlace::apologised).isEqualTo(false);
    }

    @Test
    void anythingElseOnTheChannelIsNoPlace() {
        for (String value : Arrays.asList(null, "", "orders", "Orders/1764000000000/-", "orders/-1/-", "orders/1764000000000/",
                "orders/1764000000000/gold", "orders/1764000000000/- ", "orders/1e12/-", "orders/9999999999999999999/-",
                "../orders/1764000000000/-", "orders/1764000000000/vip/x", "订单/1764000000000/-",
                "orders/1764000000000/-/apologised/", "orders/1764000000000/-/sorry", "orders/1764000000000/apologised")) {
            assertThat(PlaceVariable.read(value)).as("%s", value).isEmpty();
        }
    }
}
