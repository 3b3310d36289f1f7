package io.rowdesk.join;

import io.rowdesk.duck.SqlIdentifiers;
import io.rowdesk.query.Column;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.RelationInfo;
import io.rowdesk.store.SqlFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Candidate join keys between two relations: column pairs of a joinable type whose names look alike
 * ({@code referral_id} ↔ {@code referral_id}, {@code email} ↔ {@code lead_email}), ranked by name
 * similarity, the measured overlap of their values, and whether one side is a unique key.
 */
public final class JoinSuggester {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_MEASURED = 12;

    /** One candidate with its figures; coverage = shared distinct values / that side's. */
    public record Suggestion(
            String left,
            String leftColumn,
            String right,
            String rightColumn,
            double nameScore,
            long leftDistinct,
            long rightDistinct,
            long matched,
            double leftCoverage,
            double rightCoverage,
            boolean leftUnique,
            boolean rightUnique,
            double score) {}

    private final QueryEngine engine;
    private final SqlFiles sqlFiles;

    public JoinSuggester(QueryEngine engine, SqlFiles sqlFiles) {
        this.engine = Objects.requireNonNull(engine, "engine is null");
        this.sqlFiles = Objects.requireNonNull(sqlFiles, "sqlFiles is null");
    }

    public List<Suggestion> suggest(RelationInfo left, RelationInfo right) {
        record Candidate(Column a, Column b, double name) {}
        List<Candidate> candidates = new ArrayList<>();
        for (Column a : left.columns()) {
            for (Column b : right.columns()) {
                String family = family(a.type());
                if (family == null || !family.equals(family(b.type()))) {
                    continue;
                }
                double name = nameScore(a.name(), left.name(), b.name(), right.name());
                if (name > 0) {
                    candidates.add(new Candidate(a, b, name));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::name).reversed());
        List<Suggestion> suggestions = new ArrayList<>();
        for (Candidate c : candidates.subList(0, Math.min(MAX_MEASURED, candidates.size()))) {
            String sql =
                    sqlFiles.render(
                            "joins/overlap.sql",
                            Map.of(
                                    "left_column", SqlIdentifiers.quoteIdentifier(c.a().name()),
                                    "right_column", SqlIdentifiers.quoteIdentifier(c.b().name()),
                                    "left", SqlIdentifiers.quoteIdentifier(left.name()),
                                    "right", SqlIdentifiers.quoteIdentifier(right.name())));
            List<Object> row = engine.query(sql, List.of(), 1, TIMEOUT).rows().get(0);
            long leftDistinct = ((Number) row.get(0)).longValue();
            long rightDistinct = ((Number) row.get(1)).longValue();
            long matched = ((Number) row.get(2)).longValue();
            double leftCoverage = leftDistinct == 0 ? 0 : (double) matched / leftDistinct;
            double rightCoverage = rightDistinct == 0 ? 0 : (double) matched / rightDistinct;
            boolean leftUnique = leftDistinct > 0 && leftDistinct == left.rowCount();
            boolean rightUnique = rightDistinct > 0 && rightDistinct == right.rowCount();
            double score =
                    0.3 * c.name()
                            + 0.5 * Math.max(leftCoverage, rightCoverage)
                            + 0.2 * (matched > 0 && (leftUnique || rightUnique) ? 1 : 0);
            suggestions.add(
                    new Suggestion(
                            left.name(),
                            c.a().name(),
                            right.name(),
                            c.b().name(),
                            c.name(),
                            leftDistinct,
                            rightDistinct,
                            matched,
                            leftCoverage,
                            rightCoverage,
                            leftUnique,
                            rightUnique,
                            score));
        }
        suggestions.sort(Comparator.comparingDouble(Suggestion::score).reversed());
        return suggestions;
    }

    /** Types worth joining on: whole numbers, text, UUIDs (not dates, floats or booleans). */
    static String family(String type) {
        String upper = type.toUpperCase(Locale.ROOT);
        if (upper.matches("(U?TINYINT|U?SMALLINT|U?INTEGER|U?BIGINT|U?HUGEINT)")) {
            return "int";
        }
        if (upper.startsWith("VARCHAR")) {
            return "text";
        }
        if (upper.equals("UUID")) {
            return "uuid";
        }
        return null;
    }

    /**
     * 1 for the same name; 0.9 for {@code <relation>_id} against {@code id}; else the share of name
     * parts in common (so {@code email} and {@code lead_email} score 0.5); 0 below a third.
     */
    static double nameScore(String a, String leftRelation, String b, String rightRelation) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        if (x.equals(y)) {
            return 1.0;
        }
        if (y.equals("id") && refersTo(x, rightRelation)
                || x.equals("id") && refersTo(y, leftRelation)) {
            return 0.9;
        }
        Set<String> xs = new HashSet<>(List.of(x.split("_")));
        Set<String> ys = new HashSet<>(List.of(y.split("_")));
        Set<String> union = new HashSet<>(xs);
        union.addAll(ys);
        xs.retainAll(ys);
        xs.remove("id"); // sharing only "id" says nothing
        double jaccard = union.isEmpty() ? 0 : (double) xs.size() / union.size();
        return jaccard >= 0.34 ? jaccard : 0;
    }

    private static boolean refersTo(String column, String relation) {
        String singular =
                relation.endsWith("s") ? relation.substring(0, relation.length() - 1) : relation;
        return column.equals(singular + "_id") || column.equals(relation + "_id");
    }

    /**
     * The SQL of a view that keeps every row of {@code left} and adds {@code right}'s columns where
     * the keys match. {@code columns} picks and orders the columns as {@code table.column} (empty:
     * all of both, without repeating a shared key); a right column whose name the left already uses
     * is renamed {@code <right>_<column>}.
     */
    public static String viewSql(
            RelationInfo left,
            String leftColumn,
            RelationInfo right,
            String rightColumn,
            List<String> columns) {
        List<String[]> picked = new ArrayList<>(); // {alias "l" or "r", column}
        if (columns.isEmpty()) {
            left.columns().forEach(c -> picked.add(new String[] {"l", c.name()}));
            for (Column c : right.columns()) {
                if (!(c.name().equals(rightColumn) && leftColumn.equals(rightColumn))) {
                    picked.add(new String[] {"r", c.name()});
                }
            }
        } else {
            for (String qualified : columns) {
                int dot = qualified.indexOf('.');
                String table = qualified.substring(0, dot);
                picked.add(
                        new String[] {
                            table.equals(left.name()) ? "l" : "r", qualified.substring(dot + 1)
                        });
            }
        }
        Set<String> leftNames = new HashSet<>();
        picked.stream().filter(p -> p[0].equals("l")).forEach(p -> leftNames.add(p[1]));
        Set<String> taken = new HashSet<>(leftNames);
        List<String> select = new ArrayList<>();
        for (String[] p : picked) {
            String column = SqlIdentifiers.quoteIdentifier(p[1]);
            if (p[0].equals("l")) {
                select.add("l." + column);
                continue;
            }
            String alias = taken.add(p[1]) ? p[1] : right.name() + "_" + p[1];
            taken.add(alias);
            select.add("r." + column + " AS " + SqlIdentifiers.quoteIdentifier(alias));
        }
        return "SELECT "
                + String.join(", ", select)
                + " FROM "
                + SqlIdentifiers.quoteIdentifier(left.name())
                + " AS l LEFT JOIN "
                + SqlIdentifiers.quoteIdentifier(right.name())
                + " AS r ON l."
                + SqlIdentifiers.quoteIdentifier(leftColumn)
                + " = r."
                + SqlIdentifiers.quoteIdentifier(rightColumn);
    }
}
