package org.hotline.http;

import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotline.access.Permission;
import org.hotline.access.Viewer;
import org.hotline.shared.AgentId;

/**
 * Who may call which route. Every route of the API is listed here (a test checks it against the
 * router); a route not listed is for administrators only, so a route added without a rule is closed
 * rather than open.
 */
final class AccessRules {

    /** What a route asks of the viewer. */
    enum Need {
        /** Anyone, logged in or not. */
        NOBODY,
        /** Any logged-in user. */
        LOGIN,
        /** The permission. */
        PERMISSION,
        /** The agent named by the path's {@code :id}: that agent, or someone who supervises. */
        AGENT_IN_PATH
    }

    /**
     * @param audit what the audit log calls a request here, or null when it is not logged: a read of personal
     *              data whatever it found, a change once it succeeded
     */
    record Rule(HttpMethod method, String pattern, Need need, Permission permission, String audit) {

        boolean allows(Viewer viewer, String[] path) {
            return switch (need) {
                case NOBODY, LOGIN -> true;
                case PERMISSION -> viewer.may(permission);
                case AGENT_IN_PATH -> viewer.may(Permission.SUPERVISE)
                        || (viewer.may(Permission.WORK_CALLS) && AgentId.isValid(path[3]) && viewer.mayActFor(new AgentId(path[3])));
            };
        }

        /** A read by phone number: what it finds or not tells whether a number is known, so misses are limited. */
        boolean looksUpNumber() {
            return method.equals(HttpMethod.GET) && pattern.endsWith("/:number");
        }

        /** The number of path parameters in a matching pattern: fewer is more specific. */
        int matches(HttpMethod asked, String[] path) {
            String[] parts = segments(pattern);
            if (!method.equals(asked) || parts.length != path.length) {
                return -1;
            }
            int parameters = 0;
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].startsWith(":")) {
                    if (path[i].isEmpty()) {
                        return -1;
                    }
                    parameters++;
                } else if (!parts[i].equals(path[i])) {
                    return -1;
                }
            }
            return parameters;
        }
    }

    static final Rule ADMINISTRATORS_ONLY = new Rule(HttpMethod.valueOf("ANY"), "*", Need.PERMISSION, Permission.ADMINISTER, null);

    private final List<Rule> rules;

    private AccessRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static AccessRules standard() {
        List<Rule> r = new ArrayList<>();
        HttpMethod get = HttpMethod.GET;
        HttpMethod post = HttpMethod.POST;
        HttpMethod put = HttpMethod.PUT;
        HttpMethod delete = HttpMethod.DELETE;
        // open: load balancers' health checks, logging in, the API's description, the company's name
        r.add(open(get, "/api/health"));
        r.add(new Rule(post, "/api/session", Need.NOBODY, null, null));
        r.add(open(get, "/api/openapi.yaml"));
        r.add(open(get, "/api/settings/company")); // the login page names the company
        r.add(new Rule(get, "/api/session", Need.LOGIN, null, null));
        r.add(new Rule(delete, "/api/session", Need.LOGIN, null, null));
        r.add(new Rule(post, "/api/session/password", Need.LOGIN, null, null));

        // an agent's own desk
        r.add(self(get, "/api/agents/:id"));
        r.add(new Rule(get, "/api/agents/:id/screen-pop", Need.AGENT_IN_PATH, null, "screen-pop.viewed"));
        r.add(self(put, "/api/agents/:id/state"));
        r.add(self(post, "/api/agents/:id/campaign-contact/accept"));
        r.add(self(post, "/api/agents/:id/campaign-contact/decline"));
        r.add(need(get, "/api/agents", Permission.WORK_CALLS));
        r.add(audited(get, "/api/live", Permission.WORK_CALLS, "live.watched"));
        r.add(audited(get, "/api/callbacks", Permission.WORK_CALLS, "callbacks.listed"));
        r.add(audited(get, "/api/calls/:id", Permission.WORK_CALLS, "call.viewed"));
        r.add(audited(get, "/api/cases", Permission.WORK_CALLS, "cases.listed"));
        r.add(audited(get, "/api/cases/:id", Permission.WORK_CALLS, "case.viewed"));
        r.add(need(post, "/api/cases", Permission.WORK_CALLS));
        r.add(need(post, "/api/cases/:id/status", Permission.WORK_CALLS));
        r.add(need(post, "/api/cases/:id/follow-ups", Permission.WORK_CALLS));
        r.add(audited(get, "/api/customers/:number", Permission.WORK_CALLS, "customer.viewed"));
        r.add(need(post, "/api/campaigns/:id/contacts/:contact/outcome", Permission.WORK_CALLS));
        r.add(need(get, "/api/reports", Permission.WORK_CALLS));

        // the floor
        r.add(audited(get, "/api/calls", Permission.SUPERVISE, "calls.listed"));
        r.add(audited(get, "/api/cases/overdue", Permission.SUPERVISE, "cases.listed"));
        r.add(audited(get, "/api/cases/due-soon", Permission.SUPERVISE, "cases.listed"));
        r.add(audited(get, "/api/customers", Permission.SUPERVISE, "customers.listed"));
        r.add(audited(put, "/api/customers/:number", Permission.SUPERVISE, "customer.changed"));
        r.add(audited(get, "/api/reports/breaches", Permission.SUPERVISE, "breaches.listed"));
        r.add(need(get, "/api/reports/audit", Permission.SUPERVISE));
        r.add(need(get, "/api/reports/late-cases", Permission.SUPERVISE));
        r.add(need(get, "/api/reports/outbound", Permission.SUPERVISE));
        r.add(need(get, "/api/reports/stored", Permission.SUPERVISE));
        r.add(audited(get, "/api/reports/stored/:id", Permission.EXPORT, "report.exported"));
        r.add(need(get, "/api/settings", Permission.SUPERVISE));
        r.add(need(get, "/api/queues", Permission.SUPERVISE));
        r.add(audited(put, "/api/settings/hours", Permission.SUPERVISE, "settings.hours-changed"));
        r.add(audited(put, "/api/agents/:id/skills", Permission.SUPERVISE, "agent.skills-changed"));

        // campaigns and the numbers they must not dial
        r.add(need(get, "/api/campaigns", Permission.RUN_CAMPAIGNS));
        r.add(need(get, "/api/campaigns/:id", Permission.RUN_CAMPAIGNS));
        r.add(audited(get, "/api/campaigns/:id/attempts", Permission.RUN_CAMPAIGNS, "campaign.attempts-listed"));
        r.add(audited(post, "/api/campaigns", Permission.RUN_CAMPAIGNS, "campaign.created"));
        r.add(audited(post, "/api/campaigns/upload", Permission.RUN_CAMPAIGNS, "campaign.created"));
        for (String command : java.util.List.of("start", "pause", "resume", "stop")) {
            r.add(audited(post, "/api/campaigns/:id/" + command, Permission.RUN_CAMPAIGNS, "campaign." + command));
        }
        r.add(audited(get, "/api/do-not-call", Permission.RUN_CAMPAIGNS, "do-not-call.listed"));
        r.add(audited(get, "/api/do-not-call/:number", Permission.RUN_CAMPAIGNS, "do-not-call.viewed"));
        r.add(audited(post, "/api/do-not-call", Permission.RUN_CAMPAIGNS, "do-not-call.added"));
        r.add(audited(delete, "/api/do-not-call/:number", Permission.RUN_CAMPAIGNS, "do-not-call.removed"));

        // administration
        r.add(audited(delete, "/api/customers/:number", Permission.ADMINISTER, "customer.deleted"));
        r.add(need(get, "/api/users", Permission.ADMINISTER));
        r.add(audited(post, "/api/users", Permission.ADMINISTER, "user.created"));
        r.add(audited(put, "/api/users/:name", Permission.ADMINISTER, "user.changed"));
        r.add(audited(post, "/api/users/:name/password", Permission.ADMINISTER, "user.password-set"));
        // supervisors too: they are the ones told when someone tries numbers one after another
        r.add(need(get, "/api/audit", Permission.SUPERVISE));
        return new AccessRules(r);
    }

    /** The most specific rule for the request; {@link #ADMINISTRATORS_ONLY} when none matches. */
    Rule ruleFor(HttpMethod method, String path) {
        String[] asked = segments(path);
        Rule best = ADMINISTRATORS_ONLY;
        int fewest = Integer.MAX_VALUE;
        for (Rule rule : rules) {
            int parameters = rule.matches(method, asked);
            if (parameters >= 0 && parameters < fewest) {
                best = rule;
                fewest = parameters;
            }
        }
        return best;
    }

    List<Rule> rules() {
        return rules;
    }

    /** "/api/cases/7/" → ["", "api", "cases", "7"]: a trailing slash is the same route, as the router has it. */
    static String[] segments(String path) {
        String[] parts = path.split("/", -1);
        int length = parts.length;
        while (length > 1 && parts[length - 1].isEmpty()) {
            length--;
        }
        return Arrays.copyOf(parts, length);
    }

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Need.NOBODY, null, null);
    }

    private static Rule self(HttpMethod method, String pattern) {
        return new Rule(method, pattern, Need.AGENT_IN_PATH, null, null);
    }

    private static Rule need(HttpMethod method, String pattern, Permission permission) {
        return new Rule(method, pattern, Need.PERMISSION, permission, null);
    }

    private static Rule audited(HttpMethod method, String pattern, Permission permission, String action) {
        return new Rule(method, pattern, Need.PERMISSION, permission, action);
    }
}
