package org.hotline.telephony.agi;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiHangupException;

/** Asterisk's side of a FastAGI session: records each command; after {@code hangUpAfter} commands the far end is gone. */
final class RecordingChannel {

    final List<String> sent = new ArrayList<>();
    int hangUpAfter = Integer.MAX_VALUE;
    /** What Asterisk answers to a command that answers a key: 0 for none. */
    char key;
    private final String everyVariable;

    /** @param everyVariable what Asterisk answers to every variable read (DIALSTATUS among them) */
    RecordingChannel(String everyVariable) {
        this.everyVariable = everyVariable;
    }

    AgiChannel channel() {
        return (AgiChannel) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AgiChannel.class},
                (proxy, method, args) -> {
                    if (sent.size() >= hangUpAfter) {
                        throw new AgiHangupException();
                    }
                    sent.add(method.getName() + (args == null ? "" : " " + String.join(" ",
                            Arrays.stream(args).map(arg -> arg instanceof String[] more ? String.join(" ", more)
                                    : String.valueOf(arg)).toList())));
                    return switch (method.getReturnType().getName()) {
                        case "char" -> key;
                        case "int" -> 0;
                        case "java.lang.String" -> everyVariable;
                        default -> null;
                    };
                });
    }
}
