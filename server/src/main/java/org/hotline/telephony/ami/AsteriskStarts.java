package org.hotline.telephony.ami;

import org.asteriskjava.manager.action.CoreStatusAction;
import org.asteriskjava.manager.response.CoreStatusResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells, at each AMI login, whether Asterisk started again since the last one (CoreStatus's
 * start date and time changed): then the calls it had are gone with it, cut rather than ended.
 */
public final class AsteriskStarts {

    private static final Logger LOG = LoggerFactory.getLogger(AsteriskStarts.class);

    private String known;

    /** Whether Asterisk has started again since the previous login; false at the first, or when it cannot say. */
    public synchronized boolean restartedSinceLastLogin(AmiLink link) {
        try {
            ManagerResponse response = link.send(new CoreStatusAction());
            if (!(response instanceof CoreStatusResponse status) || status.getCoreStartupTime() == null) {
                return false;
            }
            String started = status.getCoreStartupDate() + " " + status.getCoreStartupTime();
            boolean restarted = known != null && !known.equals(started);
            known = started;
            if (restarted) {
                LOG.warn("Asterisk started again ({}): the calls it had are recorded as lost with it", started);
            }
            return restarted;
        } catch (Exception e) {
            LOG.warn("Asterisk's start time not read ({}): a restart in between is not told from hang-ups", e.toString());
            return false;
        }
    }
}
