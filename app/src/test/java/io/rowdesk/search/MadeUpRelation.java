package io.rowdesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.rowdesk.auth.Role;
import io.rowdesk.cache.ColumnProfile;
import io.rowdesk.config.RelationConfig;
import io.rowdesk.query.Column;
import io.rowdesk.query.RelationInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A relation made up for a rule test (none of the eval schemas): its columns, the stored values of
 * its category columns, its synonyms and settings, and the SQL the local translator makes of a
 * question over it, asked on 2026-11-20.
 */
final class MadeUpRelation {
    private final RelationInfo relation;
    private final Vocabulary vocabulary;
    private final String key;

    private MadeUpRelation(RelationInfo relation, Vocabulary vocabulary, String key) {
        this.relation = relation;
        this.vocabulary = vocabulary;
        this.key = key;
    }

    static Builder named(String name) {
        return new Builder(name);
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The SQL with its values written in; every word of the question must be placed. */
    String translate(String question) {
        LocalTranslator.Translation t =
                new LocalTranslator().translate(question, vocabulary, LocalDate.of(2026, 11, 20));
        assertThat(t.unmatched()).as(question).isEmpty();
        return new SqlRenderer().render(t.spec(), relation, key).display();
    }

    static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private List<String> synonyms = List.of();
        private Map<String, List<String>> columnSynonyms = Map.of();
        private String dateColumn;
        private String key;

        private Builder(String name) {
            this.name = name;
        }

        Builder column(String column, String type) {
            columns.add(new Column(column, type));
            return this;
        }

        Builder columns(List<Column> all) {
            columns.addAll(all);
            return this;
        }

        /** The stored values of a low-cardinality text column. */
        Builder values(String column, String... stored) {
            values.put(column, List.of(stored));
            return this;
        }

        Builder synonyms(String... words) {
            synonyms = List.of(words);
            return this;
        }

        Builder columnSynonyms(Map<String, List<String>> words) {
            columnSynonyms = words;
            return this;
        }

        Builder dateColumn(String column) {
            dateColumn = column;
            return this;
        }

        Builder key(String column) {
            key = column;
            return this;
        }

        MadeUpRelation build() {
            RelationInfo relation = new RelationInfo(name, "files", columns, 1000, false);
            List<String> names = columns.stream().map(Column::name).toList();
            List<ColumnProfile> profiles =
                    values.entrySet().stream()
                            .map(
                                    e ->
                                            new ColumnProfile(
                                                    name,
                                                    names.indexOf(e.getKey()),
                                                    e.getKey(),
                                                    "VARCHAR",
                                                    1000,
                                                    0,
                                                    e.getValue().size(),
                                                    null,
                                                    null,
                                                    e.getValue().stream()
                                                            .map(
                                                                    v ->
                                                                            new ColumnProfile
                                                                                    .ValueCount(
                                                                                    v, 10))
                                                            .toList()))
                            .toList();
            RelationConfig settings =
                    new RelationConfig(
                            Set.of(Role.assignable()),
                            synonyms,
                            columnSynonyms,
                            Map.of(),
                            dateColumn,
                            key);
            return new MadeUpRelation(relation, new Vocabulary(relation, settings, profiles), key);
        }
    }

    /** Columns written "name TYPE, name TYPE". */
    static List<Column> columns(String spec) {
        return Arrays.stream(spec.split(",\\s*"))
                .map(c -> c.trim().split("\\s+"))
                .map(p -> new Column(p[0], p[1]))
                .toList();
    }
}
