package io.rowdesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
    @TempDir Path dir;

    @Test
    void with_no_file_the_demo_applies() {
        RowdeskConfig config = new ConfigResolver(Map.of()).resolve(StartupOptions.NONE);
        assertThat(config.demo().enabled()).isTrue();
        assertThat(config.sources()).hasSize(2);
        assertThat(config.server().port()).isEqualTo(7070);
    }

    @Test
    void flag_beats_environment_beats_file_beats_default() throws Exception {
        Path file = dir.resolve("rowdesk.yaml");
        Files.writeString(
                file, "server:\n  port: 8001\n  data_dir: from-file\n  timezone: Asia/Tokyo\n");
        Map<String, String> env = Map.of("ROWDESK_PORT", "8002", "ROWDESK_DATA_DIR", "from-env");

        RowdeskConfig fileOnly = new ConfigResolver(Map.of()).resolve(options(file, null, null));
        assertThat(fileOnly.server().port()).isEqualTo(8001);
        assertThat(fileOnly.server().dataDir()).isEqualTo(Path.of("from-file"));

        RowdeskConfig withEnv = new ConfigResolver(env).resolve(options(file, null, null));
        assertThat(withEnv.server().port()).isEqualTo(8002);
        assertThat(withEnv.server().dataDir()).isEqualTo(Path.of("from-env"));
        assertThat(withEnv.server().timezone().getId()).isEqualTo("Asia/Tokyo");

        RowdeskConfig withFlag =
                new ConfigResolver(env).resolve(options(file, 8003, Path.of("from-flag")));
        assertThat(withFlag.server().port()).isEqualTo(8003);
        assertThat(withFlag.server().dataDir()).isEqualTo(Path.of("from-flag"));
    }

    @Test
    void a_file_without_demo_flag_serves_only_its_own_sources() throws Exception {
        Path file = dir.resolve("rowdesk.yaml");
        Files.writeString(file, "sources:\n  - {name: files, kind: files, path: x}\n");
        assertThat(new ConfigResolver(Map.of()).resolve(options(file, null, null)).sources())
                .extracting(SourceConfig::name)
                .containsExactly("files");
        RowdeskConfig withDemo =
                new ConfigResolver(Map.of())
                        .resolve(
                                new StartupOptions(
                                        file, null, null, true, 0.01, LocalDate.of(2026, 1, 1)));
        assertThat(withDemo.sources())
                .extracting(SourceConfig::name)
                .containsExactly("app", "warehouse", "files");
        assertThat(withDemo.demo().scale()).isEqualTo(0.01);
        assertThat(withDemo.demo().asOf()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void a_bad_environment_value_is_named() {
        assertThatThrownBy(
                        () ->
                                new ConfigResolver(Map.of("ROWDESK_PORT", "x"))
                                        .resolve(StartupOptions.NONE))
                .hasMessageContaining(
                        "ROWDESK_PORT: must be a whole number from 0 to 65535, got 'x'");
    }

    @Test
    void a_missing_config_file_is_a_clear_error() {
        assertThatThrownBy(
                        () ->
                                new ConfigResolver(Map.of())
                                        .resolve(options(dir.resolve("nope.yaml"), null, null)))
                .hasMessageContaining("nope.yaml")
                .hasMessageContaining("does not exist");
    }

    private static StartupOptions options(Path file, Integer port, Path dataDir) {
        return new StartupOptions(file, dataDir, port, false, null, null);
    }
}
