package org.hotline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.hotline.config.ConfigException;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.server.AuditCommand;
import org.hotline.server.HotlineServer;

/**
 * Starts the hotline server: {@code java -jar hotline-server.jar [config.yaml]}; or audits a day against
 * Asterisk's CEL and exits: {@code java -jar hotline-server.jar audit 2026-12-06 [config.yaml]}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.getOrDefault("HOTLINE_HOME", ".")).toAbsolutePath().normalize();
        boolean audit = args.length > 0 && args[0].equals("audit");
        int fileArgument = audit ? 2 : 0;
        Path file = args.length > fileArgument ? Path.of(args[fileArgument])
                : home.resolve(env.getOrDefault("HOTLINE_CONFIG", "config/hotline.yaml"));
        HotlineConfig config;
        try {
            config = ConfigLoader.load(file, env, home);
        } catch (ConfigException e) {
            System.err.println("hotline: configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (audit) {
            System.exit(AuditCommand.run(args.length > 1 ? args[1] : null, config, System.out, System.err));
            return;
        }
        try {
            HotlineServer server = HotlineServer.start(config, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        } catch (ConfigException e) {
            System.err.println("hotline: configuration error: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("hotline: cannot start: " + e.getMessage());
            System.exit(1);
        }
    }
}
