package org.hotline.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.hotline.access.PhoneMask;

/** {@code %msg} with customers' numbers masked, whatever logged them (logback.xml puts it in place of the standard one). */
public final class MaskedMessage extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PhoneMask.inText(super.convert(event));
    }
}
