package org.hotline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.hotline.config.ConfigException;
import org.hotline.config.ConfigLoader;
import org.hotline.config.HotlineConfig;
import org.hotline.prompts.PromptLibrary;
import org.hotline.server.AuditCommand;
import org.hotline.server.HotlineServer;
import org.hotline.server.StoreCommand;

/**
 * Starts the hotline server: {@code java -jar hotline-server.jar [config.yaml]}; or audits a day against
 * Asterisk's CEL and exits: {@code java -jar hotline-server.jar audit 2026-12-06 [config.yaml]}; or checks the
 * configuration and the prompts, prints where the pages are served and exits: {@code java -jar hotline-server.jar
 * check [config.yaml]} (bin/hotline runs it before starting anything, so a bad setting comes alone); or runs the
 * embedded store alone for several servers on one machine: {@code java -jar hotline-server.jar store DATA_DIR PORT}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("store")) {
            System.exit(StoreCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
            return;
        }
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.getOrDefault("HOTLINE_HOME", ".")).toAbsolutePath().normalize();
        boolean audit = args.length > 0 && args[0].equals("audit");
        boolean check = args.length > 0 && args[0].equals("check");
        int fileArgument = audit ? 2 : check ? 1 : 0;
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
        if (check) {
            System.exit(check(config));
            return;
        }
        if (audit) {
            System.exit(AuditCommand.run(args.length > 1 ? args[1] : null, config, System.out, System.err));
            return;
        }
        try {
            HotlineServer server = HotlineServer.start(config, Clock.systemUTC());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
            // a standby that could not take over, or a server another took over from: it stops (the
            // shutdown hook lets its conversations end) and its service manager starts it again
            server.failure().whenComplete((ignored, e) -> {
                System.err.println("hotline: stopping: " + e.getMessage());
                Thread.ofPlatform().name("step-down").start(() -> System.exit(3));
            });
        } catch (ConfigException e) {
            System.err.println("hotline: configuration error: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("hotline: cannot start: " + e.getMessage());
            System.exit(1);
        }
    }

    /** What the server checks before it starts anything; prints the pages' scheme, bind address and port. */
    private static int check(HotlineConfig config) {
        try {
            PromptLibrary.verify(config.promptsDir(), config.company());
        } catch (ConfigException e) {
            System.err.println("hotline: configuration error: " + e.getMessage());
            return 2;
        }
        HotlineConfig.Http http = config.http();
        System.out.println((http.tls() == null ? "http" : "https") + " " + http.bindAddress() + " " + http.port());
        return 0;
    }
}
