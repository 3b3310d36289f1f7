package io.rowdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowdesk.config.DemoConfig;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoWarehouseTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 15);
    private static final DemoSettings SMALL = new DemoSettings(42, 0.01, AS_OF);

    private final DemoWarehouse demo = new DemoWarehouse(new SqlFiles());

    @Test
    void same_seed_and_as_of_give_identical_data(@TempDir Path first, @TempDir Path second)
            throws Exception {
        demo.generate(first, SMALL);
        demo.generate(second, SMALL);

        assertThat(checksums(second)).isEqualTo(checksums(first));
    }

    @Test
    void different_seed_gives_different_data(@TempDir Path first, @TempDir Path second)
            throws Exception {
        demo.generate(first, SMALL);
        demo.generate(second, new DemoSettings(43, SMALL.scale(), AS_OF));

        Map<String, String> a = checksums(first);
        Map<String, String> b = checksums(second);
        for (String table : a.keySet()) {
            assertThat(b.get(table)).as(table).isNotEqualTo(a.get(table));
        }
    }

    @Test
    void different_as_of_moves_the_data(@TempDir Path first, @TempDir Path second)
            throws Exception {
        demo.generate(first, SMALL);
        demo.generate(second, new DemoSettings(SMALL.seed(), SMALL.scale(), AS_OF.plusDays(1)));

        assertThat(checksums(second).get("payouts")).isNotEqualTo(checksums(first).get("payouts"));
    }

    @Test
    void row_counts_scale_with_the_factor(@TempDir Path dir) throws Exception {
        DemoReport report = demo.generate(dir, SMALL);

        Map<String, Long> expected =
                Map.of(
                        "partners",
                        20L,
                        "referrers",
                        200L,
                        "payouts",
                        600L,
                        "referrals",
                        2_000L,
                        "lead_events",
                        50_000L);
        try (Connection duck = open(dir)) {
            for (var entry : expected.entrySet()) {
                assertThat(count(duck, "SELECT count(*) FROM " + entry.getKey()))
                        .as(entry.getKey())
                        .isEqualTo(entry.getValue());
                assertThat(report.rows(entry.getKey()))
                        .as(entry.getKey())
                        .isEqualTo(entry.getValue());
            }
        }
    }

    @Test
    void every_table_has_at_least_one_row_at_a_tiny_scale(@TempDir Path dir) throws Exception {
        DemoReport report = demo.generate(dir, new DemoSettings(42, 0.000001, AS_OF));

        assertThat(report.tables())
                .allSatisfy(
                        t ->
                                assertThat(t.rows())
                                        .as(t.table())
                                        .isEqualTo(t.table().equals("lead_events") ? 5 : 1));
    }

    @Test
    void manifest_records_the_settings_and_is_written_last(@TempDir Path dir) throws Exception {
        assertThat(demo.readManifest(dir)).isEmpty();

        demo.generate(dir, SMALL);

        assertThat(demo.readManifest(dir)).contains(SMALL);
        assertThat(Files.readString(dir.resolve(DemoWarehouse.MANIFEST)))
                .contains(
                        "\"app.partners\"",
                        "\"rows\" : 20",
                        "\"warehouse.lead_events\"",
                        "\"rows\" : 50000");
        try (var files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no partial table and no generator work file is left")
                    .noneMatch(name -> name.endsWith(".partial") || name.startsWith(".generate"));
        }

        Path referrers = DemoWarehouse.TABLES.get(1).file(dir);
        byte[] whole = Files.readAllBytes(referrers);
        assertThat(demo.damagedFiles(dir)).isEmpty();
        Files.write(referrers, Arrays.copyOf(whole, whole.length - 100));
        assertThat(demo.damagedFiles(dir))
                .as("a truncated table file is found")
                .containsExactly(
                        "referrers.parquet: "
                                + (whole.length - 100)
                                + " bytes, written with "
                                + whole.length);
        whole[whole.length - 1] = 0;
        Files.write(referrers, whole);
        assertThat(demo.damagedFiles(dir))
                .as("a file of the right size without the Parquet footer is damaged too")
                .containsExactly("referrers.parquet: not a whole Parquet file");

        Files.delete(DemoWarehouse.TABLES.get(2).file(dir));
        assertThat(demo.readManifest(dir))
                .as("a demo with a table missing is not reused")
                .isEmpty();
    }

    @Test
    void a_damaged_demo_file_is_generated_again_with_the_same_settings(@TempDir Path dataDir)
            throws Exception {
        DemoBootstrap bootstrap = new DemoBootstrap(new SqlFiles(), Clock.systemUTC());
        DemoConfig config = new DemoConfig(true, SMALL.seed(), SMALL.scale(), null);
        // the first start generates as of today; a later start reuses what is there
        DemoBootstrap.Result first = bootstrap.ensure(dataDir, config, ZoneOffset.UTC);
        assertThat(first.generated()).isTrue();
        assertThat(bootstrap.ensure(dataDir, config, ZoneOffset.UTC).generated()).isFalse();

        Path payouts = DemoWarehouse.TABLES.get(3).file(dataDir.resolve("demo"));
        byte[] whole = Files.readAllBytes(payouts);
        Files.write(payouts, Arrays.copyOf(whole, whole.length / 2)); // as a full disk leaves it

        DemoBootstrap.Result again = bootstrap.ensure(dataDir, config, ZoneOffset.UTC);
        assertThat(again.generated()).isTrue();
        assertThat(again.settings()).isEqualTo(first.settings());
        assertThat(new DemoWarehouse(new SqlFiles()).damagedFiles(dataDir.resolve("demo")))
                .isEmpty();
        assertThat(bootstrap.ensure(dataDir, config, ZoneOffset.UTC).generated()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.0001})
    void relations_hold(double scale, @TempDir Path dir) throws Exception {
        demo.generate(dir, new DemoSettings(7, scale, AS_OF));

        Map<String, String> violations = new LinkedHashMap<>();
        // keys 1..N
        for (String[] key :
                new String[][] {
                    {"partners", "partner_id"},
                    {"referrers", "referrer_id"},
                    {"referrals", "referral_id"},
                    {"payouts", "payout_id"},
                    {"lead_events", "event_id"}
                }) {
            violations.put(
                    key[0] + " ids are 1..N",
                    "SELECT count(*) - count(DISTINCT "
                            + key[1]
                            + ") + (max("
                            + key[1]
                            + ") - count(*)) + (min("
                            + key[1]
                            + ") - 1) FROM "
                            + key[0]);
        }
        // foreign keys
        violations.put(
                "referrer without partner",
                "SELECT count(*) FROM referrers WHERE partner_id NOT IN (SELECT partner_id FROM partners)");
        violations.put(
                "referral without referrer",
                "SELECT count(*) FROM referrals WHERE referrer_id NOT IN (SELECT referrer_id FROM referrers)");
        violations.put(
                "payout without referral",
                "SELECT count(*) FROM payouts WHERE referral_id NOT IN (SELECT referral_id FROM referrals)");
        violations.put(
                "payout without referrer",
                "SELECT count(*) FROM payouts WHERE referrer_id NOT IN (SELECT referrer_id FROM referrers)");
        violations.put(
                "event without referral",
                "SELECT count(*) FROM lead_events WHERE referral_id NOT IN (SELECT referral_id FROM referrals)");
        violations.put(
                "payout's referrer is not its referral's",
                "SELECT count(*) FROM payouts p JOIN referrals r USING (referral_id) WHERE p.referrer_id <> r.referrer_id");
        violations.put(
                "two payouts for one referral",
                "SELECT count(*) - count(DISTINCT referral_id) FROM payouts");
        // referrers
        violations.put(
                "approved_at set iff approved",
                "SELECT count(*) FROM referrers WHERE (program_status = 'approved') <> (approved_at IS NOT NULL)");
        violations.put(
                "approved_at after signed_up_at",
                "SELECT count(*) FROM referrers WHERE approved_at <= signed_up_at");
        violations.put(
                "referrer signed up before partner joined",
                "SELECT count(*) FROM referrers f JOIN partners p USING (partner_id) WHERE f.signed_up_at <= p.joined_at");
        violations.put(
                "emails not unique", "SELECT count(*) - count(DISTINCT email) FROM referrers");
        violations.put(
                "emails not lower case",
                "SELECT count(*) FROM referrers WHERE email <> lower(email) OR email NOT SIMILAR TO '[a-z0-9.]+@[a-z0-9]+\\.[a-z]+'");
        violations.put(
                "email not at the partner's domain",
                "SELECT count(*) FROM referrers f JOIN partners p USING (partner_id) "
                        + "WHERE NOT starts_with(split_part(f.email, '@', 2), regexp_replace(lower(p.name), '[^a-z0-9]', '', 'g') || '.')");
        violations.put(
                "one domain per partner",
                "SELECT count(DISTINCT (partner_id, split_part(email, '@', 2))) - count(DISTINCT split_part(email, '@', 2)) FROM referrers");
        violations.put(
                "partner names not unique", "SELECT count(*) - count(DISTINCT name) FROM partners");
        // referrals
        violations.put(
                "closed_at set iff won or lost",
                "SELECT count(*) FROM referrals WHERE (stage IN ('won', 'lost')) <> (closed_at IS NOT NULL)");
        violations.put(
                "closed_at after referred_at",
                "SELECT count(*) FROM referrals WHERE closed_at <= referred_at");
        violations.put(
                "mrr set iff won",
                "SELECT count(*) FROM referrals WHERE (stage = 'won') <> (mrr IS NOT NULL)");
        violations.put(
                "referral before its referrer signed up",
                "SELECT count(*) FROM referrals r JOIN referrers f USING (referrer_id) WHERE r.referred_at <= f.signed_up_at");
        // payouts
        violations.put(
                "decided_at NULL iff pending",
                "SELECT count(*) FROM payouts WHERE (status = 'pending') <> (decided_at IS NULL)");
        violations.put(
                "decided_by NULL iff pending",
                "SELECT count(*) FROM payouts WHERE (status = 'pending') <> (decided_by IS NULL)");
        violations.put(
                "paid_at set iff paid",
                "SELECT count(*) FROM payouts WHERE (status = 'paid') <> (paid_at IS NOT NULL)");
        violations.put(
                "decided_at before requested_at",
                "SELECT count(*) FROM payouts WHERE decided_at < requested_at");
        violations.put(
                "paid_at before decided_at",
                "SELECT count(*) FROM payouts WHERE paid_at < decided_at");
        violations.put(
                "payout requested before its referral",
                "SELECT count(*) FROM payouts p JOIN referrals r USING (referral_id) WHERE p.requested_at <= r.referred_at");
        // lead events
        violations.put(
                "event before its referral",
                "SELECT count(*) FROM lead_events e JOIN referrals r USING (referral_id) WHERE e.occurred_at <= r.referred_at");
        violations.put(
                "revenue set iff order_placed",
                "SELECT count(*) FROM lead_events WHERE (event_type = 'order_placed') <> (revenue IS NOT NULL)");

        assertNoViolations(dir, violations);
    }

    @Test
    void values_come_from_the_documented_sets(@TempDir Path dir) throws Exception {
        demo.generate(dir, SMALL);

        Map<String, String> violations = new LinkedHashMap<>();
        violations.put(
                "partner_type",
                "SELECT count(*) FROM partners WHERE partner_type NOT IN ('agency', 'technology', 'implementation')");
        violations.put(
                "tier",
                "SELECT count(*) FROM partners WHERE tier NOT IN ('bronze', 'silver', 'gold', 'platinum')");
        violations.put(
                "country",
                "SELECT count(*) FROM partners WHERE country NOT IN ('United States', 'Canada', 'United Kingdom', "
                        + "'France', 'Germany', 'Australia', 'Spain', 'Netherlands', 'Brazil', 'India', 'Ireland', 'Sweden', 'Mexico', "
                        + "'New Zealand', 'Singapore')");
        violations.put(
                "payout_method",
                "SELECT count(*) FROM referrers WHERE payout_method NOT IN ('paypal', 'venmo', 'visa_gift_card')");
        violations.put(
                "program_status",
                "SELECT count(*) FROM referrers WHERE program_status NOT IN ('pending', 'approved', 'rejected')");
        violations.put(
                "full_name", "SELECT count(*) FROM referrers WHERE full_name NOT LIKE '% %'");
        violations.put(
                "method",
                "SELECT count(*) FROM payouts WHERE method NOT IN ('paypal', 'venmo', 'visa_gift_card')");
        violations.put(
                "status",
                "SELECT count(*) FROM payouts WHERE status NOT IN ('pending', 'approved', 'rejected', 'paid', 'failed')");
        violations.put(
                "amount", "SELECT count(*) FROM payouts WHERE amount NOT BETWEEN 25 AND 2500");
        violations.put(
                "decided_by", "SELECT count(*) FROM payouts WHERE decided_by NOT LIKE '%@%'");
        violations.put(
                "vertical",
                "SELECT count(*) FROM referrals WHERE vertical NOT IN ('Apparel & Accessories', 'Food & Beverage', "
                        + "'Health & Beauty', 'Home & Garden', 'Sporting Goods')");
        violations.put(
                "annual_gmv",
                "SELECT count(*) FROM referrals WHERE annual_gmv NOT BETWEEN 50000 AND 50000000");
        violations.put(
                "stage",
                "SELECT count(*) FROM referrals WHERE stage NOT IN ('submitted', 'qualified', 'demo', 'won', 'lost')");
        violations.put("mrr", "SELECT count(*) FROM referrals WHERE mrr <= 0");
        violations.put(
                "lead_email",
                "SELECT count(*) FROM referrals WHERE lead_email NOT SIMILAR TO '[a-z0-9.]+@[a-z0-9]+\\.[a-z]+'");
        violations.put(
                "event_type",
                "SELECT count(*) FROM lead_events WHERE event_type NOT IN ('page_view', 'form_submitted', "
                        + "'demo_booked', 'trial_started', 'ticket_created', 'order_placed')");
        violations.put(
                "channel",
                "SELECT count(*) FROM lead_events WHERE channel NOT IN ('web', 'email', 'chat', 'sms', 'social')");
        violations.put("revenue", "SELECT count(*) FROM lead_events WHERE revenue <= 0");

        assertNoViolations(dir, violations);
    }

    @Test
    void distributions_look_like_the_spec(@TempDir Path dir) throws Exception {
        // A tenth of full scale: enough rows for the shapes to show without flakiness.
        demo.generate(dir, new DemoSettings(42, 0.1, AS_OF));

        try (Connection duck = open(dir)) {
            assertThat(
                            longs(
                                    duck,
                                    "SELECT count(*) FROM partners GROUP BY tier "
                                            + "ORDER BY list_position(['bronze', 'silver', 'gold', 'platinum'], tier)"))
                    .as("fewer partners at each higher tier")
                    .hasSize(4)
                    .isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(
                            count(
                                    duck,
                                    "SELECT count(DISTINCT country) FROM partners WHERE country IN ('United States', 'Canada', "
                                            + "'United Kingdom', 'France', 'Germany', 'Australia', 'Spain', 'Netherlands', 'Brazil', 'India')"))
                    .isEqualTo(10);
            assertThat(ratio(duck, "SELECT avg((program_status = 'approved')::INT) FROM referrers"))
                    .as("most approved")
                    .isGreaterThan(0.7);
            assertThat(
                            ratio(
                                    duck,
                                    "SELECT avg((program_status = 'pending')::INT) FROM referrers WHERE signed_up_at >= DATE '2026-11-15' - INTERVAL 30 DAY"))
                    .as("recent sign-ups more often pending")
                    .isGreaterThan(
                            ratio(
                                            duck,
                                            "SELECT avg((program_status = 'pending')::INT) FROM referrers WHERE signed_up_at < DATE '2026-11-15' - INTERVAL 1 YEAR")
                                    + 0.2);
            assertThat(ratio(duck, "SELECT avg((phone IS NULL)::INT) FROM referrers"))
                    .as("phones NULL")
                    .isBetween(0.11, 0.19);
            assertThat(ratio(duck, "SELECT avg((note IS NULL)::INT) FROM payouts"))
                    .as("notes mostly NULL")
                    .isGreaterThan(0.8);
            assertThat(ratio(duck, "SELECT median(amount) FROM payouts"))
                    .as("amounts skewed low")
                    .isLessThan(500);
            assertThat(
                            ratio(
                                    duck,
                                    "SELECT avg((status = 'pending')::INT) FROM payouts WHERE requested_at >= DATE '2026-11-15' - INTERVAL 7 DAY"))
                    .as("recent payouts mostly pending")
                    .isGreaterThan(0.5);
            assertThat(
                            ratio(
                                    duck,
                                    "SELECT avg((status = 'paid')::INT) FROM payouts WHERE requested_at < DATE '2026-11-15' - INTERVAL 1 YEAR"))
                    .as("old payouts mostly paid")
                    .isGreaterThan(0.8);
            assertThat(ratio(duck, "SELECT median(annual_gmv) FROM referrals"))
                    .as("annual_gmv log-skewed")
                    .isBetween(150_000.0, 2_000_000.0);
            assertThat(count(duck, "SELECT count(DISTINCT brand_name) FROM referrals"))
                    .as("brand names vary")
                    .isGreaterThan(15_000);
        }
    }

    @Test
    void timestamps_lie_in_the_three_years_before_as_of(@TempDir Path dir) throws Exception {
        demo.generate(dir, SMALL);

        Map<String, List<String>> timestamps =
                Map.of(
                        "partners", List.of("joined_at"),
                        "referrers", List.of("signed_up_at", "approved_at"),
                        "payouts", List.of("requested_at", "decided_at", "paid_at"),
                        "referrals", List.of("referred_at", "closed_at"),
                        "lead_events", List.of("occurred_at"));
        try (Connection duck = open(dir)) {
            SoftAssertions softly = new SoftAssertions();
            for (var table : timestamps.entrySet()) {
                for (String column : table.getValue()) {
                    softly.assertThat(
                                    count(
                                            duck,
                                            "SELECT count(*) FROM "
                                                    + table.getKey()
                                                    + " WHERE "
                                                    + column
                                                    + " < TIMESTAMP '2023-11-15 00:00:00' OR "
                                                    + column
                                                    + " >= TIMESTAMP '2026-11-15 00:00:00'"))
                            .as(table.getKey() + "." + column + " in [as_of - 3 years, as_of)")
                            .isZero();
                    softly.assertThat(
                                    count(
                                            duck,
                                            "SELECT count(*) FROM "
                                                    + table.getKey()
                                                    + " WHERE "
                                                    + column
                                                    + " <> date_trunc('second', "
                                                    + column
                                                    + ")"))
                            .as(table.getKey() + "." + column + " at whole seconds")
                            .isZero();
                }
            }
            softly.assertAll();
            // and the window is used, so that "last month" finds rows
            assertThat(
                            count(
                                    duck,
                                    "SELECT count(*) FROM lead_events WHERE occurred_at >= TIMESTAMP '2026-10-15'"))
                    .isPositive();
        }
    }

    @Test
    void column_names_and_types_match_the_spec(@TempDir Path dir) throws Exception {
        demo.generate(dir, SMALL);

        Map<String, List<String>> expected =
                Map.of(
                        "partners",
                                List.of(
                                        "partner_id INTEGER",
                                        "name VARCHAR",
                                        "partner_type VARCHAR",
                                        "country VARCHAR",
                                        "tier VARCHAR",
                                        "joined_at TIMESTAMP"),
                        "referrers",
                                List.of(
                                        "referrer_id INTEGER",
                                        "partner_id INTEGER",
                                        "full_name VARCHAR",
                                        "email VARCHAR",
                                        "phone VARCHAR",
                                        "payout_method VARCHAR",
                                        "program_status VARCHAR",
                                        "signed_up_at TIMESTAMP",
                                        "approved_at TIMESTAMP"),
                        "payouts",
                                List.of(
                                        "payout_id INTEGER",
                                        "referral_id INTEGER",
                                        "referrer_id INTEGER",
                                        "amount DECIMAL(10,2)",
                                        "method VARCHAR",
                                        "status VARCHAR",
                                        "requested_at TIMESTAMP",
                                        "decided_at TIMESTAMP",
                                        "decided_by VARCHAR",
                                        "paid_at TIMESTAMP",
                                        "note VARCHAR"),
                        "referrals",
                                List.of(
                                        "referral_id INTEGER",
                                        "referrer_id INTEGER",
                                        "brand_name VARCHAR",
                                        "lead_email VARCHAR",
                                        "vertical VARCHAR",
                                        "annual_gmv DECIMAL(14,2)",
                                        "stage VARCHAR",
                                        "referred_at TIMESTAMP",
                                        "closed_at TIMESTAMP",
                                        "mrr DECIMAL(10,2)"),
                        "lead_events",
                                List.of(
                                        "event_id BIGINT",
                                        "referral_id INTEGER",
                                        "event_type VARCHAR",
                                        "channel VARCHAR",
                                        "occurred_at TIMESTAMP",
                                        "revenue DECIMAL(10,2)"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (DemoWarehouse.DemoTable table : DemoWarehouse.TABLES) {
                List<String> columns = new ArrayList<>();
                try (PreparedStatement describe =
                        duck.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
                    describe.setString(1, table.file(dir).toString());
                    try (ResultSet rs = describe.executeQuery()) {
                        while (rs.next()) {
                            columns.add(
                                    rs.getString("column_name")
                                            + " "
                                            + rs.getString("column_type"));
                        }
                    }
                }
                assertThat(columns)
                        .as(table.name())
                        .containsExactlyElementsOf(expected.get(table.name()));
            }
        }
    }

    @Test
    void scale_outside_0_to_100_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> new DemoSettings(42, 0, AS_OF))
                .hasMessageContaining("demo.scale: must be greater than 0");
        assertThatThrownBy(() -> new DemoSettings(42, 100.5, AS_OF))
                .hasMessageContaining("at most 100");
        assertThatThrownBy(() -> new DemoSettings(42, Double.NaN, AS_OF))
                .hasMessageContaining("demo.scale");
        assertThat(DemoSettings.defaults(AS_OF)).isEqualTo(new DemoSettings(42, 1.0, AS_OF));
    }

    /** The five Parquet files as tables of an in-memory DuckDB, as any reader would see them. */
    /** Each query counts the rows that break one rule, named by its key: all must be zero. */
    private static void assertNoViolations(Path dir, Map<String, String> violations)
            throws SQLException {
        try (Connection duck = open(dir)) {
            SoftAssertions softly = new SoftAssertions();
            for (var rule : violations.entrySet()) {
                softly.assertThat(count(duck, rule.getValue())).as(rule.getKey()).isZero();
            }
            softly.assertAll();
        }
    }

    private static Connection open(Path dir) throws SQLException {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        for (DemoWarehouse.DemoTable table : DemoWarehouse.TABLES) {
            try (PreparedStatement load =
                    duck.prepareStatement(
                            "CREATE TABLE " + table.name() + " AS SELECT * FROM read_parquet(?)")) {
                load.setString(1, table.file(dir).toString());
                load.execute();
            }
        }
        return duck;
    }

    /** Row count and an order-sensitive content digest per table. */
    private static Map<String, String> checksums(Path dir) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection duck = open(dir)) {
            for (DemoWarehouse.DemoTable table : DemoWarehouse.TABLES) {
                try (Statement statement = duck.createStatement();
                        ResultSet rs =
                                statement.executeQuery(
                                        "SELECT count(*) || ':' || sum(hash(t)) || ':' "
                                                + "|| md5(string_agg(t::VARCHAR, '\n' ORDER BY t)) FROM "
                                                + table.name()
                                                + " t")) {
                    rs.next();
                    sums.put(table.name(), rs.getString(1));
                }
            }
        }
        return sums;
    }

    private static long count(Connection duck, String sql) throws SQLException {
        try (Statement statement = duck.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double ratio(Connection duck, String sql) throws SQLException {
        try (Statement statement = duck.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static List<Long> longs(Connection duck, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Statement statement = duck.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }
}
