package org.hotline.store;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotline.report.AgentSpan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes agents' time spans into the hourly rollups on a thread of its own, so the floor never
 * waits for MongoDB. A span that cannot be written is logged; a recompute cannot bring it back
 * (agent time is not in the call records), so the queue is generous.
 */
public final class AgentTimeRecorder implements Consumer<AgentSpan>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentTimeRecorder.class);

    private final HourlyRollups rollups;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(50_000), runnable -> {
                Thread thread = new Thread(runnable, "agent-time-writer");
                thread.setDaemon(true);
                return thread;
            });

    public AgentTimeRecorder(HourlyRollups rollups) {
        this.rollups = rollups;
    }

    @Override
    public void accept(AgentSpan span) {
        try {
            writer.execute(() -> {
                try {
                    rollups.addAgentTime(span);
                } catch (RuntimeException e) {
                    LOG.warn("agent {}: {} time {}–{} not recorded: {}", span.agent(), span.state(), span.from(), span.to(),
                            e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("agent {}: {} time not recorded (writer busy or closed)", span.agent(), span.state());
        }
    }

    @Override
    public void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
