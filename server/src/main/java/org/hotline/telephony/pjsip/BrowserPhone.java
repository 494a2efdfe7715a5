package org.hotline.telephony.pjsip;

import org.hotline.shared.AgentId;
import org.hotline.telephony.Dialplan;

/**
 * An agent's browser phone as Asterisk knows it: the PJSIP endpoint {@code agent-<id>-web}, reached
 * over the secure WebSocket, its media DTLS-SRTP with ICE and RTCP feedback (what a browser requires),
 * Opus or G.711. Asterisk makes the DTLS certificate itself; the fingerprint in the SDP is what
 * the browser checks.
 */
final class BrowserPhone {

    static final String SUFFIX = "-web";

    private BrowserPhone() {
    }

    /** The endpoint, auth and AOR sections; only validated IDs and generated hex passwords go in. */
    static String sections(AgentId agent, String password) {
        String name = AgentAccounts.browserEndpoint(agent);
        return "\n[" + name + "]\n"
                + "type = endpoint\ncontext = " + Dialplan.AGENTS.context() + "\n"
                + "transport = transport-wss\n"
                + "disallow = all\nallow = opus,ulaw,alaw\n"
                + "auth = " + name + "-auth\naors = " + name + "\n"
                + "webrtc = yes\n"
                // What webrtc = yes implies, written out so the file says what the browser gets.
                + "media_encryption = dtls\ndtls_auto_generate_cert = yes\ndtls_verify = fingerprint\ndtls_setup = actpass\n"
                + "ice_support = yes\nuse_avpf = yes\nrtcp_mux = yes\nmedia_use_received_transport = yes\n"
                + "direct_media = no\ndtmf_mode = rfc4733\n"
                + "callerid = <" + agent.value() + ">\n"
                + "\n[" + name + "-auth]\n"
                + "type = auth\nauth_type = userpass\nusername = " + name + "\npassword = " + password + "\n"
                + "\n[" + name + "]\n"
                + "type = aor\nmax_contacts = 1\nremove_existing = yes\nqualify_frequency = 15\n";
    }
}
