package io.rowdesk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowdesk.audit.AuditLog;
import io.rowdesk.secret.SecretBox;
import io.rowdesk.store.DuckDbStateStore;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session lifetimes, second factors and the password rule, on a real state store and a clock we
 * move.
 */
class AuthServiceTest {
    static final String STRONG = "Velvet harbor compass 92";

    /** A clock the test moves forward by hand. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-20T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TempDir Path dir;
    DuckDbStateStore state;
    MovingClock clock = new MovingClock();
    AuthService auth;

    @BeforeEach
    void open() {
        state = DuckDbStateStore.open(dir.resolve("rowdesk.db"), new SqlFiles());
        auth =
                service(
                        new AuthConfig(
                                "admin@localhost",
                                Duration.ofHours(12),
                                null,
                                Duration.ofMinutes(60),
                                null));
    }

    AuthService service(AuthConfig config) {
        return new AuthService(
                new UserRepository(state.jdbi()),
                new SessionRepository(state.jdbi()),
                new ApiTokenRepository(state.jdbi()),
                new InviteRepository(state.jdbi()),
                new PasswordHasher(),
                new PasswordPolicy(),
                SecretBox.ofKey(new byte[32]),
                new AuditLog(state.jdbi(), clock),
                config,
                clock);
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void a_session_idle_past_the_idle_timeout_is_over() {
        auth.createUser("idle@example.com", Role.VIEWER, STRONG, "test");
        String token =
                auth.login("idle@example.com", STRONG, "127.0.0.1").orElseThrow().sessionToken();
        clock.advance(Duration.ofMinutes(59));
        assertThat(auth.userForSession(token)).isPresent();
        clock.advance(Duration.ofMinutes(59));
        assertThat(auth.userForSession(token)).as("used 59 minutes ago").isPresent();
        clock.advance(Duration.ofMinutes(61));
        assertThat(auth.userForSession(token)).as("idle 61 minutes").isEmpty();
    }

    @Test
    void a_busy_session_still_ends_at_its_absolute_lifetime() {
        auth.createUser("busy@example.com", Role.VIEWER, STRONG, "test");
        String token =
                auth.login("busy@example.com", STRONG, "127.0.0.1").orElseThrow().sessionToken();
        for (int i = 0; i < 23; i++) {
            clock.advance(Duration.ofMinutes(30));
            assertThat(auth.userForSession(token)).as("after %d half hours", i + 1).isPresent();
        }
        clock.advance(Duration.ofMinutes(31));
        assertThat(auth.userForSession(token)).as("past 12 hours").isEmpty();
    }

    @Test
    void the_idle_time_survives_the_identity_cache_and_a_restart() {
        auth.createUser("restart@example.com", Role.VIEWER, STRONG, "test");
        String token =
                auth.login("restart@example.com", STRONG, "127.0.0.1").orElseThrow().sessionToken();
        clock.advance(Duration.ofMinutes(50));
        assertThat(auth.userForSession(token)).isPresent();
        AuthService restarted = service(auth.config());
        clock.advance(Duration.ofMinutes(50));
        assertThat(restarted.userForSession(token)).as("last seen 50 minutes ago").isPresent();
        clock.advance(Duration.ofMinutes(70));
        assertThat(restarted.userForSession(token)).isEmpty();
    }

    @Test
    void with_a_second_factor_the_password_alone_does_not_log_in() {
        User user = auth.createUser("totp@example.com", Role.BUILDER, STRONG, "test");
        AuthService.TwoFactorSetup setup = auth.beginTwoFactor(user);
        assertThat(setup.uri()).startsWith("otpauth://totp/").contains("issuer=Rowdesk");
        assertThatThrownBy(() -> auth.confirmTwoFactor(user, setup.secret(), "000000"))
                .hasMessageContaining("does not match");
        auth.confirmTwoFactor(user, setup.secret(), auth.currentCode(setup.secret()));

        var attempt =
                new AuthService.LoginAttempt("totp@example.com", STRONG, null, "1.2.3.4", null);
        assertThat(auth.attempt(attempt)).isInstanceOf(AuthService.CodeNeeded.class);
        var wrong =
                new AuthService.LoginAttempt("totp@example.com", STRONG, "123456", "1.2.3.4", null);
        assertThat(auth.attempt(wrong)).isInstanceOf(AuthService.Refused.class);
        var right =
                new AuthService.LoginAttempt(
                        "totp@example.com",
                        STRONG,
                        auth.currentCode(setup.secret()),
                        "1.2.3.4",
                        null);
        assertThat(auth.attempt(right)).isInstanceOf(AuthService.LoggedIn.class);
        assertThat(auth.attempt(right))
                .as("the same code again")
                .isInstanceOf(AuthService.Refused.class);
        // stored sealed, never in clear
        String stored =
                state.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT totp_secret FROM users WHERE email = 'totp@example.com'")
                                                .mapTo(String.class)
                                                .one());
        assertThat(stored).startsWith("v1:").doesNotContain(setup.secret());
    }

    @Test
    void admins_can_require_a_second_factor_from_builders_up() {
        AuthService strict =
                service(
                        new AuthConfig(
                                "admin@localhost",
                                Duration.ofHours(12),
                                null,
                                Duration.ofMinutes(60),
                                Role.BUILDER));
        User viewer = strict.createUser("v@example.com", Role.VIEWER, STRONG, "test");
        User builder = strict.createUser("b@example.com", Role.BUILDER, STRONG, "test");
        assertThat(strict.needsTwoFactorSetup(viewer)).isFalse();
        assertThat(strict.needsTwoFactorSetup(builder)).isTrue();
        var setup = strict.beginTwoFactor(builder);
        strict.confirmTwoFactor(builder, setup.secret(), strict.currentCode(setup.secret()));
        assertThat(strict.needsTwoFactorSetup(builder)).isFalse();
    }

    @Test
    void a_weak_admin_password_from_the_environment_stops_start_up_with_the_reason() {
        for (String weak :
                new String[] {"short", "password1234", "admin@localhost1", "qwertyuiopasdf"}) {
            assertThatThrownBy(() -> auth.ensureAdmin(weak, null))
                    .as(weak)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ROWDESK_ADMIN_PASSWORD is refused");
        }
        assertThat(auth.ensureAdmin(STRONG, null).created()).isTrue();
    }

    @Test
    void an_invite_works_once_and_expires() {
        User admin = auth.createUser("boss@example.com", Role.ADMIN, STRONG, "test");
        var invite = auth.invite("new@example.com", Role.BUILDER, admin);
        assertThatThrownBy(() -> auth.acceptInvite(invite.token(), "password1234"))
                .hasMessageContaining("too easy");
        User joined = auth.acceptInvite(invite.token(), STRONG);
        assertThat(joined.role()).isEqualTo(Role.BUILDER);
        assertThatThrownBy(() -> auth.acceptInvite(invite.token(), STRONG))
                .hasMessageContaining("not valid any more");

        var late = auth.invite("late@example.com", Role.VIEWER, admin);
        clock.advance(AuthService.INVITE_TTL.plusMinutes(1));
        assertThat(auth.findInvite(late.token())).isEmpty();
    }

    @Test
    void api_tokens_are_stored_hashed_record_their_last_use_and_can_be_revoked() {
        User user = auth.createUser("script@example.com", Role.VIEWER, STRONG, "test");
        var token = auth.createToken(user, "nightly export");
        assertThat(auth.userForApiToken(token.token())).isPresent();
        var listed = auth.listTokens(user);
        assertThat(listed).singleElement().satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
        String stored =
                state.jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery("SELECT token_hash FROM api_tokens")
                                                .mapTo(String.class)
                                                .one());
        assertThat(stored).isNotEqualTo(token.token()).hasSize(64);
        auth.revokeToken(user, token.id());
        assertThat(auth.userForApiToken(token.token())).isEmpty();
    }

    @Test
    void the_last_active_admin_cannot_be_disabled_or_demoted() {
        User admin = auth.createUser("only@example.com", Role.ADMIN, STRONG, "test");
        assertThatThrownBy(() -> auth.updateUser(admin.id(), null, true, admin))
                .hasMessageContaining("last active admin");
        assertThatThrownBy(() -> auth.updateUser(admin.id(), Role.VIEWER, null, admin))
                .hasMessageContaining("last active admin");
    }
}
