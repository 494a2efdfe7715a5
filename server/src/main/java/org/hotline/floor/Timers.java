package org.hotline.floor;

import java.time.Duration;

/** Sets a timer whose work runs on the floor's context, one change at a time with everything else. */
interface Timers {

    void after(Duration delay, Runnable work);
}
