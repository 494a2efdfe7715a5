package org.hotline.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hotline.config.ConfigException;
import org.hotline.config.HotlineConfig;
import org.hotline.shared.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new company name is refused until the prompts say it, with the command that remakes them. */
class PromptLibraryTest {

    private static final Path PROJECT_PROMPTS = Path.of(System.getProperty("hotline.home", "..")).resolve("ivr-prompts");

    @TempDir
    Path prompts;

    @Test
    void thePromptsAsShippedNameTheShippedCompany() throws Exception {
        copyProjectPrompts();
        PromptLibrary.verify(prompts, new HotlineConfig.Company("三学苑", "Sanxueyuan"));
    }

    @Test
    void aRenamedCompanyIsRefusedWithTheCommandThatRemakesItsPrompts() throws Exception {
        copyProjectPrompts();
        assertThatThrownBy(() -> PromptLibrary.verify(prompts, new HotlineConfig.Company("示例公司", "Sanxueyuan")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("zh prompts name the company '三学苑' but the configuration says '示例公司'")
                .hasMessageContaining("`ivr-prompts/generate --lang zh --company '示例公司'`")
                .hasMessageNotContaining("en prompts");
    }

    @Test
    void theCommandQuotesANameForTheShell() throws Exception {
        String command = PromptLibrary.generateCommand(Language.EN, "O'Brien & Sons; Ltd");
        assertThat(command).startsWith("ivr-prompts/generate --lang en --company-en ");
        String quoted = command.substring("ivr-prompts/generate --lang en --company-en ".length());
        Process shell = new ProcessBuilder("sh", "-c", "printf %s " + quoted).start();
        assertThat(new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("O'Brien & Sons; Ltd");
    }

    @Test
    void theLongestPromptIsMeasuredFromTheAudioItself() throws Exception {
        copyProjectPrompts();
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(8000, 16, 1, true, false);
        java.time.Duration shipped = PromptLibrary.longest(PROJECT_PROMPTS);
        assertThat(shipped).isBetween(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(60));

        byte[] longer = new byte[8000 * 2 * 70]; // 70 s of 8 kHz 16-bit mono silence
        try (javax.sound.sampled.AudioInputStream audio = new javax.sound.sampled.AudioInputStream(
                new java.io.ByteArrayInputStream(longer), format, longer.length / 2)) {
            javax.sound.sampled.AudioSystem.write(audio, javax.sound.sampled.AudioFileFormat.Type.WAVE,
                    prompts.resolve("zh/menu.wav").toFile());
        }
        assertThat(PromptLibrary.longest(prompts)).isEqualTo(java.time.Duration.ofSeconds(70));

        Files.writeString(prompts.resolve("zh/menu.wav"), "not audio");
        assertThatThrownBy(() -> PromptLibrary.longest(prompts)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("zh/menu.wav");
    }

    private void copyProjectPrompts() throws Exception {
        for (Language language : Language.values()) {
            Path from = PROJECT_PROMPTS.resolve(language.code());
            Path to = Files.createDirectories(prompts.resolve(language.code()));
            try (Stream<Path> files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }
}
