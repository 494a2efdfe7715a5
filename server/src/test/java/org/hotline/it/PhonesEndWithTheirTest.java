package org.hotline.it;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every softphone ends with the test that started it: one started by a test method (or its
 * {@code @BeforeEach}) is closed after that method, one started for the whole class after the class,
 * even if the test forgot or failed before closing it. Registered for every test class (see
 * {@code junit-platform.properties}); the tests run one at a time, so what started during a test is
 * that test's.
 */
public final class PhonesEndWithTheirTest implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    /** The phones running now (kept here so that loading this extension starts no phone machinery). */
    static final Set<Softphone> LIVE = ConcurrentHashMap.newKeySet();

    private final Set<Softphone> beforeThisTest = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeEach(ExtensionContext context) {
        beforeThisTest.clear();
        beforeThisTest.addAll(LIVE);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Set<Softphone> startedByThisTest = new HashSet<>(LIVE);
        startedByThisTest.removeAll(beforeThisTest);
        startedByThisTest.forEach(Softphone::close);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Set.copyOf(LIVE).forEach(Softphone::close);
    }
}
