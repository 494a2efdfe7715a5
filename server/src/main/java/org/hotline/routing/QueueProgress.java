package org.hotline.routing;

import java.time.Duration;

/**
 * What a waiting caller is told about their wait.
 *
 * @param position     1 = next in line
 * @param expectedWait the estimate until an agent takes the call
 */
public record QueueProgress(int position, Duration expectedWait) {

    public int ahead() {
        return Math.max(0, position - 1);
    }
}
