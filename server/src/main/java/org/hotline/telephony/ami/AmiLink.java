package org.hotline.telephony.ami;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hotline.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Asterisk Manager connection: logs in (retrying until Asterisk is up, since the library
 * does not retry a first failed login), lets the library reconnect after a drop, re-reads the
 * live channels after every reconnect, and hands events on without ever blocking the library's
 * single event thread.
 */
public final class AmiLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiLink.class);
    /**
     * Only the event classes the hotline reads: channels and caller ids (call), keys (dtmf), AGI
     * commands (agi), boot/reload (system). Leaving out the chatty dialplan class (an event per
     * dialplan step and variable) keeps the AMI thread's parsing off the CPU the calls need.
     */
    private static final String EVENT_CLASSES = "call,dtmf,agi,system";
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final ManagerConnection connection;
    private final AmiEventTranslator translator;
    private final Consumer<AmiEventTranslator.Translated> events;
    private final Consumer<Set<String>> liveChannels;
    private volatile boolean closed;
    private volatile boolean loggedInOnce;
    private Thread loginThread;

    /**
     * @param events       receives every translated event, on the AMI thread: must hand off at once
     * @param liveChannels receives the unique ids of all channels after each reconnect (on a virtual thread)
     */
    public AmiLink(HotlineConfig.Ami config, AmiEventTranslator translator,
                   Consumer<AmiEventTranslator.Translated> events, Consumer<Set<String>> liveChannels) {
        this.connection = new ManagerConnectionFactory(config.host(), config.port(), config.username(), config.secret())
                .createManagerConnection();
        this.translator = translator;
        this.events = events;
        this.liveChannels = liveChannels;
        connection.addEventListener(this::onEvent);
    }

    /** Starts logging in in the background; returns at once. */
    public void start() {
        loginThread = Thread.ofVirtual().name("ami-login").start(this::loginUntilUp);
    }

    public boolean isConnected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    private void loginUntilUp() {
        Duration wait = FIRST_RETRY;
        while (!closed) {
            try {
                connection.login(EVENT_CLASSES);
                loggedInOnce = true;
                LOG.info("AMI logged in");
                return;
            } catch (AuthenticationFailedException e) {
                LOG.error("AMI login refused: check asterisk.ami.username and the secret ({})", e.getMessage());
                wait = LONGEST_RETRY;
            } catch (IOException | TimeoutException | IllegalStateException e) {
                LOG.debug("AMI not reachable yet: {}", e.getMessage());
            }
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
        }
    }

    private void onEvent(ManagerEvent event) {
        if (event instanceof ConnectEvent && loggedInOnce) {
            LOG.info("AMI reconnected; re-reading live channels");
            Thread.ofVirtual().name("ami-resync").start(this::resync);
            return;
        }
        if (event instanceof DisconnectEvent) {
            LOG.warn("AMI connection lost; the library reconnects");
            return;
        }
        translator.translate(event).ifPresent(events);
    }

    private void resync() {
        try {
            // The reconnect event arrives before the library has logged in again.
            for (int i = 0; i < 100 && !isConnected() && !closed; i++) {
                sleep(Duration.ofMillis(50));
            }
            ResponseEvents response = connection.sendEventGeneratingAction(new CoreShowChannelsAction(), 10_000);
            Set<String> ids = new HashSet<>();
            for (ResponseEvent event : response.getEvents()) {
                if (event instanceof CoreShowChannelEvent channel && channel.getUniqueid() != null) {
                    ids.add(channel.getUniqueid());
                }
            }
            liveChannels.accept(ids);
        } catch (IOException | EventTimeoutException | RuntimeException e) {
            LOG.warn("could not re-read live channels after reconnect: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        if (loginThread != null) {
            loginThread.interrupt();
        }
        try {
            if (connection.getState() == ManagerConnectionState.CONNECTED) {
                connection.logoff();
            }
        } catch (RuntimeException e) {
            LOG.debug("AMI logoff: {}", e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
