package org.hotline.telephony.ami;

import org.hotline.telephony.pjsip.AgentAccounts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.event.ContactStatusEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.hotline.routing.Agent;
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
    private final List<Agent> agents;
    private final Path asteriskEtc;
    private final BiConsumer<AgentId, Boolean> registrations;

    /** @param registrations told (agent, registered) on every change; called on the AMI thread, must hand off */
    public AgentPhones(AgentAccounts accounts, List<Agent> agents, Path asteriskEtc, BiConsumer<AgentId, Boolean> registrations) {
        this.accounts = accounts;
        this.agents = agents;
        this.asteriskEtc = asteriskEtc;
        this.registrations = registrations;
    }

    /** After each AMI login (virtual thread): accounts written and loaded, registrations re-read. */
    public void install(AmiLink ami) {
        try {
            if (asteriskEtc == null) {
                LOG.info("node {}'s configuration is not on this machine: the agents' SIP accounts are its own to keep", ami.node());
            } else if (accounts.writeTo(asteriskEtc)) {
                ReloadAgentAccounts.send(ami);
            } else {
                LOG.warn("{} does not exist: agents' SIP accounts are not installed (configure them in Asterisk yourself)", asteriskEtc);
            }
            Set<AgentId> registered = RegisteredPhones.query(ami);
            for (Agent agent : agents) {
                registrations.accept(agent.id(), registered.contains(agent.id()));
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
                if ("Created".equals(state) || "Reachable".equals(state) || "Updated".equals(state)) {
                    registrations.accept(agent, true);
                } else if ("Removed".equals(state) || "Unreachable".equals(state)) {
                    registrations.accept(agent, false);
                }
            });
        }
    }
}
