package org.hotline.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pages' sources keep the rules the Content-Security-Policy and the escaping rest on: no
 * markup built from strings, no inline scripts or handlers, and every UI string in both
 * dictionaries.
 */
class WebSourcesTest {

    private static final Pattern MARKUP_FROM_TEXT = Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(|srcdoc");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=|\\sstyle\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_KEY = Pattern.compile("data-i18n(?:-placeholder|-title)?=\"([^\"]+)\"");
    private static final Pattern JS_KEY = Pattern.compile("\\bt\\('([^']+)'|i18n: '([^']+)'");

    @Test
    void noScriptBuildsMarkupFromText() throws Exception {
        for (Path script : files(".js")) {
            assertThat(MARKUP_FROM_TEXT.matcher(read(script)).find()).as(script.getFileName() + " builds markup from text").isFalse();
        }
    }

    @Test
    void pagesHaveNoInlineScriptsHandlersOrStyles() throws Exception {
        for (Path page : files(".html")) {
            String html = read(page);
            assertThat(INLINE_SCRIPT.matcher(html).find()).as(page.getFileName() + ": a script without src").isFalse();
            assertThat(INLINE_HANDLER.matcher(html).find()).as(page.getFileName() + ": an inline handler or style").isFalse();
            assertThat(html).as(page.getFileName() + ": the refused banner").containsAnyOf("id=\"refused\"", "id=\"login-error\"");
        }
    }

    @Test
    void everyStringThePagesNameIsInBothDictionaries() throws Exception {
        Set<String> used = new TreeSet<>();
        for (Path file : files("")) {
            Matcher keys = (file.toString().endsWith(".html") ? HTML_KEY : JS_KEY).matcher(read(file));
            while (keys.find()) {
                used.add(keys.group(1) != null ? keys.group(1) : keys.group(2));
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertInBothDictionaries(used);
    }

    @Test
    void everyWayACallEndsAndEveryAgentStateHasANameInBothLanguages() throws Exception {
        Set<String> keys = new TreeSet<>();
        for (var outcome : org.hotline.call.FlowOutcome.values()) {
            keys.add("callOutcome." + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        for (var state : org.hotline.routing.AgentState.values()) {
            keys.add("state." + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        assertInBothDictionaries(keys);
    }

    @Test
    void everyUnitOfTimeEveryRefusalAndEveryLanguageOfTheMenuIsSaidInBothLanguages() throws Exception {
        Set<String> keys = new TreeSet<>(Set.of("unit.h", "unit.min", "unit.s", "unit.join", "format.timeShare",
                "refused.page", "refused.action", "refused.export", "refused.csrf"));
        for (var language : org.hotline.shared.Language.values()) {
            keys.add("language." + language.code());
        }
        assertInBothDictionaries(keys);
    }

    /** The catalogue names the figures; the dictionaries carry its labels for the pages to show. */
    @Test
    void everyFigureIsLabelledInBothLanguagesAsTheCatalogueNamesItAndThePagesNameNoOther() throws Exception {
        String dictionaries = read(web().resolve("i18n.js"));
        int english = dictionaries.indexOf("\n  en: {");
        for (org.hotline.report.Figure figure : org.hotline.report.Figure.values()) {
            String key = "'figure." + figure.id() + "': '";
            assertThat(dictionaries.substring(0, english)).as("zh: " + figure.id()).contains(key + figure.label().zh() + "',");
            assertThat(dictionaries.substring(english)).as("en: " + figure.id()).contains(key + figure.label().en() + "',");
        }
        Pattern figureKey = Pattern.compile("[\"']figure\\.([\\w.-]+)[\"']");
        for (Path file : files("")) {
            Matcher keys = figureKey.matcher(read(file));
            while (keys.find()) {
                assertThat(org.hotline.report.Figure.byId(keys.group(1))).as(file.getFileName() + ": figure." + keys.group(1))
                        .isPresent();
            }
        }
    }

    private static void assertInBothDictionaries(Set<String> keys) throws Exception {
        String dictionaries = read(web().resolve("i18n.js"));
        int english = dictionaries.indexOf("\n  en: {");
        assertThat(english).isPositive();
        for (String key : keys) {
            assertThat(dictionaries.indexOf("'" + key + "': ")).as("zh: " + key).isBetween(0, english);
            assertThat(dictionaries.indexOf("'" + key + "': ", english)).as("en: " + key).isPositive();
        }
    }

    private static Path web() throws Exception {
        return Path.of(WebSourcesTest.class.getResource("/web/login.html").toURI()).getParent();
    }

    private static List<Path> files(String suffix) throws Exception {
        try (Stream<Path> all = Files.list(web())) {
            return all.filter(path -> path.toString().endsWith(suffix)
                    && (path.toString().endsWith(".js") || path.toString().endsWith(".html"))).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
