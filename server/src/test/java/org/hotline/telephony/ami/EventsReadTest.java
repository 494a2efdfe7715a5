package org.hotline.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.UserEvent;
import org.junit.jupiter.api.Test;

class EventsReadTest {

    /** Answers to the server's own actions (lists, statuses): Asterisk sends them whatever the filter. */
    private static final Set<String> ANSWERS = Set.of("CoreShowChannelEvent", "StatusEvent", "ContactList");
    /** The library's own notices of its connection, not Asterisk's events. */
    private static final Set<String> THE_LIBRARYS_OWN = Set.of("ConnectEvent", "DisconnectEvent");
    /** The library's common parents of events read by their own names (AGIExecStart, AGIExecEnd). */
    private static final Set<String> PARENTS = Set.of("AgiExecEvent");

    @Test
    void everyEventTheServersCodeReadsIsAskedOfAsterisk() {
        Set<String> read = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotline")) {
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                eventName(dependency.getTargetClass()).ifPresent(read::add);
            }
        }
        Set<String> asked = EventsRead.filters().stream()
                .map(filter -> filter.getMatchCriteria().replaceAll(".*name\\(([^)]+)\\).*", "$1").toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(read).as("events the code reads").contains("newchannel", "hangup", "dialend", "agiexecstart", "userevent");
        assertThat(asked).containsAll(read);
    }

    @Test
    void ofTheAgiCommandsOnlyTheGreetingsAreAsked() {
        assertThat(EventsRead.filters()).filteredOn(filter -> filter.getMatchCriteria().contains("AGIExec"))
                .allSatisfy(filter -> {
                    assertThat(filter.getMatchCriteria()).contains("header(Command)", "method(contains)");
                    assertThat(filter.getFilter()).isEqualTo("/greeting");
                });
    }

    /** The AMI name of an event class the way the library maps it: the class name less "Event", any case. */
    private static java.util.Optional<String> eventName(JavaClass type) {
        if (!type.isAssignableTo(ManagerEvent.class) || type.getModifiers().contains(JavaModifier.ABSTRACT)
                || type.isEquivalentTo(ManagerEvent.class)) {
            return java.util.Optional.empty();
        }
        if (type.isAssignableTo(UserEvent.class)) {
            return java.util.Optional.of("userevent"); // the dialplan's UserEvent(Name), read as the class of that name
        }
        JavaClass library = type;
        while (!library.getPackageName().startsWith("org.asteriskjava")) {
            library = library.getRawSuperclass().orElseThrow();
        }
        // a class of the server's own for an event the library has none for: read by its own name
        String name = library.isEquivalentTo(ManagerEvent.class) ? type.getSimpleName() : library.getSimpleName();
        if (ANSWERS.contains(name) || THE_LIBRARYS_OWN.contains(name) || PARENTS.contains(name)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(name.replaceFirst("Event$", "").toLowerCase(Locale.ROOT));
    }
}
