package io.rowdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.Rowdesk;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.auth.ApiTokenRepository;
import io.rowdesk.auth.AuthConfig;
import io.rowdesk.auth.AuthService;
import io.rowdesk.auth.InviteRepository;
import io.rowdesk.auth.PasswordHasher;
import io.rowdesk.auth.PasswordPolicy;
import io.rowdesk.auth.Role;
import io.rowdesk.auth.SessionRepository;
import io.rowdesk.auth.User;
import io.rowdesk.auth.UserRepository;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.json.Json;
import io.rowdesk.secret.SecretBox;
import io.rowdesk.store.DuckDbStateStore;
import io.rowdesk.store.SqlFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rowdesk users add|invite|disable} for scripts: through a running server's API when {@code
 * --url} (or ROWDESK_URL) is given, with an admin's token in ROWDESK_TOKEN; otherwise on the data
 * folder directly, which works only while no server holds it open.
 */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "Add, invite and disable users.",
        subcommands = {
            UsersCommand.Add.class,
            UsersCommand.Invite.class,
            UsersCommand.Disable.class
        })
public final class UsersCommand {
    private static final ObjectMapper JSON = Json.MAPPER;

    /** Where to act: a server's API, or the data folder. */
    static final class Target {
        @Option(
                names = "--url",
                paramLabel = "URL",
                description = "A running server (default: ROWDESK_URL); needs ROWDESK_TOKEN.")
        String url;

        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                defaultValue = "data",
                description = "The data folder when no server runs (default ${DEFAULT-VALUE}).")
        Path dataDir;

        String url() {
            return url != null ? url : System.getenv("ROWDESK_URL");
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a user; the password is read from standard input.")
    static final class Add implements Callable<Integer> {
        @Mixin Target target;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Option(names = "--role", required = true, description = "viewer, builder or admin")
        String role;

        @Override
        public Integer call() throws IOException {
            String password = readPassword();
            if (target.url() != null) {
                JsonNode answer =
                        api(
                                target.url(),
                                "POST",
                                "/api/v1/users",
                                Map.of("email", email, "role", role, "password", password));
                System.out.println(
                        "Added "
                                + answer.path("email").asText()
                                + " as "
                                + answer.path("role").asText()
                                + ".");
                return 0;
            }
            return onDataDir(
                    target.dataDir,
                    auth -> {
                        User user = auth.createUser(email, parseRole(role), password, "cli");
                        System.out.println(
                                "Added " + user.email() + " as " + user.role().label() + ".");
                        return 0;
                    });
        }
    }

    @Command(
            name = "invite",
            mixinStandardHelpOptions = true,
            description = "Create a single-use invite link.")
    static final class Invite implements Callable<Integer> {
        @Mixin Target target;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Option(names = "--role", required = true, description = "viewer, builder or admin")
        String role;

        @Override
        public Integer call() throws IOException {
            if (target.url() != null) {
                JsonNode answer =
                        api(
                                target.url(),
                                "POST",
                                "/api/v1/invites",
                                Map.of("email", email, "role", role));
                System.out.println(answer.path("url").asText());
                return 0;
            }
            return onDataDir(
                    target.dataDir,
                    auth -> {
                        User cli = new User(0, "cli", Role.ADMIN);
                        var invite = auth.invite(email, parseRole(role), cli);
                        System.out.println(
                                "/invite/"
                                        + invite.token()
                                        + "  (prefix it with the server's address; valid until "
                                        + invite.expires()
                                        + " UTC)");
                        return 0;
                    });
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description = "Disable a user; their sessions and tokens stop at once.")
    static final class Disable implements Callable<Integer> {
        @Mixin Target target;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        public Integer call() throws IOException {
            if (target.url() != null) {
                JsonNode users = api(target.url(), "GET", "/api/v1/users", null);
                for (JsonNode user : users.path("users")) {
                    if (user.path("email").asText().equalsIgnoreCase(email.trim())) {
                        api(
                                target.url(),
                                "PATCH",
                                "/api/v1/users/" + user.path("id").asLong(),
                                Map.of("disabled", true));
                        System.out.println("Disabled " + email + ".");
                        return 0;
                    }
                }
                System.err.println("rowdesk: there is no user " + email);
                return 1;
            }
            return onDataDir(
                    target.dataDir,
                    auth -> {
                        var user =
                                auth.listUsers().stream()
                                        .filter(u -> u.email().equalsIgnoreCase(email.trim()))
                                        .findFirst();
                        if (user.isEmpty()) {
                            System.err.println("rowdesk: there is no user " + email);
                            return 1;
                        }
                        auth.updateUser(
                                user.get().id(), null, true, new User(0, "cli", Role.ADMIN));
                        System.out.println("Disabled " + email + ".");
                        return 0;
                    });
        }
    }

    static Role parseRole(String text) {
        Role role = Role.parse(text);
        if (role == null) {
            throw new IllegalArgumentException("--role must be viewer, builder or admin");
        }
        return role;
    }

    static String readPassword() throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("pipe the new user's password into standard input");
        }
        return line;
    }

    static int onDataDir(Path dataDir, Function<AuthService, Integer> action) {
        Path file = dataDir.resolve("rowdesk.db");
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(
                    "no state database at " + file + "; pass --data-dir or --url");
        }
        Clock clock = Clock.systemUTC();
        try (DuckDbStateStore state = DuckDbStateStore.open(file, new SqlFiles())) {
            SecretBox secrets = SecretBox.open(System.getenv(), dataDir);
            AuditLog audit =
                    new AuditLog(state.jdbi(), clock, Rowdesk.auditAnchor(secrets, dataDir));
            AuthService auth =
                    new AuthService(
                            new UserRepository(state.jdbi()),
                            new SessionRepository(state.jdbi()),
                            new ApiTokenRepository(state.jdbi()),
                            new InviteRepository(state.jdbi()),
                            new PasswordHasher(),
                            new PasswordPolicy(),
                            secrets,
                            audit,
                            AuthConfig.DEFAULT,
                            clock);
            try {
                return action.apply(auth);
            } catch (UserFacingException e) {
                System.err.println("rowdesk: " + e.getMessage());
                return 1;
            }
        }
    }

    static JsonNode api(String base, String method, String path, Map<String, ?> body)
            throws IOException {
        String token = System.getenv("ROWDESK_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("set ROWDESK_TOKEN to an admin's API token");
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient()
                            .send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer =
                    response.body().isBlank()
                            ? JSON.createObjectNode()
                            : JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(
                        answer.path("error")
                                .asText("the server answered " + response.statusCode()));
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
