package org.hotline.prompts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.shared.Language;
import org.hotline.call.Prompt;
import org.hotline.call.Speech;
import org.hotline.call.SpokenNumber;
import org.hotline.config.ConfigException;
import org.hotline.config.HotlineConfig;

/**
 * The recorded prompts in {@code ivr-prompts/}: checked at start-up (every prompt present in
 * every language, and the greeting made for the configured company), and named the way
 * Asterisk finds them ({@code bin/asterisk} installs them under {@code sounds/hotline/<lang>/}).
 */
public final class PromptLibrary {

    private PromptLibrary() {
    }

    /** Asterisk's name for a prompt, e.g. {@code hotline/zh/greeting}. */
    public static String asteriskName(Language language, Speech speech) {
        return "hotline/" + language.code() + "/" + speech.fileName();
    }

    /** Whether a prompt is recorded in every language (for prompts a user names, e.g. a campaign's notice). */
    public static boolean recordedInEveryLanguage(Path dir, Speech speech) {
        for (Language language : Language.values()) {
            if (!Files.isRegularFile(dir.resolve(language.code()).resolve(speech.fileName() + ".wav"))) {
                return false;
            }
        }
        return true;
    }

    /** Fails start-up when a prompt is missing or the greeting names another company. */
    public static void verify(Path dir, HotlineConfig.Company company) {
        List<String> problems = new ArrayList<>();
        for (Language language : Language.values()) {
            for (Speech speech : everything()) {
                Path audio = dir.resolve(language.code()).resolve(speech.fileName() + ".wav");
                if (!Files.isRegularFile(audio)) {
                    problems.add("missing " + audio);
                }
            }
            String expected = language == Language.ZH ? company.name() : company.nameEn();
            String recorded = recordedCompany(dir.resolve(language.code()).resolve("GENERATED"));
            if (!expected.equals(recorded)) {
                problems.add(language.code() + " prompts name the company '" + recorded + "' but the configuration says '"
                        + expected + "': remake them with `" + generateCommand(language, expected) + "`, or record new prompts"
                        + " and update " + dir.resolve(language.code()).resolve("GENERATED"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("company.name / prompts.dir: " + String.join("; ", problems));
        }
    }

    /**
     * How long the longest recorded prompt plays (every prompt, every language): a prompt under way
     * must fit in the deadline Asterisk keeps on a caller the server holds.
     *
     * @throws ConfigException when a prompt cannot be read as audio
     */
    public static java.time.Duration longest(Path dir) {
        java.time.Duration longest = java.time.Duration.ZERO;
        for (Language language : Language.values()) {
            for (Speech speech : everything()) {
                Path audio = dir.resolve(language.code()).resolve(speech.fileName() + ".wav");
                try {
                    javax.sound.sampled.AudioFileFormat format = javax.sound.sampled.AudioSystem.getAudioFileFormat(audio.toFile());
                    long millis = (long) Math.ceil(format.getFrameLength() * 1000.0 / format.getFormat().getFrameRate());
                    if (format.getFrameLength() < 0 || millis < 0) {
                        throw new ConfigException("prompts.dir: " + audio + " does not say how long it plays");
                    }
                    longest = longest.compareTo(java.time.Duration.ofMillis(millis)) >= 0 ? longest : java.time.Duration.ofMillis(millis);
                } catch (javax.sound.sampled.UnsupportedAudioFileException | IOException e) {
                    throw new ConfigException("prompts.dir: " + audio + " is not a WAV file Java can read: " + e.getMessage());
                }
            }
        }
        return longest;
    }

    /** The command that remakes one language's prompts for this name, quoted for a POSIX shell. */
    static String generateCommand(Language language, String company) {
        String option = language == Language.ZH ? "--company" : "--company-en";
        return "ivr-prompts/generate --lang " + language.code() + " " + option + " '" + company.replace("'", "'\\''") + "'";
    }

    private static List<Speech> everything() {
        List<Speech> all = new ArrayList<>(List.of(Prompt.values()));
        for (int n = SpokenNumber.MIN; n <= SpokenNumber.MAX; n++) {
            all.add(new SpokenNumber(n));
        }
        return all;
    }

    private static String recordedCompany(Path generated) {
        try {
            for (String line : Files.readAllLines(generated, StandardCharsets.UTF_8)) {
                if (line.startsWith("company=")) {
                    return line.substring("company=".length()).strip();
                }
            }
            return "(not stated in " + generated + ")";
        } catch (IOException e) {
            return "(unknown: " + generated + " is missing)";
        }
    }
}
