package io.rowdesk.search;

import io.rowdesk.error.ErrorKind;
import io.rowdesk.error.UserFacingException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises date phrases in a lower-case question and turns them into half-open ranges relative to
 * "today": today, yesterday, this/last week (ISO weeks from Monday), this/last month, this/last
 * year, in the last N days/weeks/months, older than N days, before/after/since a date or month, in
 * Q<n> YYYY, in Month YYYY, in YYYY. Either end of a range may be open.
 */
public final class DatePhrases {

    /** A phrase found at {@code start..end} (character offsets) meaning {@code from <= t < to}. */
    public record Match(int start, int end, LocalDateTime from, LocalDateTime to, String label) {}

    private static final Map<String, Month> MONTHS =
            Map.ofEntries(
                    Map.entry("jan", Month.JANUARY),
                    Map.entry("january", Month.JANUARY),
                    Map.entry("feb", Month.FEBRUARY),
                    Map.entry("february", Month.FEBRUARY),
                    Map.entry("mar", Month.MARCH),
                    Map.entry("march", Month.MARCH),
                    Map.entry("apr", Month.APRIL),
                    Map.entry("april", Month.APRIL),
                    Map.entry("may", Month.MAY),
                    Map.entry("jun", Month.JUNE),
                    Map.entry("june", Month.JUNE),
                    Map.entry("jul", Month.JULY),
                    Map.entry("july", Month.JULY),
                    Map.entry("aug", Month.AUGUST),
                    Map.entry("august", Month.AUGUST),
                    Map.entry("sep", Month.SEPTEMBER),
                    Map.entry("sept", Month.SEPTEMBER),
                    Map.entry("september", Month.SEPTEMBER),
                    Map.entry("oct", Month.OCTOBER),
                    Map.entry("october", Month.OCTOBER),
                    Map.entry("nov", Month.NOVEMBER),
                    Map.entry("november", Month.NOVEMBER),
                    Map.entry("dec", Month.DECEMBER),
                    Map.entry("december", Month.DECEMBER));

    private static final String MONTH =
            "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final String N =
            "(\\d{1,4}|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|ninety)";
    private static final String UNIT = "(days?|weeks?|months?|years?)";

    /**
     * Ordered: longer, more specific phrases first, so "last 30 days" is not read as "last ...".
     */
    private static final List<Pattern> PATTERNS =
            List.of(
                    Pattern.compile(
                            "\\b(?:in |within |during |over )?(?:the )?(?:last|past|previous) "
                                    + N
                                    + " "
                                    + UNIT
                                    + "\\b"),
                    Pattern.compile(
                            "\\b(?:older than|more than|over) "
                                    + N
                                    + " "
                                    + UNIT
                                    + " (?:old|ago)\\b|\\bolder than "
                                    + N
                                    + " "
                                    + UNIT
                                    + "\\b"),
                    Pattern.compile(
                            "\\b(before|after|since|from|until) "
                                    + MONTH
                                    + " (\\d{1,2})(?:st|nd|rd|th)?,? "
                                    + YEAR
                                    + "\\b"),
                    Pattern.compile(
                            "\\b(before|after|since|from|until) " + MONTH + ",? " + YEAR + "\\b"),
                    Pattern.compile(
                            "\\b(before|after|since|from|until) " + YEAR + "-(\\d\\d)-(\\d\\d)\\b"),
                    Pattern.compile("\\b(before|after|since|from|until) " + YEAR + "\\b"),
                    Pattern.compile("\\b(?:in |during )?q([1-4]) (?:of )?" + YEAR + "\\b"),
                    Pattern.compile(
                            "\\b(?:on )?"
                                    + MONTH
                                    + " (\\d{1,2})(?:st|nd|rd|th)?,? "
                                    + YEAR
                                    + "\\b"),
                    Pattern.compile("\\b(?:in |during )?" + MONTH + ",? " + YEAR + "\\b"),
                    Pattern.compile("\\b(?:in |during )" + YEAR + "\\b"),
                    Pattern.compile("\\b(today|yesterday)\\b"),
                    Pattern.compile(
                            "\\b(?:in |during )?(this|last|previous|current) (week|month|quarter|year)\\b"));

    private DatePhrases() {}

    /** Every date phrase in {@code text}, left to right, none overlapping. */
    public static List<Match> find(String text, LocalDate today) {
        java.util.ArrayList<Match> matches = new java.util.ArrayList<>();
        boolean[] taken = new boolean[text.length() + 1];
        for (int p = 0; p < PATTERNS.size(); p++) {
            Matcher m = PATTERNS.get(p).matcher(text);
            while (m.find()) {
                if (overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                Optional<Match> match;
                try {
                    match = interpret(p, m, today);
                } catch (DateTimeException e) {
                    throw new UserFacingException(
                            ErrorKind.NOT_UNDERSTOOD,
                            "'"
                                    + m.group().trim()
                                    + "' is not a date on the calendar; check the day and the"
                                    + " month.");
                } catch (ArithmeticException e) {
                    // "last 99999999999 days": not a date; the words stay unplaced
                    match = Optional.empty();
                }
                if (match.isPresent()) {
                    matches.add(match.get());
                    for (int i = m.start(); i < m.end(); i++) {
                        taken[i] = true;
                    }
                }
            }
        }
        matches.sort(java.util.Comparator.comparingInt(Match::start));
        return matches;
    }

    private static boolean overlaps(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Match> interpret(int pattern, Matcher m, LocalDate today) {
        int s = m.start();
        int e = m.end();
        switch (pattern) {
            case 0 -> {
                int n = number(m.group(1));
                LocalDate from = minus(today, n, m.group(2));
                return Optional.of(
                        new Match(
                                s,
                                e,
                                from.atStartOfDay(),
                                null,
                                "in the last " + n + " " + plural(m.group(2), n)));
            }
            case 1 -> {
                String count = m.group(1) != null ? m.group(1) : m.group(3);
                String unit = m.group(2) != null ? m.group(2) : m.group(4);
                int n = number(count);
                LocalDate to = minus(today, n, unit);
                return Optional.of(
                        new Match(
                                s,
                                e,
                                null,
                                to.atStartOfDay(),
                                "older than " + n + " " + plural(unit, n)));
            }
            case 2 -> {
                LocalDate day =
                        LocalDate.of(
                                Integer.parseInt(m.group(4)),
                                MONTHS.get(m.group(2)),
                                Integer.parseInt(m.group(3)));
                return Optional.of(bound(s, e, m.group(1), day, day.plusDays(1), format(day)));
            }
            case 3 -> {
                LocalDate first =
                        LocalDate.of(Integer.parseInt(m.group(3)), MONTHS.get(m.group(2)), 1);
                return Optional.of(
                        bound(s, e, m.group(1), first, first.plusMonths(1), monthLabel(first)));
            }
            case 4 -> {
                LocalDate day =
                        LocalDate.of(
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)),
                                Integer.parseInt(m.group(4)));
                return Optional.of(bound(s, e, m.group(1), day, day.plusDays(1), format(day)));
            }
            case 5 -> {
                LocalDate first = LocalDate.of(Integer.parseInt(m.group(2)), 1, 1);
                return Optional.of(bound(s, e, m.group(1), first, first.plusYears(1), m.group(2)));
            }
            case 6 -> {
                int quarter = Integer.parseInt(m.group(1));
                LocalDate first =
                        LocalDate.of(Integer.parseInt(m.group(2)), 3 * (quarter - 1) + 1, 1);
                return Optional.of(
                        range(s, e, first, first.plusMonths(3), "Q" + quarter + " " + m.group(2)));
            }
            case 7 -> {
                LocalDate day =
                        LocalDate.of(
                                Integer.parseInt(m.group(3)),
                                MONTHS.get(m.group(1)),
                                Integer.parseInt(m.group(2)));
                return Optional.of(range(s, e, day, day.plusDays(1), "on " + format(day)));
            }
            case 8 -> {
                LocalDate first =
                        LocalDate.of(Integer.parseInt(m.group(2)), MONTHS.get(m.group(1)), 1);
                return Optional.of(
                        range(s, e, first, first.plusMonths(1), "in " + monthLabel(first)));
            }
            case 9 -> {
                LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
                return Optional.of(range(s, e, first, first.plusYears(1), "in " + m.group(1)));
            }
            case 10 -> {
                LocalDate day = m.group(1).equals("today") ? today : today.minusDays(1);
                return Optional.of(
                        range(s, e, day, day.plusDays(1), m.group(1) + " (" + format(day) + ")"));
            }
            case 11 -> {
                boolean previous = m.group(1).equals("last") || m.group(1).equals("previous");
                return Optional.of(calendar(s, e, previous, m.group(2), today));
            }
            default -> throw new IllegalStateException("pattern " + pattern);
        }
    }

    private static Match calendar(int s, int e, boolean previous, String unit, LocalDate today) {
        LocalDate from;
        LocalDate to;
        String label;
        switch (unit) {
            case "week" -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                from = previous ? monday.minusWeeks(1) : monday;
                to = from.plusWeeks(1);
                label = (previous ? "last week" : "this week") + " (from " + format(from) + ")";
            }
            case "month" -> {
                from = today.withDayOfMonth(1).minusMonths(previous ? 1 : 0);
                to = from.plusMonths(1);
                label = (previous ? "last month" : "this month") + " (" + monthLabel(from) + ")";
            }
            case "quarter" -> {
                LocalDate first =
                        today.withDayOfMonth(1)
                                .withMonth(3 * ((today.getMonthValue() - 1) / 3) + 1);
                from = previous ? first.minusMonths(3) : first;
                to = from.plusMonths(3);
                label =
                        (previous ? "last quarter" : "this quarter")
                                + " (Q"
                                + ((from.getMonthValue() - 1) / 3 + 1)
                                + " "
                                + from.getYear()
                                + ")";
            }
            default -> {
                from = today.withDayOfYear(1).minusYears(previous ? 1 : 0);
                to = from.plusYears(1);
                label = (previous ? "last year" : "this year") + " (" + from.getYear() + ")";
            }
        }
        return range(s, e, from, to, label);
    }

    private static Match bound(
            int s, int e, String word, LocalDate start, LocalDate endExclusive, String what) {
        return switch (word) {
            case "before" -> new Match(s, e, null, start.atStartOfDay(), "before " + what);
            case "until" -> new Match(s, e, null, endExclusive.atStartOfDay(), "until " + what);
            case "after" -> new Match(s, e, endExclusive.atStartOfDay(), null, "after " + what);
            default -> new Match(s, e, start.atStartOfDay(), null, "since " + what);
        };
    }

    private static Match range(int s, int e, LocalDate from, LocalDate to, String label) {
        return new Match(s, e, from.atStartOfDay(), to.atStartOfDay(), label);
    }

    private static LocalDate minus(LocalDate today, int n, String unit) {
        if (unit.startsWith("week")) {
            return today.minusWeeks(n);
        }
        if (unit.startsWith("month")) {
            return today.minusMonths(n);
        }
        if (unit.startsWith("year")) {
            return today.minusYears(n);
        }
        return today.minusDays(n);
    }

    private static int number(String word) {
        return switch (word) {
            case "a", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            case "twelve" -> 12;
            case "fourteen" -> 14;
            case "thirty" -> 30;
            case "ninety" -> 90;
            default -> {
                long n = Long.parseLong(word.length() > 12 ? "999999999999" : word);
                if (n > 1_000_000) {
                    throw new java.time.DateTimeException("too far back: " + word);
                }
                yield (int) n;
            }
        };
    }

    private static String plural(String unit, int n) {
        String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
        return n == 1 ? singular : singular + "s";
    }

    private static String format(LocalDate day) {
        return day.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + " "
                + day.getDayOfMonth()
                + ", "
                + day.getYear();
    }

    private static String monthLabel(LocalDate first) {
        return first.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + " "
                + first.getYear();
    }
}
