package org.hotline.floor;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A flow's own (virtual) thread, or the campaign runner's, waiting for the floor's answer: at most
 * 5 s, so a floor that stopped answering fails the caller instead of holding it. Never from an
 * event loop: the floor's own context would wait for itself.
 */
final class BlockingBridge {

    private static final long LIMIT_SECONDS = 5;

    private BlockingBridge() {
    }

    /** The floor's answer; its failure rethrown as it was, or an IllegalStateException when it does not come in time. */
    static <T> T await(Future<T> answer) {
        try {
            return answer.toCompletionStage().toCompletableFuture().get(LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the floor", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the floor did not answer within " + LIMIT_SECONDS + " s", e);
        }
    }
}
