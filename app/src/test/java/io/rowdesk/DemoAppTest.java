package io.rowdesk;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * For test classes that share one real app on a small demo: started before the class, stopped after
 * it. Test classes run one after another, so each gets its own app in these fields.
 */
public abstract class DemoAppTest {
    @TempDir protected static Path dataDir;
    protected static TestApp app;
    protected static TestHttp http;

    @BeforeAll
    static void startDemoApp() {
        app = TestApp.start(dataDir);
        http = new TestHttp(app.baseUrl());
    }

    @AfterAll
    static void stopDemoApp() {
        if (app != null) {
            app.close();
            app = null;
        }
    }
}
