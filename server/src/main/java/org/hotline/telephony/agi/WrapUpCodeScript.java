package org.hotline.telephony.agi;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.hotline.call.Prompt;
import org.hotline.floor.Floor;
import org.hotline.routing.WrapUpCode;
import org.hotline.routing.WrapUpCoding;
import org.hotline.shared.AgentId;
import org.hotline.shared.Language;

/**
 * FastAGI script {@code wrap-up-code}: from a plain SIP phone, {@code *7<n>} gives the agent's last
 * call the n-th code of its queue's list (as the desktop lists them, from 1), under the same rule as
 * the page; the agent hears that it is recorded, or refused.
 */
public final class WrapUpCodeScript extends AgentPhoneScript {

    private static final String PREFIX = "*7";

    private final Floor floor;

    public WrapUpCodeScript(Floor floor, Language language) {
        super(language);
        this.floor = floor;
    }

    @Override
    Prompt reply(AgentId agent, String code) throws ExecutionException, TimeoutException, InterruptedException {
        int place = place(code);
        Optional<WrapUpCoding.Codable> codable = place < 1 ? Optional.empty() : await(floor.wrapUpCall(agent));
        if (codable.isEmpty() || place > codable.get().codes().size()) {
            return Prompt.AGENT_REFUSED;
        }
        WrapUpCode chosen = codable.get().codes().get(place - 1);
        await(floor.chooseWrapUpCode(agent, codable.get().lastCall().call(), chosen.id()));
        return Prompt.CHOICE_RECORDED;
    }

    /** The code's place in the list from {@code *7<n>} (1–9), or 0. */
    static int place(String extension) {
        if (extension == null || extension.length() != PREFIX.length() + 1 || !extension.startsWith(PREFIX)) {
            return 0;
        }
        char digit = extension.charAt(PREFIX.length());
        return digit >= '1' && digit <= '9' ? digit - '0' : 0;
    }
}
