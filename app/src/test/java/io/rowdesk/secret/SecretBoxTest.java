package io.rowdesk.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    @TempDir Path dir;

    @Test
    void sealed_secrets_open_again_and_never_show_their_text() {
        SecretBox box = SecretBox.open(Map.of(), dir);
        String sealed = box.seal("whsec_canary_123");
        assertThat(sealed).startsWith("v1:").doesNotContain("canary");
        assertThat(box.seal("whsec_canary_123")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("whsec_canary_123");
        assertThat(SecretBox.mask("whsec_canary_123")).doesNotContain("w", "3");
    }

    @Test
    void the_key_file_is_created_owner_only_and_reused() throws Exception {
        SecretBox first = SecretBox.open(Map.of(), dir);
        Path file = dir.resolve(SecretBox.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        String sealed = first.seal("x");
        assertThat(SecretBox.open(Map.of(), dir).open(sealed)).isEqualTo("x");
        assertThat(first.origin()).isEqualTo("file");
    }

    @Test
    void a_tampered_value_or_another_key_is_refused_with_a_clear_message() {
        SecretBox box = SecretBox.open(Map.of(SecretBox.ENV, "k".repeat(40)), dir);
        String sealed = box.seal("secret");
        String tampered =
                sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> box.open(tampered)).hasMessageContaining("cannot be decrypted");
        SecretBox other = SecretBox.open(Map.of(SecretBox.ENV, "j".repeat(40)), dir);
        assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining(SecretBox.ENV);
        assertThat(Files.exists(dir.resolve(SecretBox.KEY_FILE))).as("env key: no file").isFalse();
    }

    @Test
    void a_short_environment_key_is_refused() {
        assertThatThrownBy(() -> SecretBox.open(Map.of(SecretBox.ENV, "short"), dir))
                .hasMessageContaining("at least 32 characters");
    }

    @Test
    void derived_keys_differ_by_purpose() {
        SecretBox box = SecretBox.ofKey(new byte[32]);
        assertThat(box.derive("audit-chain")).hasSize(32).isNotEqualTo(box.derive("other"));
    }
}
