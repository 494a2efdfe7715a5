package org.hotline.telephony.agi;

import java.time.Clock;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.call.Prompt;
import org.hotline.call.RecordingMode;
import org.hotline.campaign.Contact;
import org.hotline.prompts.PromptLibrary;
import org.hotline.shared.Language;
import org.hotline.telephony.ami.AgentFirstCampaignLine;

/**
 * FastAGI script {@code campaign-answered}, run on a callback campaign's customer channel the
 * moment the customer picks up (Dial's {@code U} option, {@code [hotline-campaign-answered]}): records the answer at
 * once, so a server that stops mid-conversation knows the customer was reached and does not call
 * them again. When the campaign records its calls, the customer hears the notice first if the campaign
 * announces it, and the dialplan starts the recording named by the attempt. Anything but a call under
 * way here is ignored.
 */
public final class CampaignAnsweredScript implements AgiScript {

    /** Set on the customer's channel to the attempt's recording name: {@code [hotline-campaign-answered]} records it. */
    static final String RECORDING_VARIABLE = "HOTLINE_ATTEMPT_RECORDING";

    private final AgentFirstCampaignLine line;
    private final Language language;
    private final Clock clock;

    public CampaignAnsweredScript(AgentFirstCampaignLine line, Language language, Clock clock) {
        this.line = line;
        this.language = language;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String[] arguments = request.getArguments();
        String contactId = arguments == null || arguments.length == 0 ? null : arguments[0];
        if (!Contact.isValidId(contactId)) {
            return;
        }
        var call = line.underWay(contactId);
        if (call.isEmpty()) {
            return;
        }
        call.get().customerAnswered(clock.instant());
        RecordingMode mode = call.get().campaign().rules().recording();
        if (mode == RecordingMode.ANNOUNCE) {
            channel.streamFile(PromptLibrary.asteriskName(language, Prompt.RECORDING_NOTICE));
        }
        if (mode.records()) {
            channel.setVariable(RECORDING_VARIABLE, call.get().recording().name()); // checked contact id and a number
        }
    }
}
