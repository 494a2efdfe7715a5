package org.hotline.telephony;

/**
 * The dialplan contexts the server sends calls into, named once here; each is a context of
 * dialplan/extensions.conf (DialplanTest fails on one that is not). The context inbound calls
 * enter is configured ({@code ivr.hotlineContext}), so it is not among them.
 */
public enum Dialplan {

    /** Where customers' numbers are dialled: the dialplan routes them to the provider. */
    OUTBOUND("hotline-outbound"),
    /** The agent's answered leg of a queue callback: its script dials the customer. */
    CALLBACK_AGENT("hotline-callback"),
    /** The agent's answered leg of a callback-campaign call: its script dials the customer. */
    CAMPAIGN_AGENT("hotline-campaign-agent"),
    /** The routine Dial runs on a callback-campaign customer's channel the moment they answer. */
    CAMPAIGN_ANSWERED("hotline-campaign-answered"),
    /** A customer's answered leg of an agentless campaign call: its script plays the message. */
    CAMPAIGN("hotline-campaign"),
    /** What the agents' own phones dial (features, transfers). */
    AGENTS("agents"),
    /** A supervisor's answered phone: ChanSpy on the agent's channel (listen, whisper, barge). */
    SPY("hotline-spy"),
    /** Where agents' transfers go: a consultation rings the colleague, a blind transfer goes on to {@link #AGENTS}. */
    TRANSFER("hotline-transfer"),
    /** Run on an agent's leg as it is dialled: their transfers go to {@link #TRANSFER}. */
    AGENT_LEG("hotline-agent-leg"),
    /** The routine Dial runs on an agent's leg as they answer a recorded call: MixMonitor into the call's file. */
    RECORD("hotline-record");

    private final String context;

    Dialplan(String context) {
        this.context = context;
    }

    /** The context's name in the dialplan. */
    public String context() {
        return context;
    }

    /** A Local channel dialling {@code exten} in this context. */
    public String local(String exten) {
        return "Local/" + exten + "@" + context;
    }
}
