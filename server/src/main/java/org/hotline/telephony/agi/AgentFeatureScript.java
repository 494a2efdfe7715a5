package org.hotline.telephony.agi;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.hotline.shared.Language;
import org.hotline.call.Prompt;
import org.hotline.shared.AgentId;
import org.hotline.routing.AgentState;
import org.hotline.routing.AgentStatus;
import org.hotline.routing.PauseReason;
import org.hotline.floor.Floor;

/**
 * FastAGI script {@code agent-feature}: an agent works from a plain SIP phone with feature codes —
 * {@code *21} ready, {@code *22} log out, {@code *231} break, {@code *232} training,
 * {@code *233} admin — and hears what state they are now in. The agent is the one whose
 * authenticated account placed the call; nothing they dial chooses who they are.
 */
public final class AgentFeatureScript extends AgentPhoneScript {

    private final Floor floor;

    public AgentFeatureScript(Floor floor, Language language) {
        super(language);
        this.floor = floor;
    }

    @Override
    Prompt reply(AgentId agent, String code) throws ExecutionException, TimeoutException, InterruptedException {
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
        AgentStatus status = await(change);
        return switch (status.state()) {
            case READY -> Prompt.AGENT_READY;
            case PAUSED -> Prompt.AGENT_PAUSED;
            case LOGGED_OUT -> Prompt.AGENT_LOGGED_OUT;
            default -> status.state() == AgentState.ON_CALL ? Prompt.AGENT_PAUSED : Prompt.AGENT_REFUSED;
        };
    }
}
