package io.rowdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTest {
    @TempDir Path dataDir;

    @Test
    void second_start_reuses_demo_and_snapshots_and_keeps_the_admin() throws Exception {
        try (TestApp first = TestApp.start(dataDir)) {
            Rowdesk.Startup startup = first.rowdesk().startup();
            assertThat(startup.demo().generated()).isTrue();
            assertThat(startup.cache().loaded())
                    .containsExactlyInAnyOrder(
                            "partners", "referrers", "payouts", "referrals", "lead_events");
            assertThat(startup.admin().created()).isTrue();
        }
        long snapshotFiles = countFiles(dataDir.resolve("cache"));
        try (TestApp second = TestApp.start(dataDir)) {
            Rowdesk.Startup startup = second.rowdesk().startup();
            assertThat(startup.demo().generated()).isFalse();
            assertThat(startup.cache().loaded()).isEmpty();
            assertThat(startup.cache().reused()).hasSize(5);
            assertThat(startup.cache().profiled())
                    .as("profiles are kept while the data is unchanged")
                    .isEmpty();
            assertThat(startup.admin().created()).isFalse();
            assertThat(second.rowdesk().catalog().all()).hasSize(6);
        }
        assertThat(countFiles(dataDir.resolve("cache"))).isEqualTo(snapshotFiles);
    }

    @Test
    void a_changed_source_file_is_reloaded_and_the_old_snapshot_removed() throws Exception {
        try (TestApp first = TestApp.start(dataDir)) {
            assertThat(first.rowdesk().catalog().all()).hasSize(6);
        }
        Path partners = dataDir.resolve("demo/app/partners.parquet");
        Files.setLastModifiedTime(
                partners,
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        try (TestApp second = TestApp.start(dataDir)) {
            assertThat(second.rowdesk().startup().cache().loaded()).containsExactly("partners");
            assertThat(second.rowdesk().startup().cache().profiled())
                    .containsExactlyInAnyOrder("partners", "payout_review");
        }
        try (Stream<Path> files = Files.list(dataDir.resolve("cache"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("partners-")))
                    .hasSize(1);
        }
    }

    private static long countFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
