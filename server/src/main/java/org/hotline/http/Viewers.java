package org.hotline.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.hotline.access.Permission;
import org.hotline.access.Viewer;

/** Who the access guard ({@code users.AccessGuard}) let in, as the resources behind it read it. */
public final class Viewers {

    private static final String KEY = "hotline.viewer";
    private static final String AUDITED = "hotline.audited";
    private static final String LOGGED_IN = "hotline.logged-in";

    private Viewers() {
    }

    public static void put(RoutingContext ctx, Viewer viewer) {
        ctx.put(KEY, viewer);
    }

    /** @param loggedIn whether the session still stands, asked again by what outlives the request (a live stream) */
    public static void put(RoutingContext ctx, Viewer viewer, java.util.function.BooleanSupplier loggedIn) {
        ctx.put(KEY, viewer);
        ctx.put(LOGGED_IN, loggedIn);
    }

    public static java.util.function.BooleanSupplier loggedIn(RoutingContext ctx) {
        java.util.function.BooleanSupplier loggedIn = ctx.get(LOGGED_IN);
        return loggedIn == null ? () -> true : loggedIn;
    }

    /** Empty only where no guard stands in front (a resource tested on its own). */
    public static Optional<Viewer> of(RoutingContext ctx) {
        return Optional.ofNullable(ctx.get(KEY));
    }

    /** What the audit log names as the target, when the path alone does not say (what was created). */
    public static void audited(RoutingContext ctx, String target) {
        ctx.put(AUDITED, target);
    }

    public static String auditedTarget(RoutingContext ctx, String fallback) {
        String target = ctx.get(AUDITED);
        return target == null ? fallback : target;
    }

    /** Whether the answer must hide customers' phone numbers. */
    public static boolean masksNumbers(RoutingContext ctx) {
        return of(ctx).map(viewer -> !viewer.may(Permission.SEE_FULL_NUMBERS)).orElse(false);
    }

    /** The agent the viewer is limited to (an agent sees only their own work); empty for supervisors. */
    public static Optional<org.hotline.shared.AgentId> onlyAgent(RoutingContext ctx) {
        return of(ctx).filter(viewer -> !viewer.may(Permission.SUPERVISE)).map(Viewer::agent);
    }
}
