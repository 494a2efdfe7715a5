package org.hotline.server;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.hotline.access.FirstAdmin;
import org.hotline.access.Passwords;
import org.hotline.access.Users;
import org.hotline.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first run's administrator: made as the server starts (so the first login finds it), or, when the
 * store does not answer yet, off the event loop and tried again until it does. A generated password goes
 * to a file only its owner can read, never to the log.
 */
final class FirstRun {

    private static final Logger LOG = LoggerFactory.getLogger(FirstRun.class);
    private static final long RETRY_MS = 10_000;

    private FirstRun() {
    }

    /** At start-up, on the starting thread (never the event loop). */
    static void adminWhenNoUsers(Vertx vertx, Users users, Passwords passwords, HotlineConfig.Access access) {
        try {
            FirstAdmin.ensure(users, passwords, access.firstAdminPassword(), new SecureRandom())
                    .ifPresent(password -> written(access.firstAdminPasswordFile(), password));
        } catch (RuntimeException e) {
            LOG.warn("could not check for users yet ({}); trying again in {} s", e.toString(), RETRY_MS / 1000);
            vertx.setTimer(RETRY_MS, id -> retry(vertx, users, passwords, access));
        }
    }

    private static void retry(Vertx vertx, Users users, Passwords passwords, HotlineConfig.Access access) {
        vertx.executeBlocking(() -> FirstAdmin.ensure(users, passwords, access.firstAdminPassword(), new SecureRandom()), false)
                .onSuccess(generated -> generated.ifPresent(password -> written(access.firstAdminPasswordFile(), password)))
                .onFailure(e -> {
                    LOG.warn("could not check for users yet ({}); trying again in {} s", e.toString(), RETRY_MS / 1000);
                    vertx.setTimer(RETRY_MS, id -> retry(vertx, users, passwords, access));
                });
    }

    private static void written(Path file, String password) {
        try {
            org.hotline.config.OwnerOnly.directory(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n");
            LOG.warn("first run: user '{}' made; its password is in {} (log in and change it)", FirstAdmin.NAME, file);
        } catch (IOException | RuntimeException e) {
            LOG.error("first run: user '{}' made, but its password could not be written to {}: {}. Set HOTLINE_ADMIN_PASSWORD"
                    + " and empty the users collection to start again", FirstAdmin.NAME, file, e.toString());
        }
    }
}
