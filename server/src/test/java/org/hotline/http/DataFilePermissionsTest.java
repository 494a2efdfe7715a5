package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server keeps on disk is its own user's only, whatever the umask it was started with:
 * the embedded store's directory and file, the uploads directory, the secrets directory and the first
 * administrator's password. Read from the file system after a first start of the whole server.
 */
class DataFilePermissionsTest {

    @TempDir
    Path state;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theStoreUploadsAndSecretsAreOwnerOnly() throws Exception {
        // no MONGO_URI: the embedded store; no HOTLINE_ADMIN_PASSWORD: the first start writes one under secrets/
        try (RunningHotline hotline = new RunningHotline(state, Map.of("MONGO_URI", "", "HOTLINE_ADMIN_PASSWORD", ""))) {
            Path data = hotline.config.mongo().dataDir();
            Path uploads = data.resolveSibling("uploads");
            Path secrets = hotline.config.access().firstAdminPasswordFile().getParent();

            assertThat(mode(data)).as("data directory").isEqualTo("rwx------");
            assertThat(mode(data.resolve("hotline.mv"))).as("the embedded store's file").isEqualTo("rw-------");
            assertThat(mode(uploads)).as("uploads directory").isEqualTo("rwx------");
            assertThat(mode(secrets)).as("secrets directory").isEqualTo("rwx------");
            assertThat(mode(hotline.config.access().firstAdminPasswordFile())).as("first password").isEqualTo("rw-------");
        }
    }

    @Test
    void directoriesMadeEarlierWithLooserModesAreTightenedAtStart() throws Exception {
        Path data = Files.createDirectories(state.resolve("data"));
        Path uploads = Files.createDirectories(state.resolve("uploads"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(uploads, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (RunningHotline hotline = new RunningHotline(state, Map.of("MONGO_URI", ""))) {
            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(uploads)).isEqualTo("rwx------");
        }
    }
}
