package org.hotline.floor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.campaign.AgentFirstLine;
import org.hotline.campaign.CallbackCampaignDialer;
import org.hotline.campaign.Campaign;
import org.hotline.campaign.CampaignAgents;
import org.hotline.campaign.CampaignCommand;
import org.hotline.campaign.CampaignDialer;
import org.hotline.campaign.CampaignId;
import org.hotline.campaign.CampaignStatus;
import org.hotline.campaign.Campaigns;
import org.hotline.campaign.ContactBook;
import org.hotline.campaign.ContactProgress;
import org.hotline.campaign.DoNotCall;
import org.hotline.campaign.OutboundLine;
import org.hotline.campaign.PacedDialer;
import org.hotline.live.LiveEvent;
import org.hotline.live.LiveFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the campaigns that are dialling: one thread paces them all (a few steps a second, no more
 * calls started per second than configured), and takes the supervisors' commands in between, so
 * a command and a step never race. At start-up, calls this server left under way are settled
 * first, and running campaigns carry on.
 */
public final class CampaignRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);
    private static final Duration STEP = Duration.ofMillis(250);
    /** A claim older than this belongs to a dialer that died (no campaign call lasts this long). */
    private static final Duration STALE_CLAIM = Duration.ofHours(1);
    private static final Duration COMPLETION_CHECK = Duration.ofSeconds(5);

    private final Campaigns campaigns;
    private final ContactBook book;
    private final DoNotCall doNotCall;
    private final OutboundLine line;
    private final CampaignAgents agents;
    private final AgentFirstLine agentFirst;
    private final Clock clock;
    private final String dialerName;
    private final int callsPerSecond;
    private LiveFeed live;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("campaign-runner").daemon().factory());
    private final Map<CampaignId, PacedDialer> dialling = new LinkedHashMap<>();
    private volatile boolean stopping;
    private volatile org.hotline.campaign.SwitchLog switchLog = org.hotline.campaign.SwitchLog.none();
    private double tokens;
    private Instant lastStep;
    private Instant lastCompletionCheck = Instant.EPOCH;
    private volatile java.util.function.BooleanSupplier mayDial = () -> true;

    /**
     * @param line       places agentless calls (surveys, notices)
     * @param agents     reserves and follows agents for callback campaigns
     * @param agentFirst places callback campaigns' calls, the agent first
     */
    public CampaignRunner(Campaigns campaigns, ContactBook book, DoNotCall doNotCall, OutboundLine line,
                          CampaignAgents agents, AgentFirstLine agentFirst, Clock clock, String dialerName, int callsPerSecond) {
        this.campaigns = campaigns;
        this.book = book;
        this.doNotCall = doNotCall;
        this.line = line;
        this.agents = agents;
        this.agentFirst = agentFirst;
        this.clock = clock;
        this.dialerName = dialerName;
        this.callsPerSecond = callsPerSecond;
    }

    /** Publishes each running campaign's progress on the live channel every few seconds ({@code campaign-progress}). */
    public void publishProgress(LiveFeed live) {
        thread.execute(() -> this.live = live);
    }

    /** Dials (and resumes campaigns) only while {@code allowed} says so: this server holds the store's lease. */
    public void dialOnlyWhile(java.util.function.BooleanSupplier allowed) {
        this.mayDial = allowed;
    }

    public void start() {
        thread.execute(this::resume);
        thread.scheduleWithFixedDelay(this::stepSafely, STEP.toMillis(), STEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Applies a supervisor's command; fails with IllegalStateException when the campaign's status does not allow it. */
    public CompletableFuture<Campaign> command(CampaignId id, CampaignCommand command) {
        return on(() -> {
            Campaign campaign = campaigns.find(id).orElseThrow(() -> new IllegalArgumentException("no campaign " + id));
            CampaignStatus next = campaign.status().on(command);
            if (!campaigns.move(id, campaign.status(), next)) {
                throw new IllegalStateException("the campaign changed meanwhile; read it again");
            }
            Campaign moved = campaign.withStatus(next);
            if (next == CampaignStatus.RUNNING) {
                dialling.put(id, dialer(moved));
            } else {
                dialling.remove(id);
            }
            if (next == CampaignStatus.STOPPED) {
                long cancelled = book.cancelPending(id);
                LOG.info("campaign {} stopped; {} contacts not dialled", id, cancelled);
            }
            return moved;
        });
    }

    /** Runs a store call on the runner's thread. */
    public <T> CompletableFuture<T> on(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Calls under way now, per campaign this server dials. */
    CompletableFuture<Map<CampaignId, Integer>> inFlight() {
        return on(() -> {
            Map<CampaignId, Integer> lines = new LinkedHashMap<>();
            dialling.forEach((id, dialer) -> lines.put(id, dialer.inFlight()));
            return lines;
        });
    }

    private void resume() {
        try {
            int settled = CampaignDialer.settleInterrupted(book, campaigns, dialerName, clock.instant().minus(STALE_CLAIM), clock,
                    switchLog);
            if (settled > 0) {
                LOG.info("{} campaign calls left under way before the restart were counted and rescheduled", settled);
            }
            for (Campaign campaign : campaigns.running()) {
                dialling.put(campaign.id(), dialer(campaign));
            }
        } catch (RuntimeException e) {
            LOG.error("campaigns could not be resumed (store unavailable?); retried on the next command", e);
        }
    }

    private PacedDialer dialer(Campaign campaign) {
        if (campaign.kind().needsAgent()) {
            return new CallbackCampaignDialer(campaign, book, doNotCall, agents, agentFirst, clock, dialerName,
                    work -> Thread.ofVirtual().name("campaign-" + campaign.id().value()).start(work));
        }
        return new CampaignDialer(campaign, book, doNotCall, line, clock, dialerName);
    }

    private void stepSafely() {
        if (!mayDial.getAsBoolean()) {
            return;
        }
        try {
            step();
        } catch (RuntimeException e) {
            LOG.warn("campaign step failed: {}", e.toString());
        }
    }

    private void step() {
        if (stopping) {
            return; // a graceful stop: the calls in flight end, no new one starts
        }
        Instant now = clock.instant();
        if (lastStep != null) {
            double elapsed = Duration.between(lastStep, now).toMillis() / 1000.0;
            tokens = Math.min(callsPerSecond, tokens + elapsed * callsPerSecond);
        } else {
            tokens = callsPerSecond * STEP.toMillis() / 1000.0;
        }
        lastStep = now;
        for (PacedDialer dialer : List.copyOf(dialling.values())) {
            int budget = (int) tokens;
            if (budget <= 0) {
                break;
            }
            tokens -= dialer.step(budget);
        }
        if (Duration.between(lastCompletionCheck, now).compareTo(COMPLETION_CHECK) >= 0) {
            lastCompletionCheck = now;
            completeFinished();
        }
    }

    private void completeFinished() {
        for (PacedDialer dialer : List.copyOf(dialling.values())) {
            CampaignId id = dialer.campaign().id();
            boolean mayBeOver = dialer.nothingDue() && dialer.inFlight() == 0;
            if (!mayBeOver && live == null) {
                continue;
            }
            ContactProgress progress = book.progress(id);
            boolean completed = mayBeOver && progress.finished()
                    && campaigns.move(id, CampaignStatus.RUNNING, CampaignStatus.COMPLETED);
            if (completed) {
                dialling.remove(id);
                LOG.info("campaign {} completed: {}", id, progress.contacts());
            }
            if (live != null) {
                live.publish(LiveEvent.forEveryone("campaign-progress",
                        CampaignProgressEvent.of(id, completed ? CampaignStatus.COMPLETED : CampaignStatus.RUNNING,
                                dialer.inFlight(), progress), clock.instant()));
            }
        }
    }

    /** Calls left under way by a stopped server are looked up in the switch's own log (before {@link #start()}). */
    public void settleWith(org.hotline.campaign.SwitchLog log) {
        this.switchLog = log;
    }

    /**
     * A graceful stop: no campaign call starts from now on; returns once the calls in flight have
     * ended (their outcomes recorded by their own scripts) or {@code limit} has passed. Blocks.
     */
    public boolean drain(Duration limit) {
        stopping = true;
        Drain.Ended ended = new Drain(limit).await(
                () -> thread.submit(() -> dialling.values().stream().mapToInt(PacedDialer::inFlight).sum()).get(), () -> true);
        if (ended.end() == Drain.End.LIMIT_PASSED) {
            LOG.warn("stopping with {} campaign call(s) still in flight after {}", ended.left(), limit);
        }
        return ended.quiet();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
