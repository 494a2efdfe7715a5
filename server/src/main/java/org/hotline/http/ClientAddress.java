package org.hotline.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is asking, for the login throttle, the audit trail and the logs: the peer's address, unless
 * the peer is one of this store's own servers — a standby passing a request on — when it is the
 * address that server names in {@code X-Forwarded-For}. Anyone else's {@code X-Forwarded-For} is
 * ignored: believed from a stranger, it would let a guesser dodge the throttle by naming a new address
 * with each try.
 */
public final class ClientAddress {

    private static final String KEY = "hotline.client";
    /** An IPv4 or IPv6 address, nothing else: the header is the client's only through a standby. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9.]{7,15}|[0-9a-fA-F:.]{2,45}");

    private final Set<String> servers;

    /** @param servers the addresses of this store's servers, whose forwarded client address is believed */
    ClientAddress(Set<String> servers) {
        this.servers = Set.copyOf(servers);
    }

    void mount(Router router) {
        router.route().handler(ctx -> {
            ctx.put(KEY, of(String.valueOf(ctx.request().remoteAddress().hostAddress()), ctx.request().getHeader("x-forwarded-for")));
            ctx.next();
        });
    }

    /** The client's address given the peer's and the header it sent (null when none). */
    String of(String peer, String forwardedFor) {
        if (forwardedFor == null || !servers.contains(peer)) {
            return peer;
        }
        // the last entry is the one the standby added (earlier ones are whatever the client claimed)
        String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).trim();
        return ADDRESS.matcher(last).matches() ? last : peer;
    }

    /** The address of whoever sent this request (see above). */
    public static String of(RoutingContext ctx) {
        String client = ctx.get(KEY);
        return client != null ? client : String.valueOf(ctx.request().remoteAddress().hostAddress());
    }
}
