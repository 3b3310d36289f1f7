package io.rowdesk.cli;

import io.rowdesk.config.DemoConfig;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.demo.DemoBootstrap;
import io.rowdesk.demo.DemoPostgres;
import io.rowdesk.demo.DemoSettings;
import io.rowdesk.store.SqlFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rowdesk demo postgres}: the demo's app tables into a Postgres database, and a config. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Work with the demo warehouse.",
        subcommands = DemoCommand.Postgres.class)
public final class DemoCommand {

    @Command(
            name = "postgres",
            mixinStandardHelpOptions = true,
            description =
                    "Load the demo's app tables (partners, referrers, payouts) into Postgres and write"
                            + " a config of the demo whose 'app' source syncs them from there and"
                            + " whose approve and reject actions write back to it.")
    static final class Postgres implements Callable<Integer> {
        @Mixin AppOptions app;

        @Option(names = "--host", defaultValue = "127.0.0.1")
        String host;

        @Option(names = "--port", defaultValue = "5432")
        int port;

        @Option(names = "--database", required = true)
        String database;

        @Option(names = "--user", defaultValue = "postgres")
        String user;

        @Option(names = "--schema", defaultValue = "public")
        String schema;

        @Option(
                names = "--write-config",
                paramLabel = "FILE",
                defaultValue = "rowdesk-demo-postgres.yaml",
                description = "Where to write the config (default ${DEFAULT-VALUE}).")
        Path output;

        /** The environment (PGPASSWORD); tests give their own. */
        Map<String, String> env = System.getenv();

        @Override
        public Integer call() throws Exception {
            RowdeskConfig config = app.resolve(null);
            Path dataDir = config.server().dataDir();
            DemoSettings made =
                    new DemoBootstrap(new SqlFiles(), Clock.systemUTC())
                            .ensure(dataDir, config.demo(), config.server().timezone())
                            .settings();
            String password = env.get("PGPASSWORD");
            DemoPostgres.Target target =
                    new DemoPostgres.Target(host, port, database, user, password, schema);
            Map<String, Long> counts = DemoPostgres.load(dataDir.resolve("demo"), target);
            counts.forEach((table, n) -> System.out.printf("%s: %,d rows%n", table, n));
            Files.writeString(
                    output,
                    DemoPostgres.config(
                            target,
                            password != null,
                            new DemoConfig(true, made.seed(), made.scale(), made.asOf())));
            System.out.println(
                    "Wrote "
                            + output
                            + "; run: rowdesk serve --config "
                            + output
                            + " --data-dir "
                            + dataDir);
            return 0;
        }
    }
}
