package org.hotline.telephony.ami;

import java.util.List;
import org.asteriskjava.manager.action.PlayDtmfAction;

/**
 * AMI {@code PlayDTMF} with {@code Receive}: as if the agent keyed, during a consultation, one of
 * Asterisk's attended-transfer keys (features.conf): *1 cancel, *2 complete, *3 conference.
 */
final class TransferKeys {

    static final String CANCEL = "*1";
    static final String COMPLETE = "*2";
    static final String CONFERENCE = "*3";

    private TransferKeys() {
    }

    /** @param agentChannel the agent's channel in the consultation, as Asterisk listed it */
    static List<PlayDtmfAction> press(String agentChannel, String keys) {
        return keys.chars().mapToObj(key -> {
            PlayDtmfAction press = new PlayDtmfAction(agentChannel, String.valueOf((char) key));
            press.setReceive(true);
            press.setDuration(100);
            return press;
        }).toList();
    }
}
