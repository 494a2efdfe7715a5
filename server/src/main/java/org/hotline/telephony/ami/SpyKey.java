package org.hotline.telephony.ami;

import org.asteriskjava.manager.action.PlayDtmfAction;
import org.hotline.routing.MonitorMode;

/**
 * AMI {@code PlayDTMF} with {@code Receive}: as if the supervisor pressed ChanSpy's key for the mode
 * (option d: 4 listen, 5 whisper, 6 barge) on their phone.
 */
final class SpyKey {

    private SpyKey() {
    }

    /** @param spyChannel the supervisor's channel running ChanSpy, as Asterisk listed it */
    static PlayDtmfAction press(String spyChannel, MonitorMode mode) {
        PlayDtmfAction keys = new PlayDtmfAction(spyChannel, key(mode));
        keys.setReceive(true);
        keys.setDuration(100);
        return keys;
    }

    static String key(MonitorMode mode) {
        return switch (mode) {
            case LISTEN -> "4";
            case WHISPER -> "5";
            case BARGE -> "6";
        };
    }
}
