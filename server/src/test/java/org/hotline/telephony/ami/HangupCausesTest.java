package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A hang-up as Asterisk 22 reports it, built by the library's own event builder, as the AMI link reads it. */
class HangupCausesTest {

    private final ListAppender<ILoggingEvent> library = new ListAppender<>();
    private final Logger libraryLog = (Logger) LoggerFactory.getLogger("org.asteriskjava");

    @BeforeEach
    void listen() {
        library.start();
        libraryLog.addAppender(library);
    }

    @AfterEach
    void stopListening() {
        libraryLog.detachAppender(library);
    }

    @Test
    void anOffNominalHangUpIsReadWithItsTechCauseAndTheLibraryWarnsOfNothing() throws Exception {
        ManagerConnection connection = connection();
        HangupCauses.registerWith(connection);

        ManagerEvent hangup = build(connection, "Hangup");
        ManagerEvent request = build(connection, "HangupRequest");
        ManagerEvent soft = build(connection, "SoftHangupRequest");

        assertThat(hangup).isInstanceOf(HangupEvent.class).isInstanceOf(HangupWithTechCause.class);
        assertThat(((HangupWithTechCause) hangup).getTechCause()).isEqualTo(408);
        assertThat(((HangupEvent) hangup).getCause()).isEqualTo(19);
        assertThat(((HangupEvent) hangup).getCauseTxt()).isEqualTo("No answer");
        assertThat(request).isInstanceOf(HangupRequestEvent.class);
        assertThat(((HangupRequestWithTechCause) request).getTechCause()).isEqualTo(408);
        assertThat(soft).isInstanceOf(SoftHangupRequestEvent.class);
        assertThat(((SoftHangupRequestWithTechCause) soft).getTechCause()).isEqualTo(408);
        assertThat(library.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(line -> line.contains("techcause"));
    }

    @Test
    void withoutThemTheLibraryWarnsOfTheTechCause() throws Exception {
        ManagerEvent hangup = build(connection(), "Hangup");

        assertThat(hangup.getClass()).isEqualTo(HangupEvent.class);
        assertThat(library.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("Unable to set property 'techcause'") && line.contains("no setter"));
    }

    private static ManagerConnection connection() {
        return new ManagerConnectionFactory("127.0.0.1", 1, "hotline", "secret").createManagerConnection();
    }

    /** The event the connection's reader makes of Asterisk 22's fields (the reader exists once an event class is registered). */
    private static ManagerEvent build(ManagerConnection connection, String name) throws Exception {
        connection.registerUserEventClass(HotlineFallbackEvent.class); // as the AMI link does first
        Object reader = field(field(connection, "impl"), "reader");
        Object builder = field(reader, "eventBuilder");
        Method build = builder.getClass().getDeclaredMethod("buildEvent", Object.class, Map.class);
        build.setAccessible(true);
        Map<String, Object> fields = new HashMap<>();
        fields.put("event", name);
        fields.put("channel", "PJSIP/caller-00000001");
        fields.put("uniqueid", "1765000000.1");
        fields.put("linkedid", "1765000000.1");
        fields.put("cause", "19");
        if (name.equals("Hangup")) {
            fields.put("cause-txt", "No answer");
        }
        fields.put("techcause", "408");
        return (ManagerEvent) build.invoke(builder, connection, fields);
    }

    private static Object field(Object owner, String name) throws Exception {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException e) {
                // a superclass may hold it
            }
        }
        throw new NoSuchFieldException(name);
    }
}
