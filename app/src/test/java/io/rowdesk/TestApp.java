package io.rowdesk;

import io.rowdesk.auth.Role;
import io.rowdesk.config.ConfigResolver;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.config.StartupOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Rowdesk on a temporary data folder with a small demo, listening on a free port. Users of
 * each role are created with known passwords and API tokens.
 */
public final class TestApp implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String PASSWORD = "correct horse battery";
    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    public static final double SCALE = 0.01;

    private final Rowdesk rowdesk;
    private final Map<Role, String> tokens = new HashMap<>();

    private TestApp(Rowdesk rowdesk) {
        this.rowdesk = rowdesk;
    }

    public static TestApp start(Path dataDir) {
        return start(dataDir, null);
    }

    /**
     * With {@code configFile}, its sections are added to the demo's (as {@code serve --demo
     * --config}).
     */
    public static TestApp start(Path dataDir, Path configFile) {
        return start(dataDir, configFile, SCALE);
    }

    /**
     * As {@link #start(Path, Path)}, with a demo of another scale (the search evaluation uses 0.1).
     */
    public static TestApp start(Path dataDir, Path configFile, double scale) {
        return start(dataDir, configFile, scale, true);
    }

    /** A Rowdesk on {@code configFile} alone, without the demo (sources and sync tests). */
    public static TestApp withoutDemo(Path dataDir, Path configFile) {
        return start(dataDir, configFile, SCALE, false);
    }

    private static TestApp start(Path dataDir, Path configFile, double scale, boolean demo) {
        Map<String, String> env =
                Map.of(
                        "ROWDESK_ADMIN_PASSWORD",
                        ADMIN_PASSWORD,
                        "ROWDESK_ADMIN_TOKEN",
                        ADMIN_TOKEN);
        RowdeskConfig config =
                new ConfigResolver(env)
                        .resolve(new StartupOptions(configFile, dataDir, 0, demo, scale, AS_OF));
        Rowdesk rowdesk = new Rowdesk(config, env, Clock.systemUTC()).start("127.0.0.1");
        TestApp app = new TestApp(rowdesk);
        app.tokens.put(Role.ADMIN, ADMIN_TOKEN);
        for (Role role : new Role[] {Role.VIEWER, Role.BUILDER}) {
            String email = role.label() + "@example.com";
            var user =
                    rowdesk.auth()
                            .findUser(email)
                            .orElseGet(
                                    () -> rowdesk.auth().createUser(email, role, PASSWORD, "test"));
            app.tokens.put(role, rowdesk.auth().createApiToken(user, "test"));
        }
        return app;
    }

    public Rowdesk rowdesk() {
        return rowdesk;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + rowdesk.port();
    }

    public String token(Role role) {
        return tokens.get(role);
    }

    public static String email(Role role) {
        return role == Role.ADMIN ? "admin@localhost" : role.label() + "@example.com";
    }

    public static String password(Role role) {
        return role == Role.ADMIN ? ADMIN_PASSWORD : PASSWORD;
    }

    @Override
    public void close() {
        rowdesk.close();
    }
}
