package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatePhrasesTest {
    /** A Friday. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            textBlock =
                    """
            payouts today                      | 2026-11-20 | 2026-11-21
            signed up yesterday                | 2026-11-19 | 2026-11-20
            events this week                   | 2026-11-16 | 2026-11-23
            last week                          | 2026-11-09 | 2026-11-16
            this month                         | 2026-11-01 | 2026-12-01
            spiffs from last month             | 2026-10-01 | 2026-11-01
            this year                          | 2026-01-01 | 2027-01-01
            deals last year                    | 2025-01-01 | 2026-01-01
            in the last 30 days                | 2026-10-21 | -
            past 7 days                        | 2026-11-13 | -
            last 3 months                      | 2026-08-20 | -
            older than 90 days                 | -          | 2026-08-22
            before march 5, 2026               | -          | 2026-03-05
            paid after jan 31 2026             | 2026-02-01 | -
            since october 2025                 | 2025-10-01 | -
            since 2025                         | 2025-01-01 | -
            in q3 2026                         | 2026-07-01 | 2026-10-01
            Q1 2025                            | 2025-01-01 | 2025-04-01
            in sept 2026                       | 2026-09-01 | 2026-10-01
            october 2026                       | 2026-10-01 | 2026-11-01
            in 2025                            | 2025-01-01 | 2026-01-01
            on nov 3, 2026                     | 2026-11-03 | 2026-11-04
            before 2026-02-01                  | -          | 2026-02-01
            last quarter                       | 2026-07-01 | 2026-10-01
            """)
    void each_phrase_is_a_half_open_range(String question, String from, String to) {
        List<DatePhrases.Match> matches = DatePhrases.find(question.toLowerCase(), TODAY);
        assertThat(matches).as(question).hasSize(1);
        DatePhrases.Match match = matches.get(0);
        assertThat(match.from())
                .isEqualTo(from == null ? null : LocalDate.parse(from).atStartOfDay());
        assertThat(match.to()).isEqualTo(to == null ? null : LocalDate.parse(to).atStartOfDay());
    }

    @Test
    void this_week_on_a_monday_starts_that_day() {
        DatePhrases.Match match = DatePhrases.find("this week", LocalDate.of(2026, 11, 16)).get(0);
        assertThat(match.from()).isEqualTo(LocalDateTime.of(2026, 11, 16, 0, 0));
    }

    @Test
    void the_match_says_where_it_is_and_how_it_reads() {
        List<DatePhrases.Match> matches =
                DatePhrases.find("pending payouts over $500 from last month", TODAY);
        assertThat(matches)
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(
                                            "pending payouts over $500 from last month"
                                                    .substring(m.start(), m.end()))
                                    .isEqualTo("last month");
                            assertThat(m.label()).isEqualTo("last month (Oct 2026)");
                        });
    }

    @Test
    void two_phrases_are_both_found() {
        assertThat(DatePhrases.find("signed up in 2025 paid this month", TODAY)).hasSize(2);
    }

    @Test
    void numbers_that_are_not_dates_are_left_alone() {
        assertThat(DatePhrases.find("payouts over 2025 dollars", TODAY)).isEmpty();
        assertThat(DatePhrases.find("top 10 by amount", TODAY)).isEmpty();
    }
}
