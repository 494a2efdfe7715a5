package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import org.asteriskjava.fastagi.AgiRequest;
import org.junit.jupiter.api.Test;

class InboundScriptTest {

    private static final Instant CHANNEL_CREATED = Instant.parse("2026-12-06T15:39:48.577254Z");

    private static AgiRequest withArguments(String... arguments) {
        return (AgiRequest) Proxy.newProxyInstance(AgiRequest.class.getClassLoader(), new Class<?>[] {AgiRequest.class},
                (proxy, method, args) -> method.getName().equals("getArguments") ? arguments : null);
    }

    @Test
    void theFlowCountsTheRingsFromTheFrontDoorsStampTheDialplanPassesOn() {
        assertThat(InboundScript.stampedArrival(withArguments("1796571584.566886"), CHANNEL_CREATED))
                .isEqualTo(Instant.parse("2026-12-06T15:39:44.566886Z"));
    }

    @Test
    void withoutAStampOrWithOneThatMakesNoSenseTheFlowCountsFromAsterisksArrival() {
        assertThat(InboundScript.stampedArrival(withArguments(), CHANNEL_CREATED)).isEqualTo(CHANNEL_CREATED);
        assertThat(InboundScript.stampedArrival(withArguments((String[]) null), CHANNEL_CREATED)).isEqualTo(CHANNEL_CREATED);
        assertThat(InboundScript.stampedArrival(withArguments("1796571590.000000"), CHANNEL_CREATED)).isEqualTo(CHANNEL_CREATED);
        assertThat(InboundScript.stampedArrival(withArguments("soon"), CHANNEL_CREATED)).isEqualTo(CHANNEL_CREATED);
    }
}
