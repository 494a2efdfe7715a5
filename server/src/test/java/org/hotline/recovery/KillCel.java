package org.hotline.recovery;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.audit.CelCall;
import org.hotline.audit.CelCalls;
import org.hotline.audit.CelFile;

/**
 * CEL captured from a real Asterisk 22.10 (2026-12-06) in CallsThroughACrashIT: the server was
 * SIGKILLed at about {@link #KILLED} and started again 20 s later. By the hotline side's unique id:
 * <ul>
 *   <li>{@code 1796538046.1} talking to agent 010 through the kill and the restart; the caller hangs up at 116.99</li>
 *   <li>{@code 1796538052.3} talking to agent 011 at the kill; the caller hangs up while the server is down</li>
 *   <li>{@code 1796538059.7}, {@code 1796538065.9} waiting in a queue; the fallback's notice, then its hang-up</li>
 *   <li>{@code 1796538071.11} in the menu; hangs up as the fallback begins</li>
 *   <li>{@code 1796538077.13} in the server's greeting; the fallback greets again and hangs up</li>
 *   <li>{@code 1796538080.15}, {@code .17} while the server is down: Asterisk's greeting and notice to the end</li>
 *   <li>{@code 1796538081.19}, {@code .21}, {@code .23}, {@code .25} while it is down: the caller hangs up during the greeting</li>
 *   <li>{@code 1796538097.27} just before the restart: still in the fallback while the new server settles</li>
 *   <li>{@code 1796538108.29} after the restart: the new server's own call</li>
 * </ul>
 */
final class KillCel {

    static final Instant KILLED = at("1796538078.7");
    /** When the restarted server settled: the conversation of {@code .1} and the call {@code .27} were still on. */
    static final Instant SETTLED = at("1796538100.0");
    static final CelCalls READER = new CelCalls("hotline", Duration.ofSeconds(9));

    private KillCel() {
    }

    /** The calls as CEL told them up to {@code until}. */
    static Map<String, CelCall> until(Instant until) throws IOException {
        try (Reader reader = new InputStreamReader(KillCel.class.getResourceAsStream("/recovery/cel-kill-2026-12-06.csv"),
                StandardCharsets.UTF_8)) {
            return READER.of(CelFile.read(reader, Instant.EPOCH, until).events()).stream()
                    .collect(Collectors.toMap(CelCall::id, Function.identity()));
        }
    }

    static Map<String, CelCall> atSettling() throws IOException {
        return until(SETTLED);
    }

    static Map<String, CelCall> all() throws IOException {
        return until(Instant.parse("2100-01-01T00:00:00Z"));
    }

    static Instant at(String epoch) {
        return Instant.ofEpochSecond(Long.parseLong(epoch.substring(0, epoch.indexOf('.'))),
                Long.parseLong((epoch.substring(epoch.indexOf('.') + 1) + "000000000").substring(0, 9)));
    }
}
