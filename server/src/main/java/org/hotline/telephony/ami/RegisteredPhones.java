package org.hotline.telephony.ami;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.PJSipShowContactsAction;
import org.asteriskjava.manager.event.ContactList;
import org.asteriskjava.manager.event.ContactStatusEnum;
import org.asteriskjava.manager.event.ResponseEvent;
import org.hotline.shared.AgentId;
import org.hotline.telephony.pjsip.AgentAccounts;

/** AMI {@code PJSIPShowContacts}: the agents whose softphones are registered and reachable now. */
final class RegisteredPhones {

    private RegisteredPhones() {
    }

    /** Each agent with a registered, reachable phone, and its contacts ({@code <aor> <uri>}: SIP and browser phone apart). */
    static Map<AgentId, Set<String>> query(AmiLink ami) throws IOException, TimeoutException {
        Map<AgentId, Set<String>> registered = new HashMap<>();
        for (ResponseEvent event : ami.query(new PJSipShowContactsAction())) {
            // A contact Asterisk could not reach (its qualify failed) is no phone to ring.
            if (event instanceof ContactList contact && !unreachable(contact.getStatus())) {
                aorOf(contact).ifPresent(aor -> AgentAccounts.agentOfEndpoint(aor).ifPresent(agent ->
                        registered.computeIfAbsent(agent, a -> new HashSet<>()).add(aor + " " + contact.getUri())));
            }
        }
        return registered;
    }

    private static boolean unreachable(ContactStatusEnum status) {
        return status == ContactStatusEnum.UNREACHABLE;
    }

    /** A contact's object name is {@code <aor>;@<hash>}; older versions name the endpoint instead. */
    private static Optional<String> aorOf(ContactList contact) {
        String name = contact.getObjectname();
        if (name != null && name.contains(";@")) {
            return Optional.of(name.substring(0, name.indexOf(";@")));
        }
        return Optional.ofNullable(contact.getEndpoint());
    }
}
