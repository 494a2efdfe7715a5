package org.hotline.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.shared.AgentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dials one callback campaign agent first: for each due contact a ready agent is reserved (the
 * case owner first, never the one the customer was difficult with), the contact is claimed (or
 * the agent released), the agent sees the contact and the script, their phone rings, and only
 * once they answer is the customer dialled. Nobody ready means nothing is claimed. Steps run on
 * the runner's thread; the rest follows from the agents' and the line's reports.
 */
public final class CallbackCampaignDialer implements PacedDialer {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackCampaignDialer.class);
    /**
     * After a call, its agent may still mark the customer difficult (during wrap-up), which puts
     * the contact back: the campaign does not count as finished before that chance is over.
     */
    private static final Duration OUTCOME_GRACE = Duration.ofMinutes(2);

    private final CampaignAgents agents;
    private final AgentFirstLine line;
    /** Where the rest of an attempt runs once the agent accepted: the store is never called on the floor's thread. */
    private final Executor elsewhere;
    private final DialerParts parts;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean nothingDue;
    private volatile Instant lastEnded = Instant.MIN;

    /** @param dialer this server's name: its claims are recognised as its own after a restart */
    public CallbackCampaignDialer(Campaign campaign, ContactBook book, DoNotCall doNotCall, CampaignAgents agents,
                                  AgentFirstLine line, Clock clock, String dialer, Executor elsewhere) {
        if (!campaign.kind().needsAgent()) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " is agentless; this dialer needs agents");
        }
        this.parts = DialerParts.of(campaign, book, doNotCall, clock, dialer);
        this.agents = agents;
        this.line = line;
        this.elsewhere = elsewhere;
    }

    @Override
    public Campaign campaign() {
        return parts.campaign();
    }

    @Override
    public boolean nothingDue() {
        return nothingDue && lastEnded.plus(OUTCOME_GRACE).isBefore(parts.clock().instant());
    }

    @Override
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public int step(int budget) {
        int free = Math.min(budget, parts.campaign().rules().maxLines() - inFlight.get());
        if (free <= 0 || !line.ready()) {
            return 0;
        }
        Instant now = parts.clock().instant();
        DueContacts.Pass pass = parts.due().pass(parts.campaign().id(), now, free, contact -> {
            Optional<AgentId> agent = agents.reserve(parts.campaign(), contact);
            if (agent.isEmpty()) {
                // Nobody with the skill is free; only when the one free agent was the avoided one may another contact suit them.
                return contact.avoidAgent() == null ? DueContacts.Tried.STOP : DueContacts.Tried.SKIPPED;
            }
            Optional<Contact> claimed = parts.book().claim(contact, parts.name(), now);
            if (claimed.isEmpty()) {
                agents.release(agent.get(), contact); // another dialer took the contact first
                return DueContacts.Tried.SKIPPED;
            }
            present(claimed.get(), agent.get(), now);
            return DueContacts.Tried.STARTED;
        });
        nothingDue = pass.nothingDue();
        return pass.started();
    }

    private void present(Contact claimed, AgentId agent, Instant startedAt) {
        inFlight.incrementAndGet();
        try {
            agents.present(agent, parts.campaign(), claimed).whenCompleteAsync((presented, failure) -> {
                if (failure != null) {
                    LOG.warn("campaign {}: contact {} not shown to agent {}: {}", parts.campaign().id(), claimed.id(), agent, failure.toString());
                    agents.release(agent, claimed);
                    finish(claimed, agent, startedAt, OutboundLine.Result.of(AttemptOutcome.NEVER_DIALLED));
                    return;
                }
                switch (presented) {
                    case DIAL -> dial(claimed, agent, startedAt);
                    case DECLINED -> finish(claimed, agent, startedAt, OutboundLine.Result.of(AttemptOutcome.AGENT_DECLINED));
                    case LAPSED -> finish(claimed, agent, startedAt, OutboundLine.Result.of(AttemptOutcome.AGENT_NO_ANSWER));
                }
            }, elsewhere);
        } catch (RuntimeException e) {
            agents.release(agent, claimed);
            finish(claimed, agent, startedAt, OutboundLine.Result.of(AttemptOutcome.NEVER_DIALLED));
        }
    }

    private void dial(Contact claimed, AgentId agent, Instant startedAt) {
        AtomicBoolean agentOnCall = new AtomicBoolean();
        try {
            line.dial(parts.campaign(), claimed, agent, new AgentFirstLine.Listener() {
                @Override
                public void agentAnswered(Instant at) {
                    agentOnCall.set(true);
                    agents.answered(agent, claimed);
                    quietly(() -> parts.book().dialling(claimed, at)); // the customer is dialled now: a restart counts the attempt
                }

                @Override
                public void answered(Instant at) {
                    quietly(() -> parts.book().answered(claimed, at));
                }

                @Override
                public void ended(OutboundLine.Result result) {
                    if (agentOnCall.get()) {
                        agents.callEnded(agent, claimed);
                    } else if (result.outcome() == AttemptOutcome.AGENT_NO_ANSWER) {
                        agents.notAnswered(agent, claimed);
                    } else {
                        agents.release(agent, claimed); // never placed: nobody's fault
                    }
                    finish(claimed, agent, startedAt, result);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("campaign {}: contact {} could not be dialled: {}", parts.campaign().id(), claimed.id(), e.toString());
            agents.release(agent, claimed);
            finish(claimed, agent, startedAt, OutboundLine.Result.of(AttemptOutcome.NEVER_DIALLED));
        }
    }

    private void finish(Contact claimed, AgentId agent, Instant startedAt, OutboundLine.Result result) {
        try {
            parts.attempts().record(claimed, agent, startedAt, result);
        } finally {
            lastEnded = parts.clock().instant();
            inFlight.decrementAndGet();
        }
    }

    /** A mark on the contact that may fail (store away) without stopping the call: the attempt is still recorded at the end. */
    private void quietly(Runnable mark) {
        try {
            mark.run();
        } catch (RuntimeException e) {
            LOG.warn("campaign {}: {}", parts.campaign().id(), e.toString());
        }
    }
}
