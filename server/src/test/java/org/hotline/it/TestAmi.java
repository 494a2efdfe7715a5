package org.hotline.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * The test's own AMI connection: places calls into the hotline the way a caller would (a Local
 * channel), presses keys, hangs up, and keeps every event Asterisk sent so tests can check
 * Asterisk's own timestamps independently of the server under test.
 */
public final class TestAmi implements AutoCloseable {

    private final ManagerConnection connection;
    // Appends must stay cheap: a burst of calls brings thousands of events.
    private final java.util.Queue<ManagerEvent> events = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Map<String, java.util.Queue<ManagerEvent>> byChannel = new java.util.concurrent.ConcurrentHashMap<>();
    /** Calls already handed to a test, so concurrent callers never get each other's channel. */
    private final java.util.Set<String> claimed = new java.util.HashSet<>();

    public TestAmi(AsteriskSandbox asterisk) throws Exception {
        connection = new ManagerConnectionFactory("127.0.0.1", asterisk.amiPort(), "hotline", asterisk.amiSecret())
                .createManagerConnection();
        connection.addEventListener(this::keep);
        connection.login();
    }

    private void keep(ManagerEvent event) {
        events.add(event);
        String id = uniqueId(event);
        if (id != null) {
            byChannel.computeIfAbsent(id, key -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(event);
        }
    }

    /** The channel an event is about, if it names one. */
    static String uniqueIdOf(ManagerEvent event) {
        return uniqueId(event);
    }

    private static String uniqueId(ManagerEvent event) {
        return switch (event) {
            case org.asteriskjava.manager.event.AbstractChannelEvent channel -> channel.getUniqueId();
            case org.asteriskjava.manager.event.AgiExecEvent agi -> agi.getUniqueId();
            case org.asteriskjava.manager.event.DtmfEvent dtmf -> dtmf.getUniqueId();
            case NewExtenEvent exten -> exten.getUniqueId();
            // the caller's channel: DialBegin/DialEnd of an agent leg are found under the call
            case org.asteriskjava.manager.event.DialEvent dial -> dial.getUniqueId();
            case org.asteriskjava.manager.event.BridgeEnterEvent enter -> enter.getUniqueId();
            case org.asteriskjava.manager.event.BridgeLeaveEvent leave -> leave.getUniqueId();
            default -> null;
        };
    }

    /** Asterisk's registered contacts now (AMI PJSIPShowContacts): each AOR with its contact's status. */
    public java.util.Map<String, String> contacts() throws Exception {
        java.util.Map<String, String> contacts = new java.util.TreeMap<>();
        var answer = connection.sendEventGeneratingAction(new org.asteriskjava.manager.action.PJSipShowContactsAction(), 10_000);
        for (var event : answer.getEvents()) {
            if (event instanceof org.asteriskjava.manager.event.ContactList contact) {
                // the object name is <aor>;@<hash>
                String name = String.valueOf(contact.getObjectname());
                contacts.put(name.contains(";@") ? name.substring(0, name.indexOf(";@")) : name, String.valueOf(contact.getStatus()));
            }
        }
        return contacts;
    }

    /** Also hands every event to {@code listener} as it comes (on the AMI reader's thread: keep it short). */
    public void listen(java.util.function.Consumer<ManagerEvent> listener) {
        connection.addEventListener(listener::accept);
    }

    /** Like {@link #await}, looking only at the events of one channel (cheap under load). */
    public ManagerEvent awaitOn(String uniqueId, Predicate<ManagerEvent> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            java.util.Queue<ManagerEvent> mine = byChannel.get(uniqueId);
            if (mine != null) {
                Optional<ManagerEvent> found = mine.stream().filter(condition).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no such AMI event for " + uniqueId + " within " + timeout + "; its last events: "
                + lastOf(uniqueId, 12));
    }

    /** The channel's last {@code count} events, briefly (for failure messages). */
    private String lastOf(String uniqueId, int count) {
        java.util.Queue<ManagerEvent> mine = byChannel.get(uniqueId);
        if (mine == null) {
            return "none";
        }
        List<ManagerEvent> all = new java.util.ArrayList<>(mine);
        return all.subList(Math.max(0, all.size() - count), all.size()).stream().map(e -> at(e) + " " + switch (e) {
            case org.asteriskjava.manager.event.AgiExecStartEvent agi -> "AGI " + agi.getCommand();
            case org.asteriskjava.manager.event.NewExtenEvent exten -> exten.getContext() + "," + exten.getExtension() + ","
                    + exten.getPriority() + " " + exten.getApplication() + "(" + exten.getAppData() + ")";
            default -> e.getClass().getSimpleName().replace("Event", "");
        }).collect(java.util.stream.Collectors.joining("; ", "[", "]"));
    }

    /** Waits until the server's script on this call sends an AGI command containing {@code command} (e.g. "/menu"). */
    public void awaitCommand(NewChannelEvent call, String command, Duration timeout) throws InterruptedException {
        awaitOn(call.getUniqueId(), e -> e instanceof org.asteriskjava.manager.event.AgiExecStartEvent s
                && s.getCommand() != null && s.getCommand().contains(command), timeout);
    }

    /** The customer's phone calls the hotline: its channel once the menu plays to it. */
    public NewChannelEvent callFrom(Softphone customer) throws InterruptedException {
        Instant before = Instant.now();
        customer.dial("sip:10000@127.0.0.1:" + AsteriskSandbox.SIP_PORT);
        NewChannelEvent call = (NewChannelEvent) await(e -> e instanceof NewChannelEvent n
                && n.getChannel() != null && n.getChannel().startsWith("PJSIP/caller-")
                && n.getDateReceived().toInstant().isAfter(before.minusMillis(5)), Duration.ofSeconds(10));
        awaitCommand(call, "/menu", Duration.ofSeconds(15));
        return call;
    }

    /** A caller chooses a queue from the menu and is put on hold in it. */
    public void joinQueue(NewChannelEvent call, char menuKey) throws Exception {
        awaitCommand(call, "/menu", Duration.ofSeconds(15));
        press(call, menuKey);
        awaitCommand(call, "SET MUSIC ON", Duration.ofSeconds(10));
    }

    /**
     * A caller asked the menu again from {@code since} on (taken back after a server's loss) chooses a
     * queue: presses the key as the menu plays and, if the menu had already run out (a key pressed
     * during "no input" is not heard), presses it again when the menu is played again.
     */
    public void joinQueueAgain(NewChannelEvent call, char menuKey, Instant since) throws Exception {
        Instant from = since;
        for (int tries = 0; ; tries++) {
            Instant after = from;
            ManagerEvent menu = awaitOn(call.getUniqueId(), e -> e instanceof org.asteriskjava.manager.event.AgiExecStartEvent s
                    && s.getCommand() != null && s.getCommand().contains("/menu") && at(e).isAfter(after), Duration.ofSeconds(30));
            press(call, menuKey);
            try {
                awaitOn(call.getUniqueId(), e -> e instanceof org.asteriskjava.manager.event.AgiExecStartEvent s
                        && s.getCommand() != null && s.getCommand().contains("SET MUSIC ON") && at(e).isAfter(since),
                        Duration.ofSeconds(10));
                return;
            } catch (AssertionError notHeard) {
                if (tries == 2) {
                    throw notHeard;
                }
                from = at(menu);
            }
        }
    }

    private String callerExten = "listen";

    /** The callers this makes stay on the line 300 s rather than 120 s, unless hung up before. */
    TestAmi withPatientCallers() {
        callerExten = "patient";
        return this;
    }

    /** Calls the hotline number from a caller with the given caller id; returns the hotline-side channel's event. */
    public NewChannelEvent callHotline(String number, String callerId) throws Exception {
        Instant before = Instant.now();
        OriginateAction originate = new OriginateAction();
        originate.setChannel("Local/" + number + "@hotline");
        originate.setContext("test-caller");
        originate.setExten(callerExten);
        originate.setPriority(1);
        if (callerId != null) {
            originate.setCallerId(callerId);
        }
        originate.setAsync(true);
        originate.setTimeout(30_000L);
        send(originate);
        synchronized (claimed) {
            ManagerEvent created = await(e -> e instanceof NewChannelEvent n && n.getChannel() != null
                    && n.getChannel().startsWith("Local/" + number + "@hotline-") && n.getChannel().endsWith(";2")
                    && n.getDateReceived().toInstant().isAfter(before.minusMillis(5))
                    && !claimed.contains(n.getUniqueId()), Duration.ofSeconds(10));
            claimed.add(((NewChannelEvent) created).getUniqueId());
            return (NewChannelEvent) created;
        }
    }

    /** The caller presses a key (sent from the caller's side of the Local channel). */
    public void press(NewChannelEvent hotlineSide, char key) throws Exception {
        send(new PlayDtmfAction(callerSide(hotlineSide), String.valueOf(key)));
    }

    /** Sets a variable on the hotline side of the call, as the dialplan would (AMI Setvar). */
    public void setVariable(NewChannelEvent hotlineSide, String name, String value) throws Exception {
        send(new SetVarAction(hotlineSide.getChannel(), name, value));
    }

    /** A caller held by the dialplan's fallback asks the servers again at once, as its next try would. */
    public void askServersAgain(NewChannelEvent hotlineSide) throws Exception {
        send(new org.asteriskjava.manager.action.RedirectAction(hotlineSide.getChannel(), "test-ask-again", "s", 1));
    }

    /** The caller hangs up. */
    public void hangUp(NewChannelEvent hotlineSide) throws Exception {
        send(new HangupAction(callerSide(hotlineSide)));
    }

    public ManagerEvent await(Predicate<ManagerEvent> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ManagerEvent> found = events.stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such AMI event within " + timeout);
    }

    public <T extends ManagerEvent> Optional<T> first(Class<T> type, Predicate<T> condition) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(condition).findFirst();
    }

    public List<ManagerEvent> events() {
        return List.copyOf(events);
    }

    public static Instant at(ManagerEvent event) {
        double seconds = event.getTimestamp();
        long whole = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1_000_000) * 1_000);
    }

    private static String callerSide(NewChannelEvent hotlineSide) {
        String name = hotlineSide.getChannel();
        return name.substring(0, name.length() - 2) + ";1";
    }

    private void send(ManagerAction action) throws Exception {
        ManagerResponse response = connection.sendAction(action, 10_000);
        if (!"Success".equalsIgnoreCase(response.getResponse())) {
            throw new IllegalStateException(action.getAction() + " failed: " + response.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            connection.logoff();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
