package io.rowdesk.config;

/**
 * {@code relations.<r>.columns.<c>:} how a column is shown in the grid, the row panel and result
 * tables. Every part is optional; what is missing is inferred from the column's type and name.
 *
 * @param label the header people read (null: from the name, "partner_country" → "Partner country")
 * @param format how values read (null: from type and name)
 * @param hidden left out of the grid's default columns; still in the API, the panel and search
 */
public record ColumnPresentation(String label, ColumnFormat format, boolean hidden) {
    public static final ColumnPresentation DEFAULT = new ColumnPresentation(null, null, false);
}
