package io.rowdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class JsonValuesTest {
    @Test
    void money_stays_a_json_number() {
        assertThat(JsonValues.toJson(new BigDecimal("1234.50")))
                .isEqualTo(new BigDecimal("1234.50"));
    }

    @Test
    void decimals_a_double_cannot_hold_become_strings() {
        assertThat(JsonValues.toJson(new BigDecimal("123456789012345678.25")))
                .isEqualTo("123456789012345678.25");
        assertThat(JsonValues.toJson(Long.MAX_VALUE)).isEqualTo(Long.toString(Long.MAX_VALUE));
        assertThat(JsonValues.toJson(42L)).isEqualTo(42L);
    }

    @Test
    void timestamps_are_iso_8601_and_null_is_null() {
        assertThat(JsonValues.toJson(LocalDateTime.of(2026, 10, 1, 9, 30, 5)))
                .isEqualTo("2026-10-01T09:30:05");
        assertThat(JsonValues.toJson(null)).isNull();
    }
}
