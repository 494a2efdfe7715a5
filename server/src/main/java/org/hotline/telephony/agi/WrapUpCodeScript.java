package org.hotline.telephony.agi;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.call.Prompt;
import org.hotline.floor.Floor;
import org.hotline.prompts.PromptLibrary;
import org.hotline.routing.WrapUpCode;
import org.hotline.routing.WrapUpCoding;
import org.hotline.shared.AgentId;
import org.hotline.shared.Language;
import org.hotline.telephony.pjsip.AgentAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FastAGI script {@code wrap-up-code}: from a plain SIP phone, {@code *7<n>} gives the agent's last
 * call the n-th code of its queue's list (as the desktop lists them, from 1), under the same rule as
 * the page; the agent hears that it is recorded, or refused. The agent is the one whose
 * authenticated account placed the call.
 */
public final class WrapUpCodeScript implements AgiScript {

    private static final Logger LOG = LoggerFactory.getLogger(WrapUpCodeScript.class);
    private static final String PREFIX = "*7";

    private final Floor floor;
    private final Language language;

    public WrapUpCodeScript(Floor floor, Language language) {
        this.floor = floor;
        this.language = language;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Optional<AgentId> agent = AgentAccounts.agentOfChannel(request.getChannel());
        channel.answer();
        Prompt reply = agent.map(id -> code(id, request.getExtension())).orElse(Prompt.AGENT_REFUSED);
        channel.streamFile(PromptLibrary.asteriskName(language, reply));
        channel.hangup();
    }

    private Prompt code(AgentId agent, String extension) {
        int place = place(extension);
        if (place < 1) {
            return Prompt.AGENT_REFUSED;
        }
        try {
            Optional<WrapUpCoding.Codable> codable = await(floor.wrapUpCall(agent));
            if (codable.isEmpty() || place > codable.get().codes().size()) {
                return Prompt.AGENT_REFUSED;
            }
            WrapUpCode code = codable.get().codes().get(place - 1);
            await(floor.chooseWrapUpCode(agent, codable.get().lastCall().call(), code.id()));
            return Prompt.CHOICE_RECORDED;
        } catch (ExecutionException refused) {
            LOG.info("agent {} wrap-up code {} refused: {}", agent, extension, refused.getCause().getMessage());
            return Prompt.AGENT_REFUSED;
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Prompt.AGENT_REFUSED;
        }
    }

    /** The code's place in the list from {@code *7<n>} (1–9), or 0. */
    static int place(String extension) {
        if (extension == null || extension.length() != PREFIX.length() + 1 || !extension.startsWith(PREFIX)) {
            return 0;
        }
        char digit = extension.charAt(PREFIX.length());
        return digit >= '1' && digit <= '9' ? digit - '0' : 0;
    }

    private static <T> T await(Future<T> future) throws ExecutionException, TimeoutException, InterruptedException {
        return future.toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
    }
}
