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
import org.hotline.prompts.PromptLibrary;
import org.hotline.shared.AgentId;
import org.hotline.shared.Language;
import org.hotline.telephony.pjsip.AgentAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A code an agent dials on their own phone: the agent is the one whose authenticated account placed
 * the call (nothing they dial chooses who they are); they hear one prompt, then the hotline hangs up.
 */
abstract class AgentPhoneScript implements AgiScript {

    private static final Logger LOG = LoggerFactory.getLogger(AgentPhoneScript.class);

    private final Language language;

    AgentPhoneScript(Language language) {
        this.language = language;
    }

    @Override
    public final void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Optional<AgentId> agent = AgentAccounts.agentOfChannel(request.getChannel());
        channel.answer();
        Prompt reply = agent.map(id -> replyTo(id, request.getExtension())).orElse(Prompt.AGENT_REFUSED);
        channel.streamFile(PromptLibrary.asteriskName(language, reply));
        channel.hangup();
    }

    /** What the agent hears after dialling {@code code}; a floor that refuses throws (see {@link #await}). */
    abstract Prompt reply(AgentId agent, String code) throws ExecutionException, TimeoutException, InterruptedException;

    /** The floor's answer, waited for on this FastAGI thread (never the event loop's). */
    static <T> T await(Future<T> answer) throws ExecutionException, TimeoutException, InterruptedException {
        return answer.toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
    }

    private Prompt replyTo(AgentId agent, String code) {
        try {
            return reply(agent, code);
        } catch (ExecutionException refused) {
            LOG.info("agent {} code {} refused: {}", agent, code, refused.getCause().getMessage());
            return Prompt.AGENT_REFUSED;
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Prompt.AGENT_REFUSED;
        }
    }
}
