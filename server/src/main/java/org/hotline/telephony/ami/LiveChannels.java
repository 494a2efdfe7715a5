package org.hotline.telephony.ami;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ResponseEvent;

/** The unique ids of every channel Asterisk has now: after a reconnect, calls missing here ended unseen. */
public final class LiveChannels {

    private LiveChannels() {
    }

    public static Set<String> read(AmiLink ami) throws IOException, EventTimeoutException {
        Set<String> ids = new HashSet<>();
        for (ResponseEvent event : ami.query(new CoreShowChannelsAction())) {
            if (event instanceof CoreShowChannelEvent channel && channel.getUniqueid() != null) {
                ids.add(channel.getUniqueid());
            }
        }
        return ids;
    }
}
