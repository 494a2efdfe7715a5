package org.hotline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A callback try a stopped server left behind, read from Asterisk's channel event log: the lines
 * are those a real Asterisk 22 wrote for a try whose server was killed while the agent talked to
 * the customer (server/src/test/resources/cel/).
 */
class CallbackTraceTest {

    private static final String LEG = "1796537810.1-cbmxbg80yh1";
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");

    private static CelLog real() throws Exception {
        try (var in = CallbackTraceTest.class.getResourceAsStream("/cel/callback-killed-mid-conversation.csv")) {
            return CelFile.read(new InputStreamReader(in, StandardCharsets.UTF_8), FROM, TO);
        }
    }

    private static Instant at(String seconds) {
        return Instant.ofEpochSecond(Long.parseLong(seconds.substring(0, seconds.indexOf('.'))),
                Long.parseLong(seconds.substring(seconds.indexOf('.') + 1)) * 1000);
    }

    @Test
    void aTryWhoseCustomerAnsweredIsReadWithAsterisksTimes() throws Exception {
        CallbackTrace trace = CallbackTrace.of(real(), LEG).orElseThrow();

        assertThat(trace.agentRangAt()).isEqualTo(at("1796537825.225907"));
        assertThat(trace.agentAnsweredAt()).isEqualTo(at("1796537825.256605"));
        assertThat(trace.customerDialled()).isTrue();
        assertThat(trace.customerAnsweredAt()).as("the first answer of a leg toward the customer").isEqualTo(at("1796537828.800665"));
        assertThat(trace.endedAt()).as("the agent leg's hang-up").isEqualTo(at("1796537842.068763"));
    }

    @Test
    void aLegAsteriskNeverStartedLeavesNoTrace() throws Exception {
        assertThat(CallbackTrace.of(real(), "1796537810.1-cbother1")).isEmpty();
    }

    @Test
    void anAgentWhoNeverAnsweredMeansTheCustomerWasNotDialled() throws Exception {
        String lines = """
                "CHAN_START","1796537825.225907","%1$s","%1$s","PJSIP/agent-010-00000000","agents","s","010","","","","",""
                "HANGUP","1796537843.100000","%1$s","%1$s","PJSIP/agent-010-00000000","agents","s","010","","","","",""
                "CHAN_END","1796537843.100000","%1$s","%1$s","PJSIP/agent-010-00000000","agents","s","010","","","","",""
                """.formatted(LEG);
        CallbackTrace trace = CallbackTrace.of(CelFile.read(new StringReader(lines), FROM, TO), LEG).orElseThrow();

        assertThat(trace.agentAnsweredAt()).isNull();
        assertThat(trace.customerDialled()).isFalse();
        assertThat(trace.endedAt()).isEqualTo(at("1796537843.100000"));
    }

    @Test
    void aCustomerWhoNeverPickedUpWasDialledButNotAnswered() throws Exception {
        String lines = """
                "CHAN_START","1796537825.225907","%1$s","%1$s","PJSIP/agent-010-00000000","agents","s","010","","","","",""
                "ANSWER","1796537825.256605","%1$s","%1$s","PJSIP/agent-010-00000000","agents","s","13900000060","AppDial2","(Outgoing Line)","","",""
                "CHAN_START","1796537828.800222","1796537828.5","%1$s","Local/13900000060@hotline-outbound-00000002;1","hotline-outbound","13900000060","","","","","",""
                "HANGUP","1796537858.800222","1796537828.5","%1$s","Local/13900000060@hotline-outbound-00000002;1","hotline-outbound","13900000060","","","","","",""
                "HANGUP","1796537859.000000","%1$s","%1$s","PJSIP/agent-010-00000000","hotline-callback","s","13900000060","AppDial2","(Outgoing Line)","","",""
                """.formatted(LEG);
        CallbackTrace trace = CallbackTrace.of(CelFile.read(new StringReader(lines), FROM, TO), LEG).orElseThrow();

        assertThat(trace.customerDialled()).isTrue();
        assertThat(trace.customerAnsweredAt()).isNull();
    }
}
