package org.hotline.telephony.ami;

import java.io.IOException;
import java.util.Optional;
import org.asteriskjava.manager.EventTimeoutException;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/** An action a node must carry out, and a channel listing it must answer: either fails as an {@link IOException}. */
final class NodeActions {

    interface Listing {
        Optional<String> read() throws IOException, EventTimeoutException;
    }

    private NodeActions() {
    }

    static Optional<String> read(Listing listing) throws IOException {
        try {
            return listing.read();
        } catch (EventTimeoutException e) {
            throw new IOException("Asterisk did not list its channels in time", e);
        }
    }

    static void send(AmiLink ami, ManagerAction action) throws IOException {
        ManagerResponse response;
        try {
            response = ami.send(action);
        } catch (TimeoutException e) {
            throw new IOException(action.getAction() + ": no answer from node " + ami.node(), e);
        }
        if (response instanceof ManagerError error) {
            throw new IOException(action.getAction() + " refused by node " + ami.node() + ": " + error.getMessage());
        }
    }
}
