package org.hotline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool file keeps lines in the order they were appended, survives a crash mid-line, and is the owner's alone. */
class SpoolFileTest {

    @TempDir
    Path dir;

    @Test
    void linesComeBackAtTheNextOpeningInTheOrderTheyWereAppended() throws Exception {
        Path path = dir.resolve("a.spool");
        try (SpoolFile file = SpoolFile.open(path)) {
            assertThat(file.recovered()).isEmpty();
            file.append(List.of("one", "two"));
            file.append(List.of("three"));
        }
        try (SpoolFile file = SpoolFile.open(path)) {
            assertThat(file.recovered()).containsExactly("one", "two", "three");
            file.append(List.of("four"));
        }
        try (SpoolFile file = SpoolFile.open(path)) {
            assertThat(file.recovered()).containsExactly("one", "two", "three", "four");
        }
    }

    @Test
    void aTornLastLineFromACrashIsCutOffAndWhatFollowsStartsOnItsOwnLine() throws Exception {
        Path path = dir.resolve("torn.spool");
        Files.writeString(path, "{\"a\": 1}\n{\"b\": 2}\n{\"c\": ", StandardCharsets.UTF_8);

        try (SpoolFile file = SpoolFile.open(path)) {
            assertThat(file.recovered()).containsExactly("{\"a\": 1}", "{\"b\": 2}");
            file.append(List.of("{\"d\": 4}"));
        }
        assertThat(Files.readAllLines(path)).containsExactly("{\"a\": 1}", "{\"b\": 2}", "{\"d\": 4}");
    }

    @Test
    void emptiedOnceTheStoreHasEverything() throws Exception {
        Path path = dir.resolve("b.spool");
        try (SpoolFile file = SpoolFile.open(path)) {
            file.append(List.of("one"));
            file.clear();
            file.append(List.of("two"));
        }
        assertThat(Files.readAllLines(path)).containsExactly("two");
    }

    @Test
    void onlyTheOwnerMayReadIt() throws Exception {
        Path path = dir.resolve("c.spool");
        try (SpoolFile file = SpoolFile.open(path)) {
            file.append(List.of("+8613800138000"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    }

    @Test
    void twoServersCannotShareOneSpool() throws Exception {
        Path path = dir.resolve("d.spool");
        try (SpoolFile first = SpoolFile.open(path)) {
            assertThatThrownBy(() -> SpoolFile.open(path)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another hotline server");
        }
    }

    @Test
    void aLineBreakInsideALineIsRefused() throws Exception {
        try (SpoolFile file = SpoolFile.open(dir.resolve("e.spool"))) {
            assertThatThrownBy(() -> file.append(List.of("a\nb"))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.readString(dir.resolve("e.spool"))).isEmpty();
    }
}
