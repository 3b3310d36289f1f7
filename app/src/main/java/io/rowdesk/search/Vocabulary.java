package io.rowdesk.search;

import io.rowdesk.cache.ColumnProfile;
import io.rowdesk.config.RelationConfig;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words one relation answers to: its own name, each column's words (name parts, plural and
 * singular, configured synonyms) and, for low-cardinality text columns, each value's words. Built
 * from the catalog, the column profiles and {@code relations.<name>.synonyms}.
 */
public final class Vocabulary {

    /** A value of a column, as stored. */
    public record ValueRef(String column, String value) {}

    private final RelationInfo relation;
    private final Map<String, String> columnTypes = new LinkedHashMap<>();
    private final Map<String, String> columnWords = new HashMap<>();
    private final Map<String, List<ValueRef>> valueWords = new HashMap<>();
    private final Set<String> relationWords = new HashSet<>();
    private final Map<String, List<String>> qualifierWords = new HashMap<>();
    // Stem keys (Stems.key) of column names and of their single words, when one column has them.
    private final Map<String, String> columnStems = new HashMap<>();
    // Vowel-less parts of column names ("qty", "pmt") → their column, when one column has them.
    private final Map<String, String> abbreviations = new HashMap<>();
    // Stems of the words of stored values ("refund" for refund_issued).
    private final Map<String, List<ValueRef>> valueStems = new HashMap<>();
    // stem lookups of question phrases already made (bounded: cleared past 10,000)
    private final Map<String, Optional<String>> stemLookups =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final String keyColumn;
    private final String dateColumn;
    private final String moneyColumn;
    private final String textColumn;
    private final String proseColumn;
    private final int longestPhrase;
    // Read from the snapshot after construction (possibly in the background): see SearchService.
    private volatile NameIndex names = NameIndex.EMPTY;

    // A view's joined relations: a word naming one (its name and synonyms, any form) → that
    // relation; and each view column's relation (from the view's lineage).
    private final Map<String, String> joinedWords = new HashMap<>();

    public Vocabulary(
            RelationInfo relation, RelationConfig settings, List<ColumnProfile> profiles) {
        this(relation, settings, profiles, Map.of());
    }

    /**
     * {@code joinedSynonyms}: for a view, the synonyms configured for each relation its columns
     * come from (relation → synonyms), so that "payouts from referrers in brazil" or "pending
     * referrers" read the columns that came from referrers.
     */
    public Vocabulary(
            RelationInfo relation,
            RelationConfig settings,
            List<ColumnProfile> profiles,
            Map<String, List<String>> joinedSynonyms) {
        this.relation = relation;
        Set<String> origins = new java.util.LinkedHashSet<>();
        relation.lineage().values().forEach(o -> origins.add(o.relation()));
        origins.remove(relation.name());
        for (String origin : origins) {
            Set<String> forms = new HashSet<>();
            addForms(forms, words(origin));
            joinedSynonyms
                    .getOrDefault(origin, List.of())
                    .forEach(w -> addForms(forms, w.toLowerCase(Locale.ROOT)));
            forms.forEach(f -> joinedWords.putIfAbsent(f, origin));
        }
        for (Column column : relation.columns()) {
            columnTypes.put(column.name(), column.type().toUpperCase(Locale.ROOT));
        }
        addForms(relationWords, words(relation.name()));
        // "bookings" of class_bookings: the head noun of a compound name names the rows too
        String head = relation.name().substring(relation.name().lastIndexOf('_') + 1);
        if (!head.equals(relation.name())) {
            addForms(relationWords, head);
        }
        settings.synonyms().forEach(s -> addForms(relationWords, s.toLowerCase(Locale.ROOT)));

        Map<String, Integer> lastWordUses = new HashMap<>();
        Map<String, Integer> firstWordUses = new HashMap<>();
        for (String column : columnTypes.keySet()) {
            String[] parts = column.split("_");
            lastWordUses.merge(parts[parts.length - 1], 1, Integer::sum);
            firstWordUses.merge(parts[0], 1, Integer::sum);
        }
        for (String column : columnTypes.keySet()) {
            String[] parts = column.split("_");
            if (parts.length > 1) {
                // "partners" in "gold partners" qualifies partner_tier when partner_tier is
                // constrained
                forms(parts[0])
                        .forEach(
                                f ->
                                        qualifierWords
                                                .computeIfAbsent(f, k -> new ArrayList<>())
                                                .add(column));
            }
        }
        for (String column : columnTypes.keySet()) {
            for (String phrase :
                    columnPhrases(column, isTemporal(column), lastWordUses, firstWordUses)) {
                for (String form : forms(phrase)) {
                    // "referrals" names the relation, not referral_id
                    if (!(relationWords.contains(form) && !form.equals(column.replace('_', ' ')))) {
                        columnWords.putIfAbsent(form, column);
                    }
                }
            }
        }
        // "claimed amount" for claimed_amount_usd, "max salary" for salary_max_usd, "fraud flagged"
        // for is_fraud_flagged: the name without its unit or flag prefix, abbreviations spelled
        // out, two words in either order; only where one column answers so
        Map<String, Set<String>> shortened = new HashMap<>();
        for (String column : columnTypes.keySet()) {
            for (String phrase : shortenedPhrases(column)) {
                for (String form : forms(phrase)) {
                    shortened.computeIfAbsent(form, k -> new HashSet<>()).add(column);
                }
            }
        }
        shortened.forEach(
                (phrase, columns) -> {
                    if (columns.size() == 1 && !relationWords.contains(phrase)) {
                        columnWords.putIfAbsent(phrase, columns.iterator().next());
                    }
                });
        Map<String, Set<String>> abbreviationColumns = new HashMap<>();
        for (String column : columnTypes.keySet()) {
            for (String part : column.split("_")) {
                if (abbreviationLike(part) && !SPELLED_OUT.containsKey(part)) {
                    abbreviationColumns.computeIfAbsent(part, k -> new HashSet<>()).add(column);
                }
            }
        }
        abbreviationColumns.forEach(
                (part, columns) -> {
                    if (columns.size() == 1) {
                        abbreviations.put(part, columns.iterator().next());
                    }
                });
        Map<String, Set<String>> stemColumns = new HashMap<>();
        for (String column : columnTypes.keySet()) {
            stemColumns.computeIfAbsent(Stems.key(column), k -> new HashSet<>()).add(column);
            for (String part : column.split("_")) {
                // "estimate" for est_hrs: an abbreviation's word counts as the column's too
                for (String word :
                        new java.util.LinkedHashSet<>(
                                List.of(part, SPELLED_OUT.getOrDefault(part, part)))) {
                    if (!Stems.GENERIC.contains(word) && word.length() > 2) {
                        stemColumns
                                .computeIfAbsent(Stems.key(word), k -> new HashSet<>())
                                .add(column);
                    }
                }
            }
        }
        stemColumns.forEach(
                (key, columns) -> {
                    if (columns.size() == 1 && key.length() > 2) {
                        columnStems.put(key, columns.iterator().next());
                    }
                });
        settings.columnSynonyms()
                .forEach(
                        (column, words) -> {
                            if (columnTypes.containsKey(column)) {
                                words.forEach(
                                        w ->
                                                forms(w.toLowerCase(Locale.ROOT))
                                                        .forEach(f -> columnWords.put(f, column)));
                            }
                        });

        Set<String> sentences = new HashSet<>();
        for (ColumnProfile profile : profiles) {
            if (!profile.lowCardinality() || !columnTypes.containsKey(profile.column())) {
                continue;
            }
            // visit_reason holding 'dental', 'surgery': a name that says prose, values that are
            // categories; notes hold sentences and are skipped
            if (isFreeText(profile.column())
                    && (sentenceLike(profile) || longestValueWords(profile) > 2)) {
                continue;
            }
            if (sentenceLike(profile)) {
                // bug titles made from a few templates: few values, but prose, not categories
                sentences.add(profile.column());
                continue;
            }
            for (ColumnProfile.ValueCount value : profile.values()) {
                if (value.value() == null || words(value.value()).isEmpty()) {
                    continue;
                }
                ValueRef ref = new ValueRef(profile.column(), value.value());
                for (String form : forms(words(value.value()))) {
                    valueWords.computeIfAbsent(form, k -> new ArrayList<>()).add(ref);
                }
                for (String word : words(value.value()).split(" ")) {
                    if (word.length() > 3 && word.chars().allMatch(Character::isLetter)) {
                        List<ValueRef> refs =
                                valueStems.computeIfAbsent(
                                        Stems.stem(word), k -> new ArrayList<>());
                        if (!refs.contains(ref)) {
                            refs.add(ref);
                        }
                    }
                }
            }
        }
        // 'IN', 'NG', 'NA': country and region codes answer to their names ("india", "north
        // america")
        for (ValueRef ref :
                new ArrayList<>(
                        valueWords.values().stream().flatMap(List::stream).distinct().toList())) {
            String name = CodeNames.name(ref.value());
            if (name != null) {
                for (String form : forms(name)) {
                    List<ValueRef> refs = valueWords.computeIfAbsent(form, k -> new ArrayList<>());
                    if (!refs.contains(ref)) {
                        refs.add(ref);
                    }
                }
            }
        }
        settings.valueSynonyms()
                .forEach(
                        (column, byValue) ->
                                byValue.forEach(
                                        (value, words) -> {
                                            ValueRef ref = new ValueRef(column, value);
                                            words.forEach(
                                                    w ->
                                                            forms(w.toLowerCase(Locale.ROOT))
                                                                    .forEach(
                                                                            f ->
                                                                                    valueWords
                                                                                            .computeIfAbsent(
                                                                                                    f,
                                                                                                    k ->
                                                                                                            new ArrayList<>())
                                                                                            .add(
                                                                                                    0,
                                                                                                    ref)));
                                        }));

        this.keyColumn =
                settings.keyColumn() != null && columnTypes.containsKey(settings.keyColumn())
                        ? settings.keyColumn()
                        : null;
        this.dateColumn =
                settings.dateColumn() != null && columnTypes.containsKey(settings.dateColumn())
                        ? settings.dateColumn()
                        : columnTypes.keySet().stream()
                                .filter(this::isTemporal)
                                .findFirst()
                                .orElse(null);
        this.moneyColumn = pickMoneyColumn(settings);
        this.textColumn = pickTextColumn(profiles);
        this.proseColumn = pickProseColumn(sentences);
        int longest = 1;
        for (String phrase : columnWords.keySet()) {
            longest = Math.max(longest, phrase.split(" ").length);
        }
        for (String phrase : valueWords.keySet()) {
            longest = Math.max(longest, phrase.split(" ").length);
        }
        this.longestPhrase = longest;
    }

    public RelationInfo relation() {
        return relation;
    }

    /** The values of the high-cardinality name-like columns; empty until read. */
    public NameIndex names() {
        return names;
    }

    void names(NameIndex names) {
        this.names = java.util.Objects.requireNonNull(names, "names is null");
    }

    /** The column whose whole name is this word, in the singular or as written ("titles"). */
    public Optional<String> columnNamed(String word) {
        for (String name : List.of(word, singular(word))) {
            if (columnTypes.containsKey(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static final Pattern NUMBER_NOUN = Pattern.compile("(.+) numbers?");

    /** "flagged for fraud", "years of experience": two words joined by of/for/in. */
    private static final Pattern JOINED_BY = Pattern.compile("([a-z]+) (?:of|for|in) ([a-z]+)");

    public Optional<String> column(String phrase) {
        Matcher joined = JOINED_BY.matcher(phrase);
        if (joined.matches() && !columnWords.containsKey(phrase)) {
            String together = joined.group(1) + " " + joined.group(2);
            String swapped = joined.group(2) + " " + joined.group(1);
            String column = columnWords.getOrDefault(together, columnWords.get(swapped));
            if (column != null) {
                return Optional.of(column);
            }
        }
        Matcher number = NUMBER_NOUN.matcher(phrase);
        if (number.matches() && !columnWords.containsKey(phrase)) {
            // "phone number(s)": the number a column holds is that column
            return column(number.group(1));
        }
        String column = columnWords.get(phrase);
        if (column == null
                && phrase.length() > 3
                && !relationWords.contains(phrase)
                && !valueWords.containsKey(phrase)
                // "the average" or "score on" is no form of quiz_avg or interview_score: a
                // phrase is read whole or not at all
                && !LocalTranslator.STOPWORDS.contains(phrase.split(" ")[0])
                && !LocalTranslator.STOPWORDS.contains(
                        phrase.substring(phrase.lastIndexOf(' ') + 1))) {
            // another form of a column's word: "viewed" for views, "signup date" for signed_up_at
            if (stemLookups.size() > 10_000) {
                stemLookups.clear();
            }
            column =
                    stemLookups
                            .computeIfAbsent(
                                    phrase,
                                    p ->
                                            Optional.ofNullable(columnStems.get(Stems.key(p)))
                                                    .or(() -> abbreviated(p))
                                                    .or(() -> prefixed(p)))
                            .orElse(null);
        }
        if (column == null
                && phrase.length() > 5
                && phrase.endsWith("ed")
                && !phrase.contains(" ")) {
            // "assigned" names the assignee, "employed" the employee
            column = columnWords.get(phrase.substring(0, phrase.length() - 1) + "e");
        }
        return Optional.ofNullable(column);
    }

    /**
     * The column with a vowel-less abbreviation of this word ("quantity" for qty, "payments" for
     * late_pmt_cnt, "hours" for hrs_logged): its letters in order, starting with the same one; only
     * when one column has such a part.
     */
    private Optional<String> abbreviated(String word) {
        if (word.contains(" ") || word.chars().anyMatch(c -> c < 'a' || c > 'z')) {
            return Optional.empty();
        }
        Set<String> found = new HashSet<>();
        abbreviations.forEach(
                (part, column) -> {
                    if (word.length() >= part.length() + 2 && subsequence(part, word)) {
                        found.add(column);
                    }
                });
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /**
     * "payment method" for pay_method, "vehicle class" for veh_class: each word is the column's
     * part or begins with it (three letters or more), in order or, for two, reversed; only when one
     * column reads so.
     */
    private Optional<String> prefixed(String phrase) {
        String[] words = phrase.split(" ");
        if (words.length > 3) {
            return Optional.empty();
        }
        Set<String> found = new HashSet<>();
        for (String column : columnTypes.keySet()) {
            List<String> whole = List.of(column.split("_"));
            List<String> unitless =
                    whole.size() > 1 && UNITS.contains(whole.get(whole.size() - 1))
                            ? whole.subList(0, whole.size() - 1)
                            : whole;
            for (List<String> parts : List.of(whole, unitless)) {
                if (parts.size() == words.length
                        && (abbreviates(parts, List.of(words))
                                || parts.size() == 2
                                        && abbreviates(
                                                List.of(parts.get(1), parts.get(0)),
                                                List.of(words)))) {
                    found.add(column);
                }
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    private static boolean abbreviates(List<String> parts, List<String> words) {
        boolean shortened = false;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            String word = words.get(i);
            if (word.equals(part) || singular(word).equals(part)) {
                continue;
            }
            boolean prefix =
                    part.length() >= 3
                            && word.length() > part.length() + 1
                            && word.startsWith(part);
            boolean skeleton =
                    abbreviationLike(part)
                            && word.length() >= part.length() + 2
                            && subsequence(part, word);
            if (!prefix && !skeleton) {
                return false;
            }
            shortened = true;
        }
        return shortened;
    }

    private static boolean subsequence(String part, String word) {
        if (part.charAt(0) != word.charAt(0)) {
            return false;
        }
        int at = 0;
        for (int i = 0; i < word.length() && at < part.length(); i++) {
            if (word.charAt(i) == part.charAt(at)) {
                at++;
            }
        }
        return at == part.length();
    }

    /** "qty", "pmt", "shpmt": three to five letters with no vowel after the first; not a unit. */
    static boolean abbreviationLike(String part) {
        return part.length() >= 3
                && part.length() <= 5
                && part.chars().allMatch(c -> c >= 'a' && c <= 'z')
                && part.substring(1).chars().noneMatch(c -> "aeiou".indexOf(c) >= 0)
                && !UNITS.contains(part)
                && !Stems.GENERIC.contains(part)
                && !Set.of("dt", "ts", "no", "by", "st", "nd", "rd", "th").contains(part);
    }

    /**
     * The one stored value a word is another form of ("refunded" for refund_issued), when exactly
     * one value has a word of that stem.
     */
    public List<ValueRef> stemValues(String word) {
        // a word naming a column is that column, unless it is prose ("rejections" is no
        // rejection_reason: a reason is never what rows are counted or picked by)
        String named = columnWords.get(word);
        if (word.length() < 4 || word.contains(" ") || named != null && !isFreeText(named)) {
            return List.of();
        }
        List<ValueRef> refs = valueStems.getOrDefault(Stems.stem(word), List.of());
        return refs.size() == 1 ? refs : List.of();
    }

    /** A stored value, or another form of one ("rejections" of 'rejected'). */
    public boolean isValueWord(String word) {
        return !values(word).isEmpty() || !stemValues(word).isEmpty();
    }

    public List<ValueRef> values(String phrase) {
        return valueWords.getOrDefault(phrase, List.of());
    }

    /**
     * The one measure of an entity the rows name by a word ("patients" → patient_age of patient_id
     * and patient_age): its only numeric column that is not an id, else its age.
     */
    public Optional<String> entityMeasure(String phrase) {
        List<String> numeric =
                qualifierColumns(phrase).stream()
                        .filter(c -> isNumeric(c) && !c.endsWith("_id"))
                        .toList();
        if (numeric.size() > 1) {
            // a person or thing compared with a bare number: its age, when it has one
            numeric = numeric.stream().filter(c -> List.of(c.split("_")).contains("age")).toList();
        }
        return numeric.size() == 1 ? Optional.of(numeric.get(0)) : Optional.empty();
    }

    /**
     * Columns whose first word is {@code phrase} ("partner" for partner_tier, partner_country,
     * ...).
     */
    public List<String> qualifierColumns(String phrase) {
        return qualifierWords.getOrDefault(phrase, List.of());
    }

    /**
     * Values that contain the phrase as whole words and are the only such value in their column:
     * "apparel" for "Apparel & Accessories", "gift card" for "visa_gift_card", "orders" for
     * "order_placed"; common country abbreviations ("uk", "us") too.
     */
    public List<ValueRef> partialValues(String phrase) {
        String expanded = ABBREVIATIONS.get(phrase);
        if (expanded != null) {
            List<ValueRef> refs = values(expanded);
            if (!refs.isEmpty()) {
                return refs;
            }
        }
        if (phrase.length() < 3 || phrase.chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        Map<String, List<ValueRef>> byColumn = new LinkedHashMap<>();
        for (String candidate : List.of(phrase, singular(phrase))) {
            String padded = " " + candidate + " ";
            for (Map.Entry<String, List<ValueRef>> entry : valueWords.entrySet()) {
                if ((" " + entry.getKey() + " ").contains(padded)
                        && !entry.getKey().equals(candidate)) {
                    for (ValueRef ref : entry.getValue()) {
                        List<ValueRef> refs =
                                byColumn.computeIfAbsent(ref.column(), k -> new ArrayList<>());
                        if (!refs.contains(ref)) {
                            refs.add(ref);
                        }
                    }
                }
            }
            if (!byColumn.isEmpty()) {
                break;
            }
        }
        List<ValueRef> unique = new ArrayList<>();
        byColumn.values()
                .forEach(
                        refs -> {
                            if (refs.size() == 1) {
                                unique.add(refs.get(0));
                            }
                        });
        return unique;
    }

    private static final Map<String, String> ABBREVIATIONS =
            Map.of(
                    "uk",
                    "united kingdom",
                    "us",
                    "united states",
                    "usa",
                    "united states",
                    "u.s.",
                    "united states",
                    "uae",
                    "united arab emirates",
                    "nz",
                    "new zealand");

    /** Every listed value of the low-cardinality columns, as stored. */
    public List<ValueRef> allValues() {
        return valueWords.values().stream()
                .flatMap(List::stream)
                .distinct()
                .sorted(
                        java.util.Comparator.comparing(ValueRef::column)
                                .thenComparing(ValueRef::value))
                .toList();
    }

    public Set<String> valuePhrases() {
        return valueWords.keySet();
    }

    public Set<String> columnPhrases() {
        return columnWords.keySet();
    }

    /** The relation a view joins that this phrase names ("referrers", "partner"), if any. */
    public Optional<String> joinedRelation(String phrase) {
        return Optional.ofNullable(joinedWords.get(phrase));
    }

    /**
     * The relation a view's column comes from (its lineage); empty for tables and computed columns.
     */
    public Optional<String> origin(String column) {
        RelationInfo.ColumnSource source = relation.lineage().get(column);
        return source == null ? Optional.empty() : Optional.of(source.relation());
    }

    public boolean isRelationWord(String phrase) {
        return relationWords.contains(phrase);
    }

    public int longestPhrase() {
        return longestPhrase;
    }

    public String type(String column) {
        return columnTypes.get(column);
    }

    public List<String> columns() {
        return List.copyOf(columnTypes.keySet());
    }

    public boolean isTemporal(String column) {
        String type = columnTypes.get(column);
        return type != null && (type.startsWith("TIMESTAMP") || type.equals("DATE"));
    }

    public boolean isNumeric(String column) {
        String type = columnTypes.get(column);
        return type != null
                && (type.startsWith("DECIMAL")
                        || type.matches(
                                "(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DOUBLE|FLOAT|REAL).*"));
    }

    /**
     * An integer column counting things: its name ends in a plural ("renewals", "views") or in
     * count/number/times ("reply_count"), so "never renewed" means 0.
     */
    public boolean isCount(String column) {
        String type = columnTypes.get(column);
        if (type == null || !type.matches("U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?.*")) {
            return false;
        }
        String[] parts = column.split("_");
        String last = parts[parts.length - 1];
        return Set.of("count", "cnt", "number", "num", "times").contains(last)
                || !last.equals("id") && !singular(last).equals(last);
    }

    /** Words of money columns besides {@link Measures#MONEY}: currencies and common short names. */
    private static final Set<String> MONEY_PARTS =
            Set.of(
                    "usd",
                    "eur",
                    "gbp",
                    "jpy",
                    "cad",
                    "aud",
                    "chf",
                    "inr",
                    "amt",
                    "mrr",
                    "arr",
                    "gmv",
                    "spend",
                    "paid",
                    "tax",
                    "subtotal",
                    "cents",
                    "dollars",
                    "payout",
                    "tip");

    /** A numeric column of money: a money word or a currency in its name, or the money column. */
    public boolean isMoney(String column) {
        return isNumeric(column)
                && (column.equals(moneyColumn)
                        || java.util.Arrays.stream(column.split("_"))
                                .anyMatch(
                                        p ->
                                                Measures.MONEY.contains(p)
                                                        || MONEY_PARTS.contains(p)));
    }

    /** Parts of a column named by what it counts: quantities, hours, points, seats. */
    private static final Set<String> QUANTITY_PARTS =
            Set.of(
                    "qty",
                    "quantity",
                    "units",
                    "hours",
                    "hrs",
                    "minutes",
                    "mins",
                    "points",
                    "pts",
                    "seats",
                    "days");

    /**
     * A column whose values add up across rows (amounts, counts, quantities), so that "revenue by
     * tier" or "the most mrr" sums it; ratings, ages and scores do not.
     */
    public boolean isAdditive(String column) {
        return isNumeric(column)
                && !column.endsWith("_id")
                && (isCount(column)
                        || isMoney(column)
                        || java.util.Arrays.stream(column.split("_"))
                                .anyMatch(QUANTITY_PARTS::contains));
    }

    public boolean isBoolean(String column) {
        String type = columnTypes.get(column);
        return type != null && type.startsWith("BOOL");
    }

    /** An integer column of years ("published_year", "year_built"): read as a time, not a date. */
    public boolean isYear(String column) {
        String type = columnTypes.get(column);
        return type != null
                && type.matches("U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?.*")
                && List.of(column.split("_")).contains("year");
    }

    /** The relation's one year column, if it has exactly one. */
    public Optional<String> yearColumn() {
        List<String> years = columnTypes.keySet().stream().filter(this::isYear).toList();
        return years.size() == 1 ? Optional.of(years.get(0)) : Optional.empty();
    }

    public boolean isText(String column) {
        String type = columnTypes.get(column);
        return type != null && type.startsWith("VARCHAR");
    }

    public String keyColumn() {
        return keyColumn;
    }

    /** The column "last month" means when the question names none. */
    public String dateColumn() {
        return dateColumn;
    }

    /**
     * The column "$500" or "cheapest" means: configured synonyms first, then amount-like decimals.
     */
    public String moneyColumn() {
        return moneyColumn;
    }

    /** The column "containing acme" searches when none is named: a name-like free-text column. */
    public String textColumn() {
        return textColumn;
    }

    private String pickMoneyColumn(RelationConfig settings) {
        for (Map.Entry<String, List<String>> synonyms : settings.columnSynonyms().entrySet()) {
            if (isNumeric(synonyms.getKey())
                    && synonyms.getValue().stream()
                            .anyMatch(w -> Measures.MONEY.contains(w.toLowerCase(Locale.ROOT)))) {
                return synonyms.getKey();
            }
        }
        for (String preferred :
                List.of(
                        "amount", "price", "total", "revenue", "value", "cost", "fare", "fee",
                        "charge", "salary", "wage", "rent", "pay")) {
            for (String column : columnTypes.keySet()) {
                if (isNumeric(column)
                        && (column.equals(preferred) || column.endsWith("_" + preferred))) {
                    return column;
                }
            }
            // "amount_paid", "price_usd": the word anywhere in the name
            for (String column : columnTypes.keySet()) {
                if (isNumeric(column) && List.of(column.split("_")).contains(preferred)) {
                    return column;
                }
            }
        }
        for (String column : columnTypes.keySet()) {
            if (isNumeric(column)
                    && java.util.Arrays.stream(column.split("_")).anyMatch(MONEY_PARTS::contains)) {
                return column;
            }
        }
        return columnTypes.keySet().stream()
                .filter(c -> columnTypes.get(c).startsWith("DECIMAL"))
                .findFirst()
                .orElse(
                        columnTypes.keySet().stream()
                                .filter(
                                        c ->
                                                isNumeric(c)
                                                        && !c.equals(settings.keyColumn())
                                                        && !c.endsWith("_id"))
                                .findFirst()
                                .orElse(null));
    }

    /** The most words in one of the profiled values. */
    private static int longestValueWords(ColumnProfile profile) {
        return profile.values().stream()
                .map(ColumnProfile.ValueCount::value)
                .filter(java.util.Objects::nonNull)
                .mapToInt(v -> words(v).split(" ").length)
                .max()
                .orElse(0);
    }

    /** Values that average more than four words are sentences, not categories. */
    private static boolean sentenceLike(ColumnProfile profile) {
        List<String> values =
                profile.values().stream()
                        .map(ColumnProfile.ValueCount::value)
                        .filter(java.util.Objects::nonNull)
                        .toList();
        if (values.isEmpty()) {
            return false;
        }
        double words = values.stream().mapToInt(v -> words(v).split(" ").length).sum();
        return words / values.size() > 4;
    }

    /** Descriptions and notes say what happened; a reason or a message says less. */
    private static final List<String> PROSE =
            List.of(
                    "description",
                    "desc",
                    "notes",
                    "note",
                    "details",
                    "summary",
                    "comment",
                    "text",
                    "body",
                    "title",
                    "subject",
                    "headline");

    private static int proseRank(String column) {
        for (int i = 0; i < PROSE.size(); i++) {
            if (List.of(column.split("_")).contains(PROSE.get(i))) {
                return i;
            }
        }
        return PROSE.size();
    }

    /** Free text first (by {@link #PROSE}), then sentence-like values, then a title or subject. */
    private String pickProseColumn(Set<String> sentences) {
        return columnTypes.keySet().stream()
                .filter(this::isText)
                .filter(c -> isFreeText(c) || sentences.contains(c) || proseRank(c) < PROSE.size())
                .min(
                        java.util.Comparator.comparingInt(
                                        (String c) ->
                                                isFreeText(c) ? 0 : sentences.contains(c) ? 1 : 2)
                                .thenComparingInt(Vocabulary::proseRank))
                .orElse(null);
    }

    /**
     * The column "mentioning x" searches: a description or notes, else a column of sentences, else
     * a title or subject; null when the relation has none.
     */
    public String proseColumn() {
        return proseColumn;
    }

    private String pickTextColumn(List<ColumnProfile> profiles) {
        Set<String> lowCardinality = new HashSet<>();
        profiles.stream()
                .filter(ColumnProfile::lowCardinality)
                .forEach(p -> lowCardinality.add(p.column()));
        List<String> free =
                columnTypes.keySet().stream()
                        .filter(c -> isText(c) && !lowCardinality.contains(c))
                        .toList();
        return free.stream()
                .filter(c -> c.contains("name"))
                .findFirst()
                .orElse(
                        free.stream()
                                .findFirst()
                                .orElse(
                                        columnTypes.keySet().stream()
                                                .filter(this::isText)
                                                .findFirst()
                                                .orElse(null)));
    }

    /**
     * Notes and comments are prose even when few distinct ones exist: their words are not category
     * values.
     */
    static boolean isFreeText(String column) {
        return io.rowdesk.cache.SnapshotNames.isFreeText(column);
    }

    /**
     * "signed_up_at" answers to "signed up at", "signed up" and, when no other column ends so, its
     * last word.
     */
    private static List<String> columnPhrases(
            String column,
            boolean temporal,
            Map<String, Integer> lastWordUses,
            Map<String, Integer> firstWordUses) {
        List<String> phrases = new ArrayList<>();
        String[] parts = column.split("_");
        phrases.add(String.join(" ", parts));
        phrases.add(column);
        if (temporal
                && parts.length > 1
                && Set.of("at", "on", "date", "time", "ts", "dt", "datetime", "timestamp")
                        .contains(parts[parts.length - 1])) {
            phrases.add(String.join(" ", java.util.Arrays.copyOf(parts, parts.length - 1)));
        }
        String last = parts[parts.length - 1];
        if (parts.length > 1
                && lastWordUses.get(last) == 1
                && !Set.of("at", "on", "id", "by", "date", "dt", "ts").contains(last)) {
            phrases.add(last);
        }
        String first = parts[0];
        if (parts.length > 1
                && firstWordUses.get(first) == 1
                && !Set.of("is", "has", "date", "created", "updated").contains(first)) {
            phrases.add(first);
        }
        return phrases;
    }

    /** Units a column name ends in ("_usd", "_kg", "_pct"): they say nothing of what it holds. */
    private static final Set<String> UNITS =
            Set.of(
                    "usd", "eur", "gbp", "jpy", "cad", "aud", "chf", "inr", "cny", "kg", "g", "lb",
                    "lbs", "km", "mi", "m", "cm", "mm", "pct", "percent", "cents", "ms", "sec",
                    "secs", "seconds", "min", "mins", "minutes", "hrs", "hours", "days", "ppb",
                    "ppm", "c", "f", "kwh", "mb", "gb", "sqm", "sqft", "m2", "ft", "l", "ml", "mph",
                    "kmh");

    /** Common abbreviations in column names, spelled out. */
    private static final Map<String, String> SPELLED_OUT =
            Map.ofEntries(
                    Map.entry("min", "minimum"),
                    Map.entry("max", "maximum"),
                    Map.entry("avg", "average"),
                    Map.entry("qty", "quantity"),
                    Map.entry("amt", "amount"),
                    Map.entry("num", "number"),
                    Map.entry("no", "number"),
                    Map.entry("pct", "percent"),
                    Map.entry("dept", "department"),
                    Map.entry("desc", "description"),
                    Map.entry("temp", "temperature"),
                    Map.entry("yrs", "years"),
                    Map.entry("yr", "year"),
                    Map.entry("hrs", "hours"),
                    Map.entry("mins", "minutes"),
                    Map.entry("addr", "address"),
                    Map.entry("mgr", "manager"),
                    Map.entry("emp", "employee"),
                    Map.entry("cust", "customer"),
                    Map.entry("acct", "account"),
                    Map.entry("txn", "transaction"),
                    Map.entry("est", "estimated"),
                    Map.entry("cnt", "count"),
                    Map.entry("pmt", "payment"),
                    Map.entry("pmts", "payments"),
                    Map.entry("prop", "property"),
                    Map.entry("pts", "points"),
                    Map.entry("env", "environment"),
                    Map.entry("loc", "location"),
                    Map.entry("cat", "category"),
                    Map.entry("ref", "reference"),
                    Map.entry("msg", "message"),
                    Map.entry("bal", "balance"),
                    Map.entry("wt", "weight"),
                    Map.entry("dist", "distance"),
                    Map.entry("dur", "duration"),
                    Map.entry("org", "organization"),
                    Map.entry("lang", "language"),
                    Map.entry("prio", "priority"),
                    Map.entry("img", "image"),
                    Map.entry("cd", "code"),
                    Map.entry("rx", "prescription"));

    /** A count column's last word: "late_pmt_cnt" is said "late payments". */
    private static final Set<String> COUNT_WORDS = Set.of("cnt", "count", "num", "number");

    /**
     * Shorter ways to say a column: without its unit suffix or is/has prefix, with abbreviations
     * spelled out, and a two-word core in either order.
     */
    static List<String> shortenedPhrases(String column) {
        List<String> parts = new ArrayList<>(List.of(column.split("_")));
        if (parts.size() > 1
                && Set.of("is", "has", "was", "can", "did", "does", "will", "should")
                        .contains(parts.get(0))) {
            parts.remove(0);
        }
        if (parts.size() > 1
                && Set.of("flag", "ind", "yn", "bool").contains(parts.get(parts.size() - 1))) {
            parts.remove(parts.size() - 1);
        }
        List<List<String>> cores = new ArrayList<>();
        if (parts.size() > 1 && UNITS.contains(parts.get(parts.size() - 1))) {
            // "labor hours" for labor_hrs as well as "labor"
            if (SPELLED_OUT.containsKey(parts.get(parts.size() - 1))) {
                cores.add(List.copyOf(parts));
            }
            parts.remove(parts.size() - 1);
        }
        cores.add(parts);
        if (parts.size() > 1 && COUNT_WORDS.contains(parts.get(parts.size() - 1))) {
            cores.add(parts.subList(0, parts.size() - 1));
        }
        Set<String> phrases = new java.util.LinkedHashSet<>();
        for (List<String> core :
                cores.stream()
                        .flatMap(
                                c ->
                                        java.util.stream.Stream.of(
                                                c,
                                                c.stream()
                                                        .map(p -> SPELLED_OUT.getOrDefault(p, p))
                                                        .toList()))
                        .toList()) {
            phrases.add(String.join(" ", core));
            if (core.size() == 2) {
                phrases.add(core.get(1) + " " + core.get(0));
            }
            if (core.size() > 1 && core.get(core.size() - 1).equals("cost")) {
                // "parts spend", "parts bill" for parts_cost
                String head = String.join(" ", core.subList(0, core.size() - 1));
                for (String same : List.of("spend", "bill", "expense", "spending")) {
                    phrases.add(head + " " + same);
                }
            }
        }
        phrases.remove(String.join(" ", column.split("_")));
        return List.copyOf(phrases);
    }

    /** Lower case, underscores and hyphens as spaces. */
    static String words(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace('_', ' ')
                .replace('-', ' ')
                .replaceAll("\\s+", " ")
                .trim();
    }

    private static void addForms(Set<String> into, String phrase) {
        into.addAll(forms(phrase));
    }

    /**
     * The phrase as written, with its last word (or, for "order placed", its first) in plural and
     * singular.
     */
    static List<String> forms(String phrase) {
        List<String> forms = new ArrayList<>();
        forms.add(phrase);
        int space = phrase.lastIndexOf(' ');
        String head = space < 0 ? "" : phrase.substring(0, space + 1);
        String last = space < 0 ? phrase : phrase.substring(space + 1);
        forms.add(head + plural(last));
        forms.add(head + singular(last));
        int firstSpace = phrase.indexOf(' ');
        if (firstSpace > 0) {
            String first = phrase.substring(0, firstSpace);
            String tail = phrase.substring(firstSpace);
            forms.add(plural(first) + tail);
            forms.add(singular(first) + tail);
        }
        return forms.stream().distinct().toList();
    }

    /** English plurals that no suffix rule makes. */
    private static final Map<String, String> IRREGULAR_PLURALS =
            Map.of(
                    "child", "children",
                    "person", "people",
                    "man", "men",
                    "woman", "women",
                    "foot", "feet",
                    "tooth", "teeth",
                    "mouse", "mice",
                    "goose", "geese");

    private static final Map<String, String> IRREGULAR_SINGULARS =
            IRREGULAR_PLURALS.entrySet().stream()
                    .collect(
                            java.util.stream.Collectors.toMap(
                                    Map.Entry::getValue, Map.Entry::getKey));

    static String plural(String word) {
        String irregular = IRREGULAR_PLURALS.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.endsWith("s")
                || word.endsWith("x")
                || word.endsWith("ch")
                || word.endsWith("sh")) {
            return word.endsWith("ss")
                            || word.endsWith("x")
                            || word.endsWith("ch")
                            || word.endsWith("sh")
                    ? word + "es"
                    : word;
        }
        if (word.endsWith("y")
                && word.length() > 2
                && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0) {
            return word.substring(0, word.length() - 1) + "ies";
        }
        return word + "s";
    }

    static String singular(String word) {
        String irregular = IRREGULAR_SINGULARS.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses")
                || word.endsWith("xes")
                || word.endsWith("ches")
                || word.endsWith("shes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s")
                && !word.endsWith("ss")
                && !word.endsWith("us")
                && word.length() > 3) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
