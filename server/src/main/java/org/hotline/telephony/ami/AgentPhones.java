package org.hotline.telephony.ami;

import org.hotline.telephony.pjsip.AgentAccounts;
import org.hotline.telephony.pjsip.BrowserPhones;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.event.ContactStatusEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline.shared.AgentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents' softphones in Asterisk: installs their accounts after every AMI login (Asterisk
 * re-renders its configuration when it restarts), reads who is registered, and follows
 * registrations as they come and go.
 */
public final class AgentPhones {

    private static final Logger LOG = LoggerFactory.getLogger(AgentPhones.class);

    private final AgentAccounts accounts;
    private final Supplier<? extends Collection<AgentId>> agents;
    private final Path asteriskEtc;
    private final BiConsumer<AgentId, Boolean> registrations;
    private final BrowserPhones browsers;
    /** Each agent's contacts Asterisk has now, {@code <aor> <uri>} (a phone registering anew replaces its old contact). */
    private final Map<AgentId, Set<String>> contacts = new ConcurrentHashMap<>();

    /**
     * @param agents        the active agents now (the roster changes while the server runs)
     * @param registrations told (agent, registered) on every change; called on the AMI thread, must hand off
     */
    public AgentPhones(AgentAccounts accounts, Supplier<? extends Collection<AgentId>> agents, Path asteriskEtc,
                       BiConsumer<AgentId, Boolean> registrations) {
        this(accounts, agents, asteriskEtc, registrations, new BrowserPhones());
    }

    /** @param browsers told which agents' browser phones are registered: their chosen phone */
    public AgentPhones(AgentAccounts accounts, Supplier<? extends Collection<AgentId>> agents, Path asteriskEtc,
                       BiConsumer<AgentId, Boolean> registrations, BrowserPhones browsers) {
        this.browsers = browsers;
        this.accounts = accounts;
        this.agents = agents;
        this.asteriskEtc = asteriskEtc;
        this.registrations = registrations;
    }

    /** After each AMI login (virtual thread), and when the roster changes: accounts written and loaded, registrations re-read. */
    public void install(AmiLink ami) {
        try {
            if (asteriskEtc == null) {
                LOG.info("node {}'s configuration is not on this machine: the agents' SIP accounts are its own to keep", ami.node());
            } else if (accounts.writeTo(asteriskEtc)) {
                ReloadAgentAccounts.send(ami);
            } else {
                LOG.warn("{} does not exist: agents' SIP accounts are not installed (configure them in Asterisk yourself)", asteriskEtc);
            }
            Map<AgentId, Set<String>> registered = RegisteredPhones.query(ami);
            for (AgentId agent : agents.get()) {
                Set<String> now = ConcurrentHashMap.newKeySet();
                now.addAll(registered.getOrDefault(agent, Set.of()));
                contacts.put(agent, now);
                browsers.registered(agent, hasBrowserPhone(now));
                registrations.accept(agent, !now.isEmpty());
            }
        } catch (IOException | TimeoutException e) {
            LOG.warn("could not install agents' SIP accounts: {}", e.getMessage());
        }
    }

    /** A registration came or went (AMI thread). */
    public void onEvent(ManagerEvent event) {
        if (event instanceof ContactStatusEvent status) {
            AgentAccounts.agentOfEndpoint(status.getAor()).ifPresent(agent -> {
                String state = status.getContactStatus();
                Set<String> phone = contacts.computeIfAbsent(agent, a -> ConcurrentHashMap.newKeySet());
                String uri = status.getAor() + " " + status.getUri();
                // An account loaded while Asterisk runs reports its first contact NonQualified until its first qualify.
                if ("Created".equals(state) || "Reachable".equals(state) || "Updated".equals(state) || "NonQualified".equals(state)) {
                    phone.add(uri);
                    browsers.registered(agent, hasBrowserPhone(phone));
                    registrations.accept(agent, true);
                } else if ("Removed".equals(state) || "Unreachable".equals(state)) {
                    // The contact a new registration replaced goes after it: the phone is still there.
                    phone.remove(uri);
                    browsers.registered(agent, hasBrowserPhone(phone));
                    registrations.accept(agent, !phone.isEmpty());
                }
            });
        }
    }

    private static boolean hasBrowserPhone(Set<String> contacts) {
        return contacts.stream().anyMatch(contact -> AgentAccounts.isBrowserPhone(contact.substring(0, contact.indexOf(' '))));
    }
}
