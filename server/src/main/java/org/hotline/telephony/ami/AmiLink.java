package org.hotline.telephony.ami;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Asterisk Manager connection: logs in (retrying until Asterisk is up, since the library
 * does not retry a first failed login), lets the library reconnect after a drop, runs the
 * after-login work (re-reading state) after every login, and hands events on without ever
 * blocking the library's single event thread.
 */
public final class AmiLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AmiLink.class);
    /**
     * Only the event classes the hotline reads: channels and caller ids (call), keys (dtmf), AGI
     * commands (agi), boot, reloads and phone registrations (system), the dialplan fallback's
     * steps and the front door's arrival stamps (user: {@link HotlineFallbackEvent},
     * {@link HotlineArrivalEvent}). Leaving out the chatty
     * dialplan class (an event per dialplan step and variable) keeps the AMI thread's parsing off
     * the CPU the calls need. After login the session's filter narrows this to the events read
     * ({@link EventsRead}); the classes stay the bound for an Asterisk that does not filter.
     */
    private static final String EVENT_CLASSES = "call,dtmf,agi,system,user";
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final String node;
    private final ManagerConnection connection;
    private final Consumer<ManagerEvent> events;
    private final Consumer<AmiLink> afterLogin;
    private volatile boolean closed;
    private volatile boolean loggedInOnce;
    private final java.time.Clock clock;
    private volatile java.time.Instant droppedAt;
    private Thread loginThread;

    /**
     * @param events     receives every event, on the AMI thread: must hand off at once
     * @param afterLogin runs after the first login and after every reconnect, on a virtual thread
     *                   (it may use {@link #send} and {@link #query})
     */
    public AmiLink(HotlineConfig.Ami config, Consumer<ManagerEvent> events, Consumer<AmiLink> afterLogin) {
        this(config, events, afterLogin, java.time.Clock.systemUTC());
    }

    /** @param clock notes when the link dropped (Asterisk cannot say when it went away) */
    public AmiLink(HotlineConfig.Ami config, Consumer<ManagerEvent> events, Consumer<AmiLink> afterLogin,
                   java.time.Clock clock) {
        this(new HotlineConfig.Node(HotlineConfig.Node.SINGLE, config, null), events, afterLogin, clock);
    }

    /**
     * The link to one of several nodes. {@code events} also receives the {@link DisconnectEvent} of each
     * drop (after {@link #droppedAt} is set), so a node's loss can be acted on.
     */
    public AmiLink(HotlineConfig.Node node, Consumer<ManagerEvent> events, Consumer<AmiLink> afterLogin,
                   java.time.Clock clock) {
        HotlineConfig.Ami config = node.ami();
        this.node = node.name();
        this.clock = clock;
        this.connection = new ManagerConnectionFactory(config.host(), config.port(), config.username(), config.secret())
                .createManagerConnection();
        this.events = events;
        this.afterLogin = afterLogin;
        connection.registerUserEventClass(HotlineFallbackEvent.class);
        connection.registerUserEventClass(HotlineArrivalEvent.class);
        connection.registerUserEventClass(MixMonitorMuteEvent.class); // not a user event: the library has no class for it
        HangupCauses.registerWith(connection);
        connection.addEventListener(this::onEvent);
    }

    /** Starts logging in in the background; returns at once. */
    public void start() {
        loginThread = Thread.ofVirtual().name("ami-login-" + node).start(this::loginUntilUp);
    }

    /** The node's name (its Asterisk systemname). */
    public String node() {
        return node;
    }

    /** Whether the link was closed (the server stops): a drop from here on is not the node's loss. */
    public boolean closed() {
        return closed;
    }

    public boolean isConnected() {
        return connection.getState() == ManagerConnectionState.CONNECTED;
    }

    /** Sends an action and waits for its response: only from a virtual thread, never the AMI or event-loop thread. */
    ManagerResponse send(ManagerAction action) throws IOException, TimeoutException {
        return connection.sendAction(action, 10_000);
    }

    /** Sends an action that answers with a list of events, and returns them (same threading rule as {@link #send}). */
    List<ResponseEvent> query(EventGeneratingAction action) throws IOException, EventTimeoutException {
        return List.copyOf(connection.sendEventGeneratingAction(action, 10_000).getEvents());
    }

    /**
     * Sends an action that completes with one event after a while (an asynchronous Originate) and
     * waits up to {@code timeout} for it. Same threading rule as {@link #send}.
     */
    List<ResponseEvent> await(EventGeneratingAction action, Duration timeout) throws IOException, EventTimeoutException {
        return List.copyOf(connection.sendEventGeneratingAction(action, timeout.toMillis()).getEvents());
    }

    /** When the link last dropped, if it ever did: the last moment Asterisk was known to be there. */
    public java.util.Optional<java.time.Instant> droppedAt() {
        return java.util.Optional.ofNullable(droppedAt);
    }

    private void loginUntilUp() {
        Duration wait = FIRST_RETRY;
        while (!closed) {
            try {
                connection.login(EVENT_CLASSES);
                loggedInOnce = true;
                LOG.info("AMI logged in to node {}", node);
                runAfterLogin();
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
            LOG.info("AMI reconnected to node {}; re-reading state", node);
            Thread.ofVirtual().name("ami-resync-" + node).start(() -> {
                // The reconnect event arrives before the library has logged in again.
                for (int i = 0; i < 100 && !isConnected() && !closed; i++) {
                    sleep(Duration.ofMillis(50));
                }
                runAfterLogin();
            });
            return;
        }
        if (event instanceof DisconnectEvent) {
            droppedAt = clock.instant();
            LOG.warn("AMI connection to node {} lost; the library reconnects", node);
        }
        events.accept(event);
    }

    private void runAfterLogin() {
        askOnlyForEventsRead();
        try {
            afterLogin.accept(this);
        } catch (RuntimeException e) {
            LOG.warn("after AMI login: {}", e.getMessage());
        }
    }

    /**
     * Asks Asterisk for the events the server reads alone ({@link EventsRead}); the filter lives as
     * long as this session, so it is asked again after every login. An Asterisk that does not take
     * the first filter keeps sending every event (slower, nothing lost).
     */
    private void askOnlyForEventsRead() {
        boolean first = true;
        for (FilterEventsAction filter : EventsRead.filters()) {
            try {
                ManagerResponse response = send(filter);
                if (!"Success".equalsIgnoreCase(response.getResponse())) {
                    if (first) {
                        LOG.warn("node {} does not filter AMI events ({}); the server reads them all", node, response.getMessage());
                        return;
                    }
                    LOG.error("node {} refused the AMI event filter {}: {}", node, filter.getMatchCriteria(), response.getMessage());
                }
            } catch (IOException | TimeoutException | IllegalStateException e) {
                LOG.warn("AMI event filter not set on node {}: {}", node, e.getMessage());
                return; // the link dropped: the next login sets it again
            }
            first = false;
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
