package org.hotline.telephony.agi;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.shared.AgentId;
import org.hotline.telephony.pjsip.AgentDial;

/**
 * FastAGI script {@code consult}: the consultation leg of an attended transfer ([hotline-transfer])
 * asks which phone rings the colleague, so that it rings the phone they chose, as routing does
 * ({@link AgentDial}). Only an active agent's ID gets an answer: nothing else dialled reaches Dial.
 */
public final class ConsultScript implements AgiScript {

    /** The channel variable [hotline-transfer] dials. */
    static final String DIAL = "HOTLINE_CONSULT_DIAL";

    private final Supplier<? extends Collection<AgentId>> agents;
    private final AgentDial dial;

    /** @param agents the active agents now */
    public ConsultScript(Supplier<? extends Collection<AgentId>> agents, AgentDial dial) {
        this.agents = agents;
        this.dial = dial;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Optional<String> target = target(request.getExtension());
        if (target.isPresent()) {
            channel.setVariable(DIAL, target.get());
        }
    }

    /** What Dial calls for the digits the transferring agent keyed (the server's Atxfer ends them with #), or empty. */
    Optional<String> target(String digits) {
        String id = digits != null && digits.endsWith("#") ? digits.substring(0, digits.length() - 1) : digits;
        if (!AgentId.isValid(id)) {
            return Optional.empty();
        }
        AgentId colleague = new AgentId(id);
        return agents.get().contains(colleague) ? Optional.of(dial.of(colleague)) : Optional.empty();
    }
}
