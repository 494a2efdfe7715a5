package org.hotline.telephony.ami;

import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts short the prompt a channel is hearing (AMI ControlPlayback), from any thread without
 * waiting: the server uses it when an agent frees up while a waiting caller hears an announcement,
 * so the agent's phone rings now rather than after the sentence.
 */
public final class PromptStopper {

    private static final Logger LOG = LoggerFactory.getLogger(PromptStopper.class);
    /** Channel names as Asterisk makes them (PJSIP/caller-0000002a, Local/10000@hotline-00000003;2). */
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9/@;:._+-]{1,160}");

    private final AsteriskNodes nodes;

    public PromptStopper(AsteriskNodes nodes) {
        this.nodes = nodes;
    }

    public void stop(String channel) {
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            return; // nothing odd goes into an AMI action
        }
        Thread.ofVirtual().name("stop-prompt").start(() -> {
            AmiLink ami = nodes.forChannel(channel).orElse(null); // the node that has the channel
            if (ami == null) {
                return;
            }
            try {
                ami.send(ControlPlaybackAction.stop(channel));
            } catch (Exception e) {
                LOG.debug("could not cut a prompt short on {}: {}", channel, e.getMessage());
            }
        });
    }
}
