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
import org.hotline.shared.Language;
import org.hotline.call.Prompt;
import org.hotline.prompts.PromptLibrary;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.PauseReason;
import org.hotline.floor.Floor;
import org.hotline.telephony.pjsip.AgentAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FastAGI script {@code agent-feature}: an agent works from a plain SIP phone with feature codes —
 * {@code *21} ready, {@code *22} log out, {@code *231} break, {@code *232} training,
 * {@code *233} admin — and hears what state they are now in. The agent is the one whose
 * authenticated account placed the call; nothing they dial chooses who they are.
 */
public final class AgentFeatureScript implements AgiScript {

    private static final Logger LOG = LoggerFactory.getLogger(AgentFeatureScript.class);

    private final Floor floor;
    private final Language language;

    public AgentFeatureScript(Floor floor, Language language) {
        this.floor = floor;
        this.language = language;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        Optional<AgentId> agent = AgentAccounts.agentOfChannel(request.getChannel());
        channel.answer();
        Prompt reply = agent.map(id -> apply(id, request.getExtension())).orElse(Prompt.AGENT_REFUSED);
        channel.streamFile(PromptLibrary.asteriskName(language, reply));
        channel.hangup();
    }

    private Prompt apply(AgentId agent, String code) {
        Future<AgentStatus> change = switch (code == null ? "" : code) {
            case "*21" -> floor.ready(agent);
            case "*22" -> floor.logOut(agent);
            case "*231" -> floor.pause(agent, PauseReason.BREAK);
            case "*232" -> floor.pause(agent, PauseReason.TRAINING);
            case "*233" -> floor.pause(agent, PauseReason.ADMIN);
            default -> null;
        };
        if (change == null) {
            return Prompt.AGENT_REFUSED;
        }
        try {
            AgentStatus status = change.toCompletionStage().toCompletableFuture().get(3, TimeUnit.SECONDS);
            return switch (status.state()) {
                case READY -> Prompt.AGENT_READY;
                case PAUSED -> Prompt.AGENT_PAUSED;
                case LOGGED_OUT -> Prompt.AGENT_LOGGED_OUT;
                default -> status.state() == AgentState.ON_CALL ? Prompt.AGENT_PAUSED : Prompt.AGENT_REFUSED;
            };
        } catch (ExecutionException refused) {
            LOG.info("agent {} feature code refused: {}", agent, refused.getCause().getMessage());
            return Prompt.AGENT_REFUSED;
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Prompt.AGENT_REFUSED;
        }
    }
}
