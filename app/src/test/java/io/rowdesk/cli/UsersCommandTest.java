package io.rowdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.TestApp;
import io.rowdesk.auth.Role;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rowdesk users} on a data folder no server holds. */
class UsersCommandTest {
    @Test
    void add_invite_and_disable_work_on_the_data_folder(@TempDir Path dir) {
        Path data = dir.resolve("data");
        TestApp.start(data).close();
        InputStream stdin = System.in;
        try {
            System.setIn(
                    new ByteArrayInputStream(
                            (TestApp.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
            assertThat(
                            RowdeskCommand.commandLine()
                                    .execute(
                                            "users",
                                            "add",
                                            "ops@example.com",
                                            "--role",
                                            "builder",
                                            "--data-dir",
                                            data.toString()))
                    .isZero();
            System.setIn(
                    new ByteArrayInputStream("password1234\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(
                            RowdeskCommand.commandLine()
                                    .execute(
                                            "users",
                                            "add",
                                            "weak@example.com",
                                            "--role",
                                            "viewer",
                                            "--data-dir",
                                            data.toString()))
                    .isEqualTo(1);
        } finally {
            System.setIn(stdin);
        }
        assertThat(
                        RowdeskCommand.commandLine()
                                .execute(
                                        "users",
                                        "invite",
                                        "later@example.com",
                                        "--role",
                                        "viewer",
                                        "--data-dir",
                                        data.toString()))
                .isZero();
        assertThat(
                        RowdeskCommand.commandLine()
                                .execute(
                                        "users",
                                        "disable",
                                        "ops@example.com",
                                        "--data-dir",
                                        data.toString()))
                .isZero();
        try (TestApp app = TestApp.start(data)) {
            var ops =
                    app.rowdesk().auth().listUsers().stream()
                            .filter(u -> u.email().equals("ops@example.com"))
                            .findFirst()
                            .orElseThrow();
            assertThat(ops.role()).isEqualTo(Role.BUILDER);
            assertThat(ops.disabled()).isTrue();
            assertThat(app.rowdesk().auth().listUsers())
                    .noneMatch(u -> u.email().equals("weak@example.com"));
            assertThat(app.rowdesk().audit().verifier().verify().intact()).isTrue();
        }
    }
}
