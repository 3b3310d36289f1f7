package io.rowdesk.grid;

import io.rowdesk.config.ColumnFormat;
import io.rowdesk.config.ColumnFormat.Kind;
import io.rowdesk.config.ColumnPresentation;
import io.rowdesk.config.RelationConfig;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relation's columns as people read them: what {@code relations.<r>.columns} configures, and for
 * everything else defaults inferred from the column's type and name ({@code *_at} is a date and
 * time, {@code *_id} is shown as stored, {@code amount} is money when the relation names its
 * currency, {@code *_usd} is money in dollars).
 */
public final class Presentation {
    private static final Set<String> ACRONYMS =
            Set.of(
                    "id", "usd", "eur", "gbp", "url", "gmv", "mrr", "arr", "api", "ip", "sku",
                    "utm");
    private static final Pattern DECIMAL_SCALE = Pattern.compile("DECIMAL\\(\\d+,\\s*(\\d+)\\)");
    private static final Pattern CURRENCY_SUFFIX = Pattern.compile(".*_(usd|eur|gbp|chf|cad|aud)$");
    private static final Pattern NUMBER =
            Pattern.compile(
                    "^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT"
                            + "|UHUGEINT|DOUBLE|FLOAT|REAL|DECIMAL).*");

    private Presentation() {}

    public static List<ColumnView> columns(RelationInfo relation, RelationConfig config) {
        return relation.columns().stream().map(c -> column(c, config)).toList();
    }

    public static ColumnView column(Column column, RelationConfig config) {
        ColumnPresentation configured = config.column(column.name());
        ColumnFormat inferred = infer(column, config.currency());
        ColumnFormat format =
                configured.format() == null
                        ? inferred
                        : complete(configured.format(), inferred, config);
        String label = configured.label() == null ? label(column.name()) : configured.label();
        return new ColumnView(column.name(), column.type(), label, format, configured.hidden());
    }

    /**
     * The column that names a row in the row panel: {@code title_column} when the relation has it,
     * else its key column.
     */
    public static Optional<String> titleColumn(RelationInfo relation, RelationConfig config) {
        for (String name : new String[] {config.titleColumn(), config.keyColumn()}) {
            if (name != null && relation.columns().stream().anyMatch(c -> c.name().equals(name))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The relation's key column, when it has one the relation really contains. */
    public static Optional<String> keyColumn(RelationInfo relation, RelationConfig config) {
        String name = config.keyColumn();
        return name != null && relation.columns().stream().anyMatch(c -> c.name().equals(name))
                ? Optional.of(name)
                : Optional.empty();
    }

    /**
     * The order the grid opens in ({@code default_sort}); a sort naming a column the relation does
     * not have is ignored rather than breaking the page.
     */
    public static List<SortKey> defaultSort(RelationInfo relation, RelationConfig config) {
        try {
            return SortKey.parse(config.defaultSort(), relation.columns());
        } catch (SortKey.InvalidSortException e) {
            return List.of();
        }
    }

    /** "partner_country" → "Partner country", "mrr" → "MRR", "payout_id" → "Payout ID". */
    public static String label(String name) {
        String[] words = name.toLowerCase(Locale.ROOT).split("_+");
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (ACRONYMS.contains(word)) {
                out.append(word.toUpperCase(Locale.ROOT));
            } else if (out.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            } else {
                out.append(word);
            }
        }
        return out.isEmpty() ? name : out.toString();
    }

    static ColumnFormat infer(Column column, String currency) {
        String type = column.type().toUpperCase(Locale.ROOT);
        String name = column.name().toLowerCase(Locale.ROOT);
        if (type.equals("BOOLEAN")) {
            return ColumnFormat.of(Kind.BOOLEAN);
        }
        if (type.startsWith("JSON")
                || type.startsWith("STRUCT")
                || type.startsWith("MAP")
                || type.startsWith("LIST")
                || type.endsWith("]")) {
            return ColumnFormat.of(Kind.JSON);
        }
        if (type.startsWith("TIMESTAMP")) {
            return ColumnFormat.of(Kind.DATETIME);
        }
        if (type.equals("DATE")) {
            return ColumnFormat.of(Kind.DATE);
        }
        if (name.equals("id") || name.endsWith("_id")) {
            return ColumnFormat.of(Kind.PLAIN);
        }
        if (NUMBER.matcher(type).matches()) {
            Integer scale = scale(type);
            Matcher suffix = CURRENCY_SUFFIX.matcher(name);
            if (suffix.matches()) {
                return new ColumnFormat(
                        Kind.MONEY, suffix.group(1).toUpperCase(Locale.ROOT), scale, null);
            }
            if (currency != null
                    && (name.equals("amount")
                            || name.endsWith("_amount")
                            || Set.of("mrr", "arr", "annual_gmv", "gmv", "revenue", "price")
                                    .contains(name))) {
                return new ColumnFormat(Kind.MONEY, currency, scale, null);
            }
            if (name.endsWith("_seconds") || name.endsWith("_secs")) {
                return ColumnFormat.of(Kind.DURATION);
            }
            return new ColumnFormat(Kind.NUMBER, null, scale, null);
        }
        if (name.equals("email") || name.endsWith("_email")) {
            return ColumnFormat.of(Kind.EMAIL);
        }
        if (name.equals("url") || name.endsWith("_url") || name.equals("website")) {
            return ColumnFormat.of(Kind.URL);
        }
        return ColumnFormat.of(Kind.TEXT);
    }

    /** A configured format takes what it leaves out from the inferred one and the relation. */
    private static ColumnFormat complete(
            ColumnFormat configured, ColumnFormat inferred, RelationConfig config) {
        String currency = configured.currency();
        if (configured.kind() == Kind.MONEY && currency == null) {
            currency = inferred.currency() != null ? inferred.currency() : config.currency();
        }
        Integer decimals =
                configured.decimals() != null ? configured.decimals() : inferred.decimals();
        return new ColumnFormat(configured.kind(), currency, decimals, configured.labels());
    }

    private static Integer scale(String type) {
        Matcher matcher = DECIMAL_SCALE.matcher(type.replace(" ", ""));
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
