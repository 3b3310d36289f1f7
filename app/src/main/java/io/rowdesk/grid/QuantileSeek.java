package io.rowdesk.grid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.json.Json;
import io.rowdesk.query.Column;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.QueryResult;
import io.rowdesk.store.SqlFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Exact windows of a sort that has no ordering snapshot yet, without sorting the whole relation: a
 * seek by quantiles of the sort keys.
 *
 * <p>The rows in sort order are cut into bins of the first sort column (boundaries from quantiles
 * of a sample, or every value when the column has few; exact counts from one scan), so the position
 * where each bin starts is known. A bin holding the wanted position is sorted alone when it is
 * small ({@link #LEAF_ROWS}); one that is too wide is cut again: a bin of one value (or NULL) on
 * the next sort column among its rows, a range of values on finer quantiles of the same column,
 * down to the relation's key. Every cut is a predicate of plain comparisons, so the window is
 * exactly that of {@code ORDER BY <sort> NULLS LAST LIMIT n OFFSET k}, ties and NULLs included.
 * Counts are kept per (relation, data version, search, node), so later windows of any sort starting
 * with the same columns reuse them and usually cost one scan of a leaf (pruned by zone maps where
 * the data is clustered).
 */
final class QuantileSeek {
    /** Boundaries per column: bins of about rows/1024 rows. */
    static final int QUANTILES = 1024;

    /**
     * A bin this small is sorted whole to answer a window inside it. Reading the bin's rows costs a
     * scan of the relation's sort columns anyway (unless zone maps prune it); sorting 250k of them
     * adds little, while cutting a bin again costs two more scans.
     */
    static final long LEAF_ROWS = 250_000;

    /** Values sampled for a column's boundaries. */
    static final long SAMPLE_ROWS = 100_000;

    /** A column (or node) whose sample holds at most this many values is counted value by value. */
    static final int FEW_VALUES = 512;

    /** How many times a range of one column is cut finer before it is sorted as it is. */
    private static final int MAX_REFINEMENTS = 4;

    private static final int CACHE_ENTRIES = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Types whose text form casts back to the same value and whose order is the comparison's. */
    private static final Pattern SEEKABLE_TYPE =
            Pattern.compile(
                    "(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER"
                            + "|UBIGINT|FLOAT|DOUBLE|DECIMAL\\(\\d{1,2},\\d{1,2}\\)|VARCHAR|DATE|TIME"
                            + "|TIMESTAMP|TIMESTAMP_S|TIMESTAMP_MS|TIMESTAMP_NS|TIMESTAMP WITH TIME ZONE"
                            + "|UUID)");

    private final QueryEngine engine;
    private final SqlFiles sqlFiles;
    private final ObjectMapper json = Json.MAPPER;
    private final Map<Object, CompletableFuture<Object>> cache =
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(
                        Map.Entry<Object, CompletableFuture<Object>> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            };

    private final long leafRows;

    QuantileSeek(QueryEngine engine, SqlFiles sqlFiles) {
        this(engine, sqlFiles, LEAF_ROWS);
    }

    /** With {@code leafRows} other than {@link #LEAF_ROWS}: tests cut small data deep. */
    QuantileSeek(QueryEngine engine, SqlFiles sqlFiles, long leafRows) {
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.sqlFiles = Objects.requireNonNull(sqlFiles, "sqlFiles is null");
        this.leafRows = leafRows;
        engine.onChange(relation -> forget());
    }

    /** One column's predicate in a node: equal to a value, NULL, or between two (exclusive). */
    record Bound(String column, String type, Kind kind, String low, String high) {
        enum Kind {
            EQUAL,
            NULL,
            RANGE
        }

        static Bound equal(String column, String type, String value) {
            return new Bound(column, type, Kind.EQUAL, value, value);
        }

        static Bound isNull(String column, String type) {
            return new Bound(column, type, Kind.NULL, null, null);
        }

        /** Non-NULL values above {@code low} and below {@code high}; null means unbounded. */
        static Bound range(String column, String type, String low, String high) {
            return new Bound(column, type, Kind.RANGE, low, high);
        }

        void appendSql(StringBuilder sql, List<Object> params) {
            String name = SqlIdentifiers.quoteIdentifier(column);
            switch (kind) {
                case EQUAL -> {
                    sql.append(name).append(" = CAST(? AS ").append(type).append(')');
                    params.add(low);
                }
                case NULL -> sql.append(name).append(" IS NULL");
                case RANGE -> {
                    sql.append(name).append(" IS NOT NULL");
                    if (low != null) {
                        sql.append(" AND ").append(name).append(" > CAST(? AS ").append(type);
                        sql.append(')');
                        params.add(low);
                    }
                    if (high != null) {
                        sql.append(" AND ").append(name).append(" < CAST(? AS ").append(type);
                        sql.append(')');
                        params.add(high);
                    }
                }
            }
        }
    }

    /** Rows matching all of {@code bounds} (a conjunction), and the values to bind. */
    record Predicate(String sql, List<Object> params) {
        static Predicate of(List<Bound> bounds) {
            if (bounds.isEmpty()) {
                return new Predicate("true", List.of());
            }
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            for (Bound bound : bounds) {
                if (!sql.isEmpty()) {
                    sql.append(" AND ");
                }
                sql.append('(');
                bound.appendSql(sql, params);
                sql.append(')');
            }
            return new Predicate(sql.toString(), params);
        }
    }

    /** A bin of a node: its rows match the node's bounds and {@code bound}; ascending order. */
    record Bin(Bound bound, long rows) {}

    /**
     * A run of consecutive positions: the rows matching {@code prefix} (equalities on the first
     * sort columns) and, on sort column {@code column}, {@code range} (null: every value and NULL).
     */
    record Node(List<Bound> prefix, int column, Bound range) {
        Node {
            prefix = List.copyOf(prefix);
        }

        List<Bound> bounds() {
            if (range == null) {
                return prefix;
            }
            List<Bound> all = new ArrayList<>(prefix);
            all.add(range);
            return all;
        }
    }

    private record StatsKey(String relation, long version, String column, String type) {}

    private record CountsKey(
            String relation, long version, GridFilter filter, Node node, String column) {}

    private record Stats(long distinctValues, List<String> boundaries) {}

    /** A window's rows and the number of rows the grid has. */
    record Result(QueryResult rows, long total) {}

    /** Whether every sort column has a type the seek handles (text casts back to the value). */
    static boolean supports(GridQuery query, List<Column> columns) {
        for (SortKey key : query.sort()) {
            String type = typeOf(key.column(), columns);
            if (type == null || !SEEKABLE_TYPE.matcher(type).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String typeOf(String column, List<Column> columns) {
        for (Column c : columns) {
            if (c.name().equals(column)) {
                return c.type().replaceAll("\\s*,\\s*", ",");
            }
        }
        return null;
    }

    /** Rows {@code offset} to {@code offset + limit - 1} of {@code query} over {@code version}. */
    Result window(GridQuery query, List<Column> columns, long version, long offset, int limit) {
        return window(query, columns, version, offset, limit, false);
    }

    /**
     * As {@link #window}, but only from counts made already (warmed after start, or by earlier
     * windows) and leaves no larger than a leaf; null when it would need a counting scan or a large
     * sort. Near the top this replaces a top-N over the whole relation by one over a small leaf (a
     * short time range of a clustered column, or the highest revenues of one channel).
     */
    Result fromCountedBins(
            GridQuery query, List<Column> columns, long version, long offset, int limit) {
        return window(query, columns, version, offset, limit, true);
    }

    private Result window(
            GridQuery query,
            List<Column> columns,
            long version,
            long offset,
            int limit,
            boolean countedOnly) {
        Node root = new Node(List.of(), 0, null);
        List<Bin> rootBins = bins(query, columns, version, root, countedOnly);
        if (rootBins == null) {
            return null;
        }
        long total = rootBins.stream().mapToLong(Bin::rows).sum();
        List<List<Object>> rows = new ArrayList<>();
        List<Column> resultColumns = columns;
        long position = offset;
        while (rows.size() < limit && position < total) {
            Leaf leaf = locate(query, columns, version, root, position, countedOnly);
            if (countedOnly && (leaf == null || leaf.rows() > leafRows)) {
                // A wide leaf (6M rows of one channel that cannot be cut without a scan) sorts
                // no faster than the top-N over the relation.
                return null;
            }
            QueryResult part =
                    fetch(query, leaf.bounds(), position - leaf.start(), limit - rows.size());
            resultColumns = part.columns();
            if (part.rows().isEmpty()) {
                throw new IllegalStateException(
                        "the seek found no rows at position " + position + " of " + total);
            }
            rows.addAll(part.rows());
            position += part.rows().size();
        }
        return new Result(new QueryResult(resultColumns, rows, false), total);
    }

    private record Leaf(List<Bound> bounds, long start, long rows) {}

    /**
     * Counts the bins of {@code column} over all rows of the relation (no search), so that a later
     * window of any sort starting with that column, either way, finds them ready.
     */
    void warm(String relation, Column column, List<Column> columns, long version) {
        GridQuery query = new GridQuery(relation, List.of(SortKey.ascending(column.name())));
        if (supports(query, columns)) {
            bins(query, columns, version, new Node(List.of(), 0, null));
        }
    }

    /**
     * After {@link #warm} has counted every column, counts the levels that the first deep windows
     * of common sorts would otherwise pay for with a scan each: under a column with few values
     * (channel) the bins of every other column, all values in one scan; under a column's NULLs when
     * they are too many for a leaf (revenue is NULL in 91% of lead_events) the bins of the key; and
     * both together ({@code channel,-revenue} then key). Null {@code key}: only the first kind.
     */
    void warmDeeper(String relation, List<Column> columns, String key, long version) {
        Node root = new Node(List.of(), 0, null);
        List<String> seekable = new ArrayList<>();
        for (Column column : columns) {
            if (supports(
                    new GridQuery(relation, List.of(SortKey.ascending(column.name()))), columns)) {
                seekable.add(column.name());
            }
        }
        Map<String, Bound> fewValues = new LinkedHashMap<>();
        Map<String, Bound> wideNulls = new LinkedHashMap<>();
        for (String column : seekable) {
            Object counted =
                    counted(new CountsKey(relation, version, GridFilter.NONE, root, column));
            if (!(counted instanceof List<?> bins)) {
                continue;
            }
            Bin widest = null;
            boolean ranges = false;
            for (Object item : bins) {
                Bin bin = (Bin) item;
                ranges |= bin.bound().kind() == Bound.Kind.RANGE;
                if (bin.rows() > leafRows && (widest == null || bin.rows() > widest.rows())) {
                    widest = bin;
                }
                if (bin.bound().kind() == Bound.Kind.NULL && bin.rows() > leafRows) {
                    wideNulls.put(column, bin.bound());
                }
            }
            if (!ranges && widest != null && bins.size() <= MAX_SIBLINGS) {
                fewValues.put(column, widest.bound());
            }
        }
        List<Runnable> counts = new ArrayList<>();
        if (key != null) {
            wideNulls.forEach(
                    (column, nulls) ->
                            counts.add(
                                    () ->
                                            warmNode(
                                                    relation,
                                                    columns,
                                                    version,
                                                    List.of(nulls),
                                                    key)));
        }
        fewValues.forEach(
                (first, value) -> {
                    for (String next : seekable) {
                        if (!next.equals(first)) {
                            counts.add(
                                    () ->
                                            warmNode(
                                                    relation,
                                                    columns,
                                                    version,
                                                    List.of(value),
                                                    next));
                        }
                    }
                });
        if (key != null) {
            fewValues.forEach(
                    (first, value) ->
                            wideNulls.forEach(
                                    (second, nulls) -> {
                                        if (!second.equals(first) && !key.equals(second)) {
                                            counts.add(
                                                    () ->
                                                            warmNode(
                                                                    relation,
                                                                    columns,
                                                                    version,
                                                                    List.of(value, nulls),
                                                                    key));
                                        }
                                    }));
        }
        counts.forEach(Runnable::run);
    }

    /** Counts the bins of {@code column} under {@code prefix} (equalities on earlier columns). */
    private void warmNode(
            String relation,
            List<Column> columns,
            long version,
            List<Bound> prefix,
            String column) {
        if (prefix.stream().anyMatch(bound -> bound.column().equals(column))) {
            return;
        }
        List<SortKey> sort = new ArrayList<>();
        for (Bound bound : prefix) {
            sort.add(SortKey.ascending(bound.column()));
        }
        sort.add(SortKey.ascending(column));
        bins(
                new GridQuery(relation, sort),
                columns,
                version,
                new Node(prefix, prefix.size(), null));
    }

    /**
     * The smallest run of positions the seek knows exactly that holds {@code position}; with {@code
     * countedOnly}, the smallest it knows without counting more (null when not even the root is
     * counted).
     */
    private Leaf locate(
            GridQuery query,
            List<Column> columns,
            long version,
            Node root,
            long position,
            boolean countedOnly) {
        Node node = root;
        long start = 0;
        int refinements = 0;
        Leaf known = null;
        while (true) {
            List<Bin> bins = bins(query, columns, version, node, countedOnly);
            if (bins == null) {
                return known;
            }
            Bin found = null;
            long binStart = start;
            for (Bin bin : bins) {
                if (position < binStart + bin.rows()) {
                    found = bin;
                    break;
                }
                binStart += bin.rows();
            }
            if (found == null) {
                throw new IllegalStateException(
                        "position " + position + " is past the rows the seek counted");
            }
            List<Bound> leaf = new ArrayList<>(node.prefix());
            leaf.add(found.bound());
            boolean lastColumn = node.column() + 1 >= query.sort().size();
            known = new Leaf(leaf, binStart, found.rows());
            if (found.rows() <= leafRows) {
                return known;
            }
            if (found.bound().kind() != Bound.Kind.RANGE) {
                if (lastColumn) {
                    return known; // rows equal on every sort column
                }
                node = new Node(leaf, node.column() + 1, null);
                refinements = 0;
            } else {
                if (found.bound().equals(node.range()) || refinements >= MAX_REFINEMENTS) {
                    return known; // cannot be cut finer
                }
                node = new Node(node.prefix(), node.column(), found.bound());
                refinements++;
            }
            start = binStart;
        }
    }

    /** The node's bins in the sort's order (NULL last either way), with exact row counts. */
    private List<Bin> bins(GridQuery query, List<Column> columns, long version, Node node) {
        return bins(query, columns, version, node, false);
    }

    /** As {@link #bins(GridQuery, List, long, Node)}; null when not counted and not to be. */
    private List<Bin> bins(
            GridQuery query, List<Column> columns, long version, Node node, boolean countedOnly) {
        SortKey key = query.sort().get(node.column());
        CountsKey countsKey =
                new CountsKey(query.relation(), version, query.filter(), node, key.column());
        @SuppressWarnings("unchecked")
        List<Bin> ascending =
                (List<Bin>)
                        (countedOnly
                                ? counted(countsKey)
                                : cached(countsKey, () -> count(query, columns, version, node)));
        if (ascending == null) {
            return null;
        }
        if (!key.descending()) {
            return ascending;
        }
        List<Bin> descending = new ArrayList<>(ascending.size());
        Bin nulls = null;
        for (Bin bin : ascending) {
            if (bin.bound().kind() == Bound.Kind.NULL) {
                nulls = bin;
            } else {
                descending.add(bin);
            }
        }
        Collections.reverse(descending);
        if (nulls != null) {
            descending.add(nulls);
        }
        return descending;
    }

    /**
     * Counts a node's bins. When the node's first bound is one value of a column with few (one
     * channel of five), its siblings (the other channels with the same further bounds) are counted
     * in the same scan and cached too: the scan costs the same, and the next deep window in another
     * channel then needs none.
     */
    private List<Bin> count(GridQuery query, List<Column> columns, long version, Node node) {
        String column = query.sort().get(node.column()).column();
        String type = typeOf(column, columns);
        Stats stats =
                node.range() == null
                        ? (Stats)
                                cached(
                                        new StatsKey(query.relation(), version, column, type),
                                        () -> columnStats(query.relation(), column))
                        : nodeStats(query, node, column);
        Siblings siblings = siblings(query, version, node);
        Map<Bound, List<Bin>> counted =
                stats.distinctValues() <= FEW_VALUES
                        ? countValues(query, node, column, type, siblings)
                        : null;
        if (counted == null) {
            if (stats.distinctValues() <= FEW_VALUES) {
                // more values than the sample showed: count by quantiles after all
                stats = nodeStats(query, node, column);
            }
            if (stats.boundaries().isEmpty()) {
                throw new IllegalStateException("no boundaries for " + column);
            }
            counted = countRanges(query, node, column, type, stats.boundaries(), siblings);
        }
        if (siblings == null) {
            return counted.get(null);
        }
        for (Bound first : siblings.values()) {
            Node sibling = siblings.node(first);
            CountsKey key =
                    new CountsKey(query.relation(), version, query.filter(), sibling, column);
            List<Bin> bins = counted.getOrDefault(first, List.of());
            synchronized (cache) {
                cache.putIfAbsent(key, CompletableFuture.completedFuture(bins));
            }
        }
        return counted.getOrDefault(node.prefix().get(0), List.of());
    }

    /**
     * The nodes counted with {@code node} in one scan: the same bounds but another value of the
     * first sort column, when that column has few values (its root bins are counted, one value
     * each). Null when the node is not grouped.
     */
    private Siblings siblings(GridQuery query, long version, Node node) {
        if (node.prefix().isEmpty() || node.range() != null) {
            return null;
        }
        String first = query.sort().get(0).column();
        Object rootBins =
                counted(
                        new CountsKey(
                                query.relation(),
                                version,
                                query.filter(),
                                new Node(List.of(), 0, null),
                                first));
        if (!(rootBins instanceof List<?> bins) || bins.size() > MAX_SIBLINGS) {
            return null;
        }
        List<Bound> values = new ArrayList<>();
        for (Object bin : bins) {
            Bound bound = ((Bin) bin).bound();
            if (bound.kind() == Bound.Kind.RANGE) {
                return null;
            }
            values.add(bound);
        }
        return new Siblings(values, node);
    }

    /** Nodes that differ from {@code node} only in their first bound, one of {@code values}. */
    private record Siblings(List<Bound> values, Node node) {
        Node node(Bound first) {
            List<Bound> prefix = new ArrayList<>(node.prefix());
            prefix.set(0, first);
            return new Node(prefix, node.column(), null);
        }

        /** The predicate the siblings share: the node's bounds without the first. */
        Predicate shared() {
            return Predicate.of(node.prefix().subList(1, node.prefix().size()));
        }

        String column() {
            return values.get(0).column();
        }

        /** The first bound a group's text value (null: NULL) stands for. */
        Bound bound(String value) {
            String type = values.get(0).type();
            return value == null
                    ? Bound.isNull(column(), type)
                    : Bound.equal(column(), type, value);
        }
    }

    /** Most sibling nodes counted in one scan: each group holds a histogram of ~2,000 counts. */
    private static final int MAX_SIBLINGS = 64;

    /** Template values that group a count by the siblings' column, or do not group it. */
    private static Map<String, String> grouping(Siblings siblings, boolean trailingComma) {
        if (siblings == null) {
            return Map.of("group", "NULL", "group_by", "");
        }
        String group = "CAST(" + SqlIdentifiers.quoteIdentifier(siblings.column()) + " AS VARCHAR)";
        return Map.of(
                "group", group, "group_by", trailingComma ? group + "," : "GROUP BY " + group);
    }

    /**
     * Bins of one value each, by group (the key null when not grouped); null when there are more
     * values than the cap, so that the caller counts ranges instead.
     */
    private Map<Bound, List<Bin>> countValues(
            GridQuery query, Node node, String column, String type, Siblings siblings) {
        Predicate predicate = siblings == null ? Predicate.of(node.bounds()) : siblings.shared();
        Map<String, String> values = new java.util.HashMap<>(grouping(siblings, true));
        values.put("column", SqlIdentifiers.quoteIdentifier(column));
        values.put("table", SqlIdentifiers.quoteIdentifier(query.relation()));
        values.put("where", query.filter().where());
        values.put("node", predicate.sql());
        List<Object> params = new ArrayList<>(query.filter().params());
        params.addAll(predicate.params());
        int cap = 100_000 * (siblings == null ? 1 : siblings.values().size());
        params.add(cap + 1);
        QueryResult rows =
                engine.query(
                        sqlFiles.render("grid/seek_values.sql", values), params, cap + 1, TIMEOUT);
        if (rows.rows().size() > cap) {
            return null;
        }
        Map<Bound, List<Bin>> bins = new java.util.HashMap<>();
        for (List<Object> row : rows.rows()) {
            Bound group = siblings == null ? null : siblings.bound((String) row.get(0));
            String value = (String) row.get(1);
            long count = ((Number) row.get(2)).longValue();
            bins.computeIfAbsent(group, g -> new ArrayList<>())
                    .add(
                            new Bin(
                                    value == null
                                            ? Bound.isNull(column, type)
                                            : Bound.equal(column, type, value),
                                    count));
        }
        bins.replaceAll((group, list) -> List.copyOf(list));
        bins.putIfAbsent(null, List.of());
        return bins;
    }

    /** Bins between and at {@code boundaries}, by group (the key null when not grouped). */
    private Map<Bound, List<Bin>> countRanges(
            GridQuery query,
            Node node,
            String column,
            String type,
            List<String> boundaries,
            Siblings siblings) {
        Predicate predicate = siblings == null ? Predicate.of(node.bounds()) : siblings.shared();
        Map<String, String> values = new java.util.HashMap<>(grouping(siblings, false));
        values.put("column", SqlIdentifiers.quoteIdentifier(column));
        values.put("type", type);
        values.put("table", SqlIdentifiers.quoteIdentifier(query.relation()));
        values.put("where", query.filter().where());
        values.put("node", predicate.sql());
        List<Object> params = new ArrayList<>();
        try {
            params.add(json.writeValueAsString(boundaries));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        params.addAll(query.filter().params());
        params.addAll(predicate.params());
        int groups = siblings == null ? 1 : siblings.values().size();
        QueryResult result =
                engine.query(
                        sqlFiles.render("grid/seek_counts.sql", values),
                        params,
                        groups + 1,
                        TIMEOUT);
        Map<Bound, List<Bin>> bins = new java.util.HashMap<>();
        for (List<Object> row : result.rows()) {
            Bound group = siblings == null ? null : siblings.bound((String) row.get(0));
            bins.put(group, rangeBins(node, column, type, boundaries, row));
        }
        bins.putIfAbsent(null, List.of());
        return bins;
    }

    /** One group's row of seek_counts.sql as bins in ascending order. */
    private static List<Bin> rangeBins(
            Node node, String column, String type, List<String> boundaries, List<Object> row) {
        long all = ((Number) row.get(1)).longValue();
        long nonNull = ((Number) row.get(2)).longValue();
        List<Long> atMost = longs(row.get(3));
        List<Long> equal = longs(row.get(4));
        String low = node.range() == null ? null : node.range().low();
        String high = node.range() == null ? null : node.range().high();
        List<Bin> bins = new ArrayList<>();
        long counted = 0;
        for (int i = 0; i < boundaries.size(); i++) {
            long upTo = i < atMost.size() ? atMost.get(i) : 0;
            long same = i < equal.size() ? equal.get(i) : 0;
            String boundary = boundaries.get(i);
            add(bins, Bound.range(column, type, low, boundary), upTo - same);
            add(bins, Bound.equal(column, type, boundary), same);
            low = boundary;
            counted += upTo;
        }
        add(bins, Bound.range(column, type, low, high), nonNull - counted);
        if (node.range() == null) {
            add(bins, Bound.isNull(column, type), all - nonNull);
        }
        return List.copyOf(bins);
    }

    private static void add(List<Bin> bins, Bound bound, long rows) {
        if (rows < 0) {
            throw new IllegalStateException("negative bin count for " + bound);
        }
        if (rows > 0) {
            bins.add(new Bin(bound, rows));
        }
    }

    private static List<Long> longs(Object value) {
        if (value == null) {
            return List.of();
        }
        List<Long> out = new ArrayList<>();
        try {
            Object[] items =
                    value instanceof java.sql.Array array
                            ? (Object[]) array.getArray()
                            : ((List<?>) value).toArray();
            for (Object item : items) {
                out.add(item == null ? 0L : ((Number) item).longValue());
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Boundaries of a column over the whole relation (no search), from a sample of it. */
    private Stats columnStats(String relation, String column) {
        long rows = engine.count(relation);
        String sample = "";
        if (rows > SAMPLE_ROWS) {
            // Row by row (bernoulli), not whole vectors (system): vectors of a column clustered in
            // storage (a time, an id) give boundaries bunched in a few places, leaving bins of
            // millions of rows to cut again. One scan of one column, once per data version.
            double percent = Math.min(100.0, 100.0 * SAMPLE_ROWS / rows);
            sample =
                    String.format(
                            java.util.Locale.ROOT, "USING SAMPLE %.4f%% (bernoulli, 42)", percent);
        }
        return stats(SqlIdentifiers.quoteIdentifier(relation), column, sample, List.of());
    }

    /** Boundaries of a column over a node's rows (a range of it, under the search). */
    private Stats nodeStats(GridQuery query, Node node, String column) {
        Predicate predicate = Predicate.of(node.bounds());
        String rows =
                "(SELECT * FROM (SELECT * FROM "
                        + SqlIdentifiers.quoteIdentifier(query.relation())
                        + " "
                        + query.filter().where()
                        + ") AS __rowdesk_rows WHERE "
                        + predicate.sql()
                        + ") AS __rowdesk_node";
        List<Object> params = new ArrayList<>(query.filter().params());
        params.addAll(predicate.params());
        return stats(
                rows,
                column,
                "USING SAMPLE reservoir(" + SAMPLE_ROWS + " ROWS) REPEATABLE (42)",
                params);
    }

    private Stats stats(String rows, String column, String sample, List<Object> params) {
        String sql =
                sqlFiles.render(
                        "grid/seek_column_sample.sql",
                        Map.of(
                                "column",
                                SqlIdentifiers.quoteIdentifier(column),
                                "rows",
                                rows,
                                "sample",
                                sample,
                                "quantiles",
                                Integer.toString(QUANTILES)));
        QueryResult result = engine.query(sql, params, QUANTILES + 1, TIMEOUT);
        long distinct = 0;
        List<String> boundaries = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            distinct = ((Number) row.get(0)).longValue();
            boundaries.add((String) row.get(1));
        }
        return new Stats(distinct, List.copyOf(boundaries));
    }

    private Object cached(Object key, Supplier<Object> compute) {
        CompletableFuture<Object> future;
        boolean mine = false;
        synchronized (cache) {
            future = cache.get(key);
            if (future == null) {
                future = new CompletableFuture<>();
                cache.put(key, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                future.complete(compute.get());
            } catch (RuntimeException e) {
                synchronized (cache) {
                    cache.remove(key, future);
                }
                future.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** What is cached and done for {@code key}, or null (not counted, still counting, failed). */
    private Object counted(Object key) {
        synchronized (cache) {
            CompletableFuture<Object> future = cache.get(key);
            if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
                return null;
            }
            return future.join();
        }
    }

    /** Counts of older data are never asked for again (keys hold the version): free them. */
    private void forget() {
        synchronized (cache) {
            cache.clear();
        }
    }

    private QueryResult fetch(GridQuery query, List<Bound> bounds, long offset, int limit) {
        Predicate predicate = Predicate.of(bounds);
        String sql =
                sqlFiles.render(
                        "grid/seek_window.sql",
                        Map.of(
                                "table", SqlIdentifiers.quoteIdentifier(query.relation()),
                                "where", query.filter().where(),
                                "node", predicate.sql(),
                                "order", SortKey.orderBy(query.sort())));
        List<Object> params = new ArrayList<>(query.filter().params());
        params.addAll(predicate.params());
        params.add(limit);
        params.add(offset);
        return engine.query(sql, params, limit, TIMEOUT);
    }
}
