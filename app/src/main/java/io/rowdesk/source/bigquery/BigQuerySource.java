package io.rowdesk.source.bigquery;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import io.rowdesk.config.SourceConfig;
import io.rowdesk.source.Source;
import io.rowdesk.source.SourceException;
import io.rowdesk.source.SourceTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A BigQuery dataset read through the official client: a table's schema, then its rows page by page
 * ({@code tabledata.list}), or a {@code query} entry's rows from a query job. Credentials come from
 * a service-account JSON file or the application default credentials; an {@code endpoint} (a local
 * test server) goes without any.
 */
public final class BigQuerySource implements Source {
    private final String name;
    private final SourceConfig.BigQuerySettings settings;
    private final List<SourceConfig.TableConfig> configured;
    private volatile BigQuery client;

    public BigQuerySource(SourceConfig config) {
        Objects.requireNonNull(config, "config is null");
        this.name = config.name();
        this.settings = Objects.requireNonNull(config.bigquery(), "bigquery settings are null");
        this.configured = config.tableConfigs();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "bigquery";
    }

    @Override
    public List<String> configuredTables() {
        return configured.stream().map(SourceConfig.TableConfig::name).toList();
    }

    BigQuery client() {
        BigQuery current = client;
        if (current != null) {
            return current;
        }
        BigQueryOptions.Builder options =
                BigQueryOptions.newBuilder().setProjectId(settings.project());
        try {
            if (settings.endpoint() != null) {
                options.setHost(settings.endpoint()).setCredentials(NoCredentials.getInstance());
            } else if (settings.credentialsFile() != null) {
                try (InputStream in = Files.newInputStream(settings.credentialsFile())) {
                    options.setCredentials(GoogleCredentials.fromStream(in));
                }
            } else {
                options.setCredentials(GoogleCredentials.getApplicationDefault());
            }
        } catch (IOException e) {
            throw new SourceException(
                    "source '" + name + "': cannot read BigQuery credentials: " + e.getMessage(),
                    e);
        }
        current = options.build().getService();
        client = current;
        return current;
    }

    @Override
    public List<SourceTable> tables() {
        List<SourceTable> tables = new ArrayList<>();
        try {
            List<SourceConfig.TableConfig> wanted = configured;
            if (wanted.isEmpty()) {
                wanted = new ArrayList<>();
                for (Table table :
                        client().listTables(
                                        settings.project() == null
                                                ? null
                                                : DatasetId.of(
                                                        settings.project(), settings.dataset()))
                                .iterateAll()) {
                    wanted.add(SourceConfig.TableConfig.named(table.getTableId().getTable()));
                }
            }
            for (SourceConfig.TableConfig entry : wanted) {
                tables.add(entry.query() != null ? queryTable(entry) : storedTable(entry));
            }
        } catch (BigQueryException e) {
            throw new SourceException(
                    "source '" + name + "': BigQuery answered: " + e.getMessage(), e);
        }
        return tables;
    }

    private BigQueryTable storedTable(SourceConfig.TableConfig entry) {
        TableId id = TableId.of(settings.project(), settings.dataset(), entry.name());
        Table table = client().getTable(id);
        if (table == null) {
            throw new SourceException(
                    "source '"
                            + name
                            + "': there is no table '"
                            + entry.name()
                            + "' in dataset '"
                            + settings.dataset()
                            + "'");
        }
        Long rows = table.getNumRows() == null ? null : table.getNumRows().longValue();
        return new BigQueryTable(
                this,
                entry,
                id,
                "`" + settings.project() + "." + settings.dataset() + "." + entry.name() + "`",
                table.getDefinition().getSchema(),
                rows == null ? -1 : rows);
    }

    /**
     * A {@code query} entry: its columns from a dry run (free: BigQuery plans the query and answers
     * its schema without reading data); its rows from running it at each sync.
     */
    private BigQueryTable queryTable(SourceConfig.TableConfig entry) {
        QueryJobConfiguration dryRun =
                QueryJobConfiguration.newBuilder(entry.query())
                        .setUseLegacySql(false)
                        .setDefaultDataset(DatasetId.of(settings.project(), settings.dataset()))
                        .setDryRun(true)
                        .build();
        Job job = client().create(JobInfo.of(dryRun));
        JobStatistics.QueryStatistics statistics = job.getStatistics();
        Schema schema = statistics == null ? null : statistics.getSchema();
        if (schema == null) {
            throw new SourceException(
                    "source '"
                            + name
                            + "': BigQuery gave no columns for the query of table '"
                            + entry.name()
                            + "'");
        }
        return new BigQueryTable(this, entry, null, "(" + entry.query() + ")", schema, -1);
    }

    /** Runs a standard-SQL query over this source's dataset. */
    TableResult query(QueryJobConfiguration.Builder query) throws InterruptedException {
        return client().query(
                        query.setUseLegacySql(false)
                                .setDefaultDataset(
                                        DatasetId.of(settings.project(), settings.dataset()))
                                .build());
    }
}
