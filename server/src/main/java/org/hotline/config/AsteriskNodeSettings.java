package org.hotline.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Asterisk nodes the server drives over AMI: {@code asterisk.nodes} (name → host, port, username,
 * secret or secretFile, etcDir, celFile) or {@code HOTLINE_ASTERISK_NODES} ({@code name=host:port[@secretFile or the
 * node's bin/asterisk state directory]}, comma-separated);
 * without either, {@code asterisk.ami} alone is one node, {@link HotlineConfig.Node#SINGLE}. A node's username
 * and secret default to {@code asterisk.ami}'s.
 */
final class AsteriskNodeSettings {

    static final String ENV = "HOTLINE_ASTERISK_NODES";
    private static final String KEY = "asterisk.nodes";
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern ENV_NODE = Pattern.compile("([^=]*)=(.*):([0-9]{1,5})(?:@(.+))?");
    private static final Set<String> NODE_KEYS = Set.of("host", "port", "username", "secret", "secretFile", "etcDir", "celFile");
    /** Where {@code bin/asterisk} has a node write its channel event log, under the node's state directory. */
    private static final String NODE_CEL = "asterisk/log/cel-custom/Master.csv";
    private static final int MAX_NODES = 16;

    private AsteriskNodeSettings() {
    }

    /**
     * @param etc the server's own Asterisk's configuration directory: the first node's unless it says otherwise
     * @param cel {@code asterisk.celFile}: the first node's channel event log unless it says otherwise
     */
    static List<HotlineConfig.Node> read(ConfigTree tree, Map<String, String> env, Path stateDir, Path etc, Path cel) {
        String username = tree.string("asterisk.ami.username", "hotline");
        if (!ConfigLoader.USERNAME.matcher(username).matches()) {
            throw new ConfigException("asterisk.ami.username: letters, digits, - and _ only");
        }
        String given = env.get(ENV);
        Set<String> section = tree.sections(KEY);
        if (section != null || (given != null && !given.isBlank())) {
            // asterisk.ami's address is the single node's: with nodes listed it is not used (and no misspelling)
            List.of("host", "port", "secret", "secretFile").forEach(key -> tree.string("asterisk.ami." + key, null));
        }
        if (given != null && !given.isBlank()) {
            return fromEnvironment(given, tree, stateDir, username, etc, cel);
        }
        if (section == null) {
            HotlineConfig.Ami single = new HotlineConfig.Ami(ConfigLoader.host(tree, "asterisk.ami.host", "127.0.0.1"),
                    tree.integer("asterisk.ami.port", 5038, 1, 65535), username, sharedSecret(tree, stateDir));
            return List.of(new HotlineConfig.Node(HotlineConfig.Node.SINGLE, single, etc, cel));
        }
        if (section.isEmpty()) {
            throw new ConfigException(KEY + ": at least one node (or leave it out: asterisk.ami is then the one node)");
        }
        List<HotlineConfig.Node> nodes = new ArrayList<>();
        for (String name : section) {
            String prefix = KEY + "." + name;
            checkName(prefix, name);
            for (String key : tree.sections(prefix)) {
                if (!NODE_KEYS.contains(key)) {
                    throw new ConfigException(prefix + "." + key + ": unknown setting (misspelt?)");
                }
            }
            String nodeUser = tree.string(prefix + ".username", username);
            if (!ConfigLoader.USERNAME.matcher(nodeUser).matches()) {
                throw new ConfigException(prefix + ".username: letters, digits, - and _ only");
            }
            String secret = tree.string(prefix + ".secret", null);
            String secretFile = tree.string(prefix + ".secretFile", null);
            if (secret == null) {
                secret = secretFile == null ? sharedSecret(tree, stateDir) : secretFrom(stateDir, secretFile, prefix + ".secretFile");
            }
            checkSecret(prefix + ".secret", secret);
            String etcDir = tree.string(prefix + ".etcDir", null);
            String celFile = tree.string(prefix + ".celFile", null);
            nodes.add(new HotlineConfig.Node(name, new HotlineConfig.Ami(ConfigLoader.host(tree, prefix + ".host", tree.requiredString(prefix + ".host")),
                    tree.integer(prefix + ".port", 5038, 1, 65535), nodeUser, secret),
                    etcDir != null ? stateDir.resolve(etcDir).normalize() : nodes.isEmpty() ? etc : null,
                    celFile != null ? celFile(prefix + ".celFile", stateDir.resolve(celFile).normalize()) : nodes.isEmpty() ? cel : null));
        }
        return within(nodes, KEY);
    }

    private static List<HotlineConfig.Node> fromEnvironment(String given, ConfigTree tree, Path stateDir, String username, Path etc,
                                                            Path cel) {
        List<HotlineConfig.Node> nodes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String entry : given.split(",", -1)) {
            Matcher node = ENV_NODE.matcher(entry.strip());
            if (!node.matches()) {
                throw new ConfigException(ENV + ": " + org.hotline.shared.Printable.of(entry.strip())
                        + " is not name=host:port or name=host:port@secretFile");
            }
            String name = node.group(1);
            checkName(ENV, name);
            if (!names.add(name)) {
                throw new ConfigException(ENV + ": node " + name + " is listed twice");
            }
            if (!ConfigLoader.HOST.matcher(node.group(2)).matches()) {
                throw new ConfigException(ENV + ": node " + name + ": '" + node.group(2) + "' is not a host name or IP address");
            }
            int port = Integer.parseInt(node.group(3));
            if (port < 1 || port > 65535) {
                throw new ConfigException(ENV + ": node " + name + ": port " + port + " is not 1-65535");
            }
            // after @: the node's secret file, or the state directory bin/asterisk ran the node in (HOTLINE_STATE_DIR)
            Path given4 = node.group(4) == null ? null : stateDir.resolve(node.group(4)).normalize();
            boolean nodeState = given4 != null && Files.isDirectory(given4);
            String secret = given4 == null ? sharedSecret(tree, stateDir)
                    : secretFrom(stateDir, nodeState ? given4.resolve("secrets/ami.secret").toString() : node.group(4), ENV + ": node " + name);
            checkSecret(ENV + ": node " + name, secret);
            nodes.add(new HotlineConfig.Node(name, new HotlineConfig.Ami(node.group(2), port, username, secret),
                    nodeState ? given4.resolve("asterisk/etc") : nodes.isEmpty() ? etc : null,
                    nodeState ? given4.resolve(NODE_CEL) : nodes.isEmpty() ? cel : null));
        }
        return within(nodes, ENV);
    }

    private static Path celFile(String key, Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(key + ": " + file + " is a directory, not the CEL file (e.g. .../cel-custom/Master.csv)");
        }
        return file;
    }

    private static List<HotlineConfig.Node> within(List<HotlineConfig.Node> nodes, String where) {
        if (nodes.size() > MAX_NODES) {
            throw new ConfigException(where + ": " + nodes.size() + " nodes; at most " + MAX_NODES);
        }
        return List.copyOf(nodes);
    }

    private static void checkName(String where, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException(where + ": node name " + org.hotline.shared.Printable.of(name)
                    + " must be 1 to 32 of a-z, 0-9 and - (it is the node's Asterisk systemname, HOTLINE_NODE_NAME)");
        }
    }

    /** {@code asterisk.ami.secret}, else the file bin/asterisk writes. */
    private static String sharedSecret(ConfigTree tree, Path stateDir) {
        String secret = tree.string("asterisk.ami.secret", null);
        String secretFile = tree.string("asterisk.ami.secretFile", "secrets/ami.secret");
        if (secret == null) {
            secret = secretFrom(stateDir, secretFile, "asterisk.ami.secretFile");
        }
        checkSecret("asterisk.ami.secret", secret);
        return secret;
    }

    private static String secretFrom(Path stateDir, String file, String key) {
        Path path = stateDir.resolve(file);
        try {
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException(key + ": cannot read " + path + " (bin/asterisk start creates it; or set HOTLINE_AMI_SECRET)");
        }
    }

    private static void checkSecret(String key, String secret) {
        if (!ConfigLoader.SECRET.matcher(secret).matches()) {
            throw new ConfigException(key + ": must be 12 to 128 printable characters without spaces");
        }
    }
}
