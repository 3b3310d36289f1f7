package io.rowdesk.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code relations.<r>.columns:} and {@code currency:} (see {@link ColumnPresentation}). */
final class ColumnPresentations {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ColumnPresentations() {}

    static Map<String, ColumnPresentation> parse(ConfigNode node) {
        Map<String, ColumnPresentation> columns = new LinkedHashMap<>();
        node.entries()
                .forEach(
                        (name, item) -> {
                            item.allowOnly("label", "format", "hidden");
                            columns.put(
                                    name,
                                    new ColumnPresentation(
                                            item.get("label").string(null),
                                            format(item.get("format")),
                                            item.get("hidden").bool(false)));
                        });
        return columns;
    }

    static String currency(ConfigNode node) {
        String code = node.string(null);
        if (code != null && !CURRENCY.matcher(code.trim().toUpperCase(Locale.ROOT)).matches()) {
            node.problem(
                    "must be a three-letter currency code such as USD or EUR, got '" + code + "'");
            return null;
        }
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    /** {@code format: money} or {@code format: {kind: money, currency: USD, decimals: 2}}. */
    private static ColumnFormat format(ConfigNode node) {
        if (!node.present()) {
            return null;
        }
        if (node.raw().isValueNode()) {
            return check(
                    node,
                    node.choice(ColumnFormat.Kind.TEXT, ColumnFormat.Kind.class),
                    null,
                    null,
                    Map.of());
        }
        node.allowOnly("kind", "currency", "decimals", "labels");
        ConfigNode kindNode = node.get("kind");
        if (!kindNode.present()) {
            kindNode.problem("is required: one of " + kinds());
            return null;
        }
        ColumnFormat.Kind kind = kindNode.choice(ColumnFormat.Kind.TEXT, ColumnFormat.Kind.class);
        Integer decimals =
                node.get("decimals").present() ? node.get("decimals").integer(2, 0, 10) : null;
        Map<String, String> labels = new LinkedHashMap<>();
        node.get("labels").entries().forEach((value, label) -> labels.put(value, label.string("")));
        if (!labels.isEmpty() && kind != ColumnFormat.Kind.ENUM) {
            node.get("labels").problem("labels are for kind: enum");
        }
        return check(node, kind, currency(node.get("currency")), decimals, labels);
    }

    private static ColumnFormat check(
            ConfigNode node,
            ColumnFormat.Kind kind,
            String currency,
            Integer decimals,
            Map<String, String> labels) {
        if (currency != null && kind != ColumnFormat.Kind.MONEY) {
            node.get("currency").problem("a currency is for kind: money");
        }
        return new ColumnFormat(kind, currency, decimals, labels);
    }

    private static String kinds() {
        StringBuilder out = new StringBuilder();
        for (ColumnFormat.Kind kind : ColumnFormat.Kind.values()) {
            out.append(out.isEmpty() ? "" : ", ").append(kind.label());
        }
        return out.toString();
    }
}
