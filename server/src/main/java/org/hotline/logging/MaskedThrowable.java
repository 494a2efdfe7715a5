package org.hotline.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.hotline.access.PhoneMask;

/** A logged exception's text with customers' numbers masked: exceptions quote what they were given. */
public final class MaskedThrowable extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PhoneMask.inText(super.convert(event));
    }
}
