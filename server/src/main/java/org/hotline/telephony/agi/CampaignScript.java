package org.hotline.telephony.agi;

import java.time.Clock;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.shared.Language;
import org.hotline.call.Notice;
import org.hotline.call.Prompt;
import org.hotline.campaign.CampaignKind;
import org.hotline.campaign.Contact;
import org.hotline.prompts.PromptLibrary;
import org.hotline.telephony.ami.AgentlessLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FastAGI script {@code campaign}, on an agentless campaign call the customer answered: plays
 * the notice, or asks the survey question (1–5 on the keypad, asked twice at most), and reports
 * back to the line that placed the call. A channel that is not a call this server placed is hung up.
 */
public final class CampaignScript implements AgiScript {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignScript.class);
    private static final long ANSWER_TIMEOUT_MS = 6_000;

    private final AgentlessLine line;
    private final Language language;
    private final Clock clock;

    public CampaignScript(AgentlessLine line, Language language, Clock clock) {
        this.line = line;
        this.language = language;
        this.clock = clock;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        String contactId = channel.getVariable(AgentlessLine.CONTACT_VARIABLE);
        Optional<AgentlessLine.UnderWay> call = Contact.isValidId(contactId) ? line.underWay(contactId) : Optional.empty();
        if (call.isEmpty()) {
            LOG.warn("campaign leg for no call under way here; hung up");
            channel.hangup();
            return;
        }
        AgentlessLine.UnderWay underWay = call.get();
        underWay.answered(clock.instant());
        if (underWay.campaign().rules().detectMachines() && "MACHINE".equals(channel.getVariable("AMDSTATUS"))) {
            leaveOnMachine(channel, underWay);
            return;
        }
        Integer score = null;
        try {
            if (underWay.campaign().kind() == CampaignKind.NOTIFICATION) {
                channel.streamFile(PromptLibrary.asteriskName(language, new Notice(underWay.campaign().message())));
            } else {
                channel.streamFile(PromptLibrary.asteriskName(language, Prompt.CAMPAIGN_SURVEY));
                score = askScore(channel);
                if (score != null) {
                    channel.streamFile(PromptLibrary.asteriskName(language, Prompt.SURVEY_THANKS));
                }
            }
            channel.hangup();
        } catch (AgiHangupException customerGone) {
            // the customer hung up; what they answered so far counts
        } finally {
            underWay.ended(score);
        }
    }

    /** A machine: a notice is left on it (the customer hears it later); a survey cannot be, and is tried again. */
    private void leaveOnMachine(AgiChannel channel, AgentlessLine.UnderWay underWay) throws AgiException {
        try {
            if (underWay.campaign().kind() == CampaignKind.NOTIFICATION) {
                channel.streamFile(PromptLibrary.asteriskName(language, new Notice(underWay.campaign().message())));
            }
            channel.hangup();
        } catch (AgiHangupException gone) {
            // the machine stopped recording
        } finally {
            underWay.answeringMachine();
        }
    }

    private Integer askScore(AgiChannel channel) throws AgiException {
        for (int ask = 0; ask < 2; ask++) {
            String keys = channel.getData(PromptLibrary.asteriskName(language, Prompt.SURVEY), ANSWER_TIMEOUT_MS, 1);
            if (keys != null && keys.length() == 1 && keys.charAt(0) >= '1' && keys.charAt(0) <= '5') {
                return keys.charAt(0) - '0';
            }
        }
        return null;
    }
}
