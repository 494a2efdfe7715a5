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

    /** What one node's channel list says. */
    interface NodeListing {
        Optional<String> read(AmiLink ami) throws IOException, EventTimeoutException;
    }

    /** A channel, and the node that listed it (where actions on it go). */
    record Found(AmiLink ami, String channel) {
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

    /** The first connected node whose listing names a channel. */
    static Optional<Found> find(AsteriskNodes nodes, NodeListing listing) throws IOException {
        for (AmiLink ami : nodes.all()) {
            if (ami.isConnected()) {
                Optional<String> channel = read(() -> listing.read(ami));
                if (channel.isPresent()) {
                    return Optional.of(new Found(ami, channel.get()));
                }
            }
        }
        return Optional.empty();
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
