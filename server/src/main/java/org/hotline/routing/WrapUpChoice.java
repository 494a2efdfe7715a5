package org.hotline.routing;

import java.time.Instant;
import org.hotline.shared.AgentId;
import org.hotline.shared.CallId;
import org.hotline.shared.Skill;

/** The wrap-up code {@code agent} gave their call {@code call} of queue {@code queue}, at {@code chosenAt}. */
public record WrapUpChoice(CallId call, Skill queue, WrapUpCode code, AgentId agent, Instant chosenAt) {
}
