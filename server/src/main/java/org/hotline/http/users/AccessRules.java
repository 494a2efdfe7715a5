package org.hotline.http.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hotline.access.Permission;
import org.hotline.access.Viewer;
import org.hotline.http.contract.ContractCheck;
import org.hotline.shared.AgentId;

/**
 * Who may call which route, as the HTTP contract says with each operation ({@code x-permission},
 * {@code x-audit}), read at start-up. Every route the router serves is an operation there (a test
 * checks it); a route not listed is for administrators only, so a route added without a rule is closed
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

    /** The contract's extension naming who may call an operation. */
    static final String PERMISSION = "x-permission";
    /** The contract's extension naming what the audit log calls a call to an operation. */
    static final String AUDIT = "x-audit";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    static final Rule ADMINISTRATORS_ONLY = new Rule(HttpMethod.valueOf("ANY"), "*", Need.PERMISSION, Permission.ADMINISTER, null);

    private final List<Rule> rules;

    private AccessRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules the HTTP contract gives its operations ({@link #PERMISSION} and {@link #AUDIT}). */
    static AccessRules standard() {
        return fromContract(ContractCheck.CONTRACT);
    }

    /**
     * Reads each operation's {@value #PERMISSION} and {@value #AUDIT} from the contract on the classpath;
     * fails, naming the operation, when one has no permission or one this server does not know, so
     * start-up stops rather than serve a route nobody decided about.
     */
    static AccessRules fromContract(String resource) {
        JsonNode paths = read(resource).path("paths");
        List<Rule> r = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                r.add(rule(HttpMethod.valueOf(operation.getKey().toUpperCase(Locale.ROOT)), path.getKey(), operation.getValue()));
            }
        }
        return new AccessRules(r);
    }

    private static Rule rule(HttpMethod method, String path, JsonNode operation) {
        String pattern = path.replaceAll("\\{([A-Za-z0-9_]+)}", ":$1");
        String named = method + " " + path;
        String permission = operation.path(PERMISSION).asText("");
        String audit = operation.hasNonNull(AUDIT) ? operation.get(AUDIT).asText() : null;
        return switch (permission) {
            case "" -> throw new IllegalStateException(named + ": no " + PERMISSION + " (who may call it)");
            case "anyone" -> new Rule(method, pattern, Need.NOBODY, null, audit);
            case "logged-in" -> new Rule(method, pattern, Need.LOGIN, null, audit);
            case "own-desk" -> new Rule(method, pattern, Need.AGENT_IN_PATH, null, audit);
            default -> new Rule(method, pattern, Need.PERMISSION, permission(named, permission), audit);
        };
    }

    private static Permission permission(String named, String written) {
        for (Permission permission : Permission.values()) {
            if (permission.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(written)) {
                return permission;
            }
        }
        throw new IllegalStateException(named + ": " + PERMISSION + " " + written
                + " is none of anyone, logged-in, own-desk or a permission (work-calls, supervise, …)");
    }

    private static JsonNode read(String resource) {
        try (InputStream in = AccessRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("HTTP contract " + resource + " is not on the classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
