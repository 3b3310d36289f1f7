package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberPhrasesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            payouts over $500            | GT | 500
            more than 1k                 | GT | 1000
            gmv at least 2.5m            | GE | 2500000
            under 50 dollars             | LT | 50
            below 100                    | LT | 100
            amount >= 250                | GE | 250
            at most $1,200.50            | LE | 1200.50
            spiffs 500+                  | GE | 500
            exactly 25                   | EQ | 25
            payouts of $75               | EQ | 75
            mrr over 3 thousand          | GT | 3000
            """)
    void comparisons_with_units_and_words(
            String question, Condition.Operator operator, BigDecimal value) {
        List<NumberPhrases.Match> matches = NumberPhrases.find(question);
        assertThat(matches).as(question).hasSize(1);
        assertThat(matches.get(0).operator()).isEqualTo(operator);
        assertThat(matches.get(0).value()).isEqualByComparingTo(value);
    }

    @Test
    void between_is_an_inclusive_range_in_either_order() {
        NumberPhrases.Match match = NumberPhrases.find("between 250 and 100 dollars").get(0);
        assertThat(match.isRange()).isTrue();
        assertThat(match.value()).isEqualByComparingTo("100");
        assertThat(match.upper()).isEqualByComparingTo("250");
        assertThat(match.money()).isTrue();
    }

    @Test
    void money_is_told_apart_from_plain_numbers() {
        assertThat(NumberPhrases.find("over $500").get(0).money()).isTrue();
        assertThat(NumberPhrases.find("over 500").get(0).money()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            longer than 25 km          | GT | 25 | long
            cheaper than 100           | LT | 100 | cheap
            more expensive than 40     | GT | 40 | expensive
            heavier than 2.5 kg        | GT | 2.5 | heavy
            younger than 30            | LT | 30 | young
            """)
    void comparatives_carry_the_measure_they_name(
            String question, Condition.Operator operator, BigDecimal value, String measure) {
        NumberPhrases.Match match = NumberPhrases.find(question).get(0);
        assertThat(match.operator()).isEqualTo(operator);
        assertThat(match.value()).isEqualByComparingTo(value);
        assertThat(match.measure()).isEqualTo(measure);
    }

    @Test
    void counts_in_words_are_numbers_after_a_comparison() {
        assertThat(NumberPhrases.find("renewed at least twice").get(0).value())
                .isEqualByComparingTo("2");
        assertThat(NumberPhrases.find("more than three").get(0).value()).isEqualByComparingTo("3");
        assertThat(NumberPhrases.find("one of them")).isEmpty();
    }

    @Test
    void counts_in_top_n_are_not_constraints() {
        assertThat(NumberPhrases.find("top 10 by amount")).isEmpty();
        assertThat(NumberPhrases.find("5 most recent")).isEmpty();
    }
}
