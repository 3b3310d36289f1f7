package io.rowdesk;

import io.rowdesk.action.ActionDefinitionParser;
import io.rowdesk.action.ActionDrafts;
import io.rowdesk.action.ActionService;
import io.rowdesk.action.Deliveries;
import io.rowdesk.action.DemoReceiver;
import io.rowdesk.action.Outbox;
import io.rowdesk.action.OutboxWorker;
import io.rowdesk.action.RequestState;
import io.rowdesk.action.http.EgressPolicy;
import io.rowdesk.action.http.OutboundHttp;
import io.rowdesk.audit.AuditAnchor;
import io.rowdesk.audit.AuditLog;
import io.rowdesk.audit.AuditSampler;
import io.rowdesk.audit.AuditSearch;
import io.rowdesk.auth.ApiTokenRepository;
import io.rowdesk.auth.AuthService;
import io.rowdesk.auth.InviteRepository;
import io.rowdesk.auth.PasswordHasher;
import io.rowdesk.auth.PasswordPolicy;
import io.rowdesk.auth.SessionRepository;
import io.rowdesk.auth.UserRepository;
import io.rowdesk.cache.ColumnProfiler;
import io.rowdesk.cache.ProfileRepository;
import io.rowdesk.cache.SnapshotRepository;
import io.rowdesk.cache.SnapshotWriter;
import io.rowdesk.cache.SyncService;
import io.rowdesk.cache.SyncStateRepository;
import io.rowdesk.cache.TableStatus;
import io.rowdesk.config.ConfigException;
import io.rowdesk.config.LlmConfig;
import io.rowdesk.config.RowdeskConfig;
import io.rowdesk.config.SourceConfig;
import io.rowdesk.demo.DemoBootstrap;
import io.rowdesk.duck.DuckDb;
import io.rowdesk.error.UserFacingException;
import io.rowdesk.grid.GridFilter;
import io.rowdesk.grid.GridService;
import io.rowdesk.grid.OrderingSnapshots;
import io.rowdesk.join.JoinSuggester;
import io.rowdesk.join.JoinViewRepository;
import io.rowdesk.join.TextModel;
import io.rowdesk.join.ViewProposer;
import io.rowdesk.metrics.AppMetrics;
import io.rowdesk.query.QueryEngine;
import io.rowdesk.query.RelationCatalog;
import io.rowdesk.savedview.SavedViewRepository;
import io.rowdesk.savedview.SavedViews;
import io.rowdesk.search.GuardedQueries;
import io.rowdesk.search.SearchService;
import io.rowdesk.search.SqlGuard;
import io.rowdesk.search.llm.ChatModels;
import io.rowdesk.search.llm.LlmTranslator;
import io.rowdesk.search.semantic.EmbeddingModels;
import io.rowdesk.search.semantic.SemanticMatcher;
import io.rowdesk.secret.SecretBox;
import io.rowdesk.source.Source;
import io.rowdesk.source.files.FileSource;
import io.rowdesk.source.postgres.PostgresSource;
import io.rowdesk.store.DuckDbStateStore;
import io.rowdesk.store.SqlFiles;
import io.rowdesk.store.StateStore;
import io.rowdesk.web.AccessControl;
import io.rowdesk.web.AccountController;
import io.rowdesk.web.ActionController;
import io.rowdesk.web.ActionPagesController;
import io.rowdesk.web.ApiController;
import io.rowdesk.web.AuditController;
import io.rowdesk.web.AuditedRoutes;
import io.rowdesk.web.AuthController;
import io.rowdesk.web.ConcurrentQueryLimit;
import io.rowdesk.web.ErrorPages;
import io.rowdesk.web.GridController;
import io.rowdesk.web.JoinsController;
import io.rowdesk.web.MetricsController;
import io.rowdesk.web.RelationController;
import io.rowdesk.web.Route;
import io.rowdesk.web.Routes;
import io.rowdesk.web.SavedViewController;
import io.rowdesk.web.SearchController;
import io.rowdesk.web.SourcesController;
import io.rowdesk.web.SqlController;
import io.rowdesk.web.Templates;
import io.rowdesk.web.UsersController;
import io.rowdesk.web.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: configuration in, a running server out. No statics, no DI framework; tests
 * build one on a temporary data folder exactly as the command line does.
 */
public final class Rowdesk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Rowdesk.class);

    /** What start-up did, for the console and the tests. */
    public record Startup(
            AuthService.AdminBootstrap admin,
            DemoBootstrap.Result demo,
            SyncService.Report cache,
            long elapsedMillis) {}

    private final RowdeskConfig config;
    private final StateStore state;
    private final QueryEngine engine;
    private final AuditLog audit;
    private final AuthService auth;
    private final SecretBox secrets;
    private final AppMetrics metrics;
    private final RelationCatalog catalog;
    private final ProfileRepository profiles;
    private final SyncService sync;
    private final SqlGuard guard;
    private final GuardedQueries guardedQueries;
    private final Optional<LlmTranslator> llm;
    private final SearchService search;
    private final OrderingSnapshots orderings;
    private final GridService grid;
    private final EgressPolicy egress;
    private final OutboundHttp outboundHttp;
    private final Outbox outbox;
    private final ActionService actions;
    private final OutboxWorker outboxWorker;
    private final DemoReceiver demoReceiver;
    private final List<Route> routes;
    private final WebServer web;
    private final Startup startup;
    private volatile java.util.concurrent.CompletableFuture<Void> gridWarm =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    public Rowdesk(RowdeskConfig config, Map<String, String> env, Clock clock) {
        long started = System.nanoTime();
        this.config = Objects.requireNonNull(config, "config is null");
        Logs.redact(
                java.util.Arrays.asList(
                        env.get("ROWDESK_ADMIN_PASSWORD"),
                        env.get("ROWDESK_ADMIN_TOKEN"),
                        env.get(SecretBox.ENV),
                        env.get(MetricsController.TOKEN_ENV),
                        config.llm().apiKey()));
        Logs.use(config.server().logFormat());
        Path dataDir = config.server().dataDir();
        SqlFiles sqlFiles = new SqlFiles();

        DemoBootstrap.Result demo =
                config.demo().enabled()
                        ? new DemoBootstrap(sqlFiles, clock)
                                .ensure(dataDir, config.demo(), config.server().timezone())
                        : null;

        state = DuckDbStateStore.open(dataDir.resolve("rowdesk.db"), sqlFiles);
        secrets = SecretBox.open(env, dataDir);
        audit = new AuditLog(state.jdbi(), clock, auditAnchor(secrets, dataDir));
        auth =
                new AuthService(
                        new UserRepository(state.jdbi()),
                        new SessionRepository(state.jdbi()),
                        new ApiTokenRepository(state.jdbi()),
                        new InviteRepository(state.jdbi()),
                        new PasswordHasher(),
                        new PasswordPolicy(),
                        secrets,
                        audit,
                        config.auth(),
                        clock);
        AuthService.AdminBootstrap admin =
                auth.ensureAdmin(env.get("ROWDESK_ADMIN_PASSWORD"), env.get("ROWDESK_ADMIN_TOKEN"));

        Path cacheDir = dataDir.resolve("cache");
        SnapshotWriter writer = new SnapshotWriter(cacheDir, clock);
        engine =
                new QueryEngine(
                        cacheDir,
                        new DuckDb.Limits(
                                config.server().memoryBytes() + "B", DuckDb.Limits.QUERY.threads()),
                        dataDir.resolve("query"));
        catalog = new RelationCatalog(config);
        profiles = new ProfileRepository(state.jdbi(), clock);
        sync =
                new SyncService(
                        syncEntries(config, dataDir),
                        withSavedViews(config.views(), new JoinViewRepository(state.jdbi())),
                        writer,
                        new SnapshotRepository(state.jdbi()),
                        new SyncStateRepository(state.jdbi()),
                        engine,
                        catalog,
                        sqlFiles,
                        new ColumnProfiler(engine, sqlFiles, config.search().profileValueLimit()),
                        profiles,
                        audit,
                        clock);
        SyncService.Report cache = sync.start(true);

        guard = new SqlGuard(catalog);
        guardedQueries =
                new GuardedQueries(
                        guard,
                        engine,
                        new GuardedQueries.Limits(
                                config.search().queryTimeout(), config.search().maxRows()));
        LlmConfig llmConfig = config.llm();
        llm =
                llmConfig.provider() == LlmConfig.Provider.NONE
                        ? Optional.empty()
                        : Optional.of(
                                new LlmTranslator(
                                        ChatModels.create(llmConfig),
                                        llmConfig.model(),
                                        llmConfig.timeout(),
                                        llmConfig.apiKey()));
        search =
                new SearchService(
                        catalog,
                        profiles,
                        guardedQueries,
                        clock,
                        config.server().timezone(),
                        llm,
                        new SemanticMatcher(EmbeddingModels.allMiniLmL6V2()));

        orderings =
                new OrderingSnapshots(
                        engine,
                        sqlFiles,
                        OrderingSnapshots.Limits.DEFAULT.withMaxBytes(
                                config.grid().orderingsDiskBytes()),
                        clock,
                        engine.orderingsDir());
        grid = new GridService(engine, orderings, config);

        metrics = new AppMetrics();
        metrics.watch(engine.watchdog());
        try {
            egress = EgressPolicy.parse(config.server().allowPrivateDestinations());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("server.allow_private_destinations", List.of(e.getMessage()));
        }
        outboundHttp = new OutboundHttp(egress, clock);
        outbox = new Outbox(state.jdbi(), secrets, audit);
        metrics.gaugesByState(
                "rowdesk.sync.tables",
                "source tables by sync state",
                java.util.Arrays.stream(TableStatus.State.values()).map(Rowdesk::label).toList(),
                () ->
                        sync.status().stream()
                                .flatMap(source -> source.tables().stream())
                                .collect(
                                        Collectors.groupingBy(
                                                t -> label(t.state()), Collectors.counting())));
        metrics.gaugesByState(
                "rowdesk.action.requests",
                "row action requests by state",
                java.util.Arrays.stream(RequestState.values()).map(Rowdesk::label).toList(),
                () ->
                        outbox.counts().entrySet().stream()
                                .collect(
                                        Collectors.toMap(
                                                e -> label(e.getKey()), Map.Entry::getValue)));
        actions =
                new ActionService(
                        outbox,
                        new ActionDefinitionParser(egress, source -> postgresConnection(source)),
                        catalog,
                        guard,
                        engine,
                        (q, relation, role, removed) -> {
                            var found = search.forGrid(q, relation, role, removed);
                            if (found.limit() != null) {
                                // the grid holds only the first rows of "top 10 ..."; a run on
                                // "all" would take every row that matches
                                throw UserFacingException.badRequest(
                                        "\""
                                                + q
                                                + "\" keeps only the first "
                                                + found.limit()
                                                + " rows; a run on all rows would take every"
                                                + " matching row. Select the rows in the grid"
                                                + " and run the action on the selection.");
                            }
                            return new GridFilter(found.where().sql(), found.where().params());
                        },
                        audit,
                        clock);
        try {
            actions.load(config.actions()).forEach(LOG::warn);
        } catch (ActionDefinitionParser.InvalidDefinitionException e) {
            throw new ConfigException("actions", e.problems());
        }
        Deliveries deliveries =
                new Deliveries(
                        outboundHttp,
                        () -> "http://127.0.0.1:" + web().port(),
                        clock,
                        written ->
                                sync.refreshWritten(
                                        written.source(),
                                        written.table().orElse(null),
                                        written.keyColumn(),
                                        List.copyOf(written.keys())));
        outboxWorker =
                new OutboxWorker(
                        outbox,
                        actions::definition,
                        deliveries,
                        clock,
                        OutboxWorker.Settings.DEFAULT);
        actions.onQueued(outboxWorker::wake);
        demoReceiver = new DemoReceiver(clock);

        Templates templates = new Templates();
        AccessControl access =
                new AccessControl(
                        auth, config.server().publicUrlIsHttps(), new AuditSampler(audit, clock));
        List<Route> declared =
                Routes.all(
                        new AuthController(auth, access, templates),
                        new RelationController(
                                catalog,
                                templates,
                                config.llm().provider() != LlmConfig.Provider.NONE,
                                config,
                                profiles),
                        new ApiController(catalog, audit, BuildInfo.VERSION),
                        new SqlController(guardedQueries),
                        new SearchController(search, catalog),
                        new GridController(catalog, grid, search, config, actions),
                        new SourcesController(sync, catalog, templates),
                        new UsersController(
                                auth, access, catalog, templates, config.server().publicUrl()),
                        new AccountController(auth, catalog, templates),
                        new AuditController(
                                audit,
                                new AuditSearch(state.jdbi(), sqlFiles),
                                catalog,
                                templates,
                                clock),
                        new MetricsController(metrics, env.get(MetricsController.TOKEN_ENV)),
                        new SavedViewController(
                                new SavedViews(
                                        new SavedViewRepository(state.jdbi(), clock),
                                        catalog,
                                        audit)),
                        new JoinsController(
                                catalog,
                                new JoinSuggester(engine, sqlFiles),
                                new JoinViewRepository(state.jdbi()),
                                new ViewProposer(llm.map(model -> (TextModel) model::complete)),
                                sync,
                                audit,
                                clock),
                        new ActionController(
                                actions,
                                new ActionDrafts(actions, deliveries, audit, clock),
                                demoReceiver),
                        new ActionPagesController(
                                actions, catalog, demoReceiver, templates, postgresSourceNames()));
        // Cross-cutting, outermost first: route timing, auditing of bulk reads, per-user limit.
        routes =
                MetricsController.timed(
                        new AuditedRoutes(audit)
                                .apply(
                                        new ConcurrentQueryLimit(
                                                        ConcurrentQueryLimit.DEFAULT_PER_USER)
                                                .apply(declared)),
                        metrics.registry());
        web = new WebServer(routes, access, new ErrorPages(templates, access));
        startup = new Startup(admin, demo, cache, (System.nanoTime() - started) / 1_000_000);
    }

    public static List<io.rowdesk.config.ViewConfig> withSavedViews(
            List<io.rowdesk.config.ViewConfig> configured, JoinViewRepository saved) {
        List<io.rowdesk.config.ViewConfig> views = new java.util.ArrayList<>(configured);
        views.addAll(saved.all());
        return views;
    }

    /** The configured sources with their schedules (shared with {@code rowdesk sync}). */
    public static List<SyncService.Entry> syncEntries(RowdeskConfig config, Path dataDir) {
        return config.sources().stream()
                .map(s -> new SyncService.Entry(source(s, dataDir), s.refresh(), s.fullRefresh()))
                .toList();
    }

    private static String label(Enum<?> state) {
        return state.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The audit chain's HMAC key and head file, both outside the state database. */
    public static AuditAnchor auditAnchor(SecretBox secrets, Path dataDir) {
        return new AuditAnchor(
                secrets.derive("audit-chain"), dataDir.resolve(AuditAnchor.HEAD_FILE));
    }

    private static Source source(SourceConfig config, Path dataDir) {
        return switch (config.kind()) {
            case FILES -> new FileSource(config, dataDir);
            case POSTGRES -> new PostgresSource(config);
            case BIGQUERY -> new io.rowdesk.source.bigquery.BigQuerySource(config);
        };
    }

    /**
     * The write connection of a postgres action: the settings of the configured postgres source of
     * that name (its own connection, not the source's read-only one).
     */
    /** The configured postgres sources, which a postgres destination may write back to. */
    private List<String> postgresSourceNames() {
        return config.sources().stream()
                .filter(source -> source.kind() == SourceConfig.Kind.POSTGRES)
                .map(SourceConfig::name)
                .toList();
    }

    private String[] postgresConnection(String name) {
        for (SourceConfig source : config.sources()) {
            if (source.name().equals(name) && source.kind() == SourceConfig.Kind.POSTGRES) {
                SourceConfig.PostgresSettings pg = source.postgres();
                String host = pg.host().contains(":") ? "[" + pg.host() + "]" : pg.host();
                String url =
                        "jdbc:postgresql://"
                                + host
                                + ":"
                                + pg.port()
                                + "/"
                                + java.net.URLEncoder.encode(
                                        pg.database(), java.nio.charset.StandardCharsets.UTF_8)
                                + "?sslmode="
                                + pg.sslmode();
                return new String[] {url, pg.user(), pg.password()};
            }
        }
        return null;
    }

    public Rowdesk start(String host) {
        web.start(host, config.server().port());
        sync.startSchedules();
        ServerFile.write(
                config.server().dataDir(),
                "http://"
                        + (host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host)
                        + ":"
                        + web.port());
        LOG.info("Rowdesk listening on port {}", web.port());
        // Once ready, never before: the grid's seek counts its bins for the large relations.
        gridWarm = grid.warmInBackground(List.copyOf(catalog.all()));
        if (config.demo().enabled()) {
            // the demo's webhooks go to its own receiver page: allow exactly this host:port, never
            // the whole loopback range
            egress.allowHostPort("127.0.0.1", web.port());
        }
        outboxWorker.start();
        return this;
    }

    public int port() {
        return web.port();
    }

    /** Done when the grid's seek has counted the bins of the large relations (after start). */
    public java.util.concurrent.CompletableFuture<Void> gridWarm() {
        return gridWarm;
    }

    public Startup startup() {
        return startup;
    }

    public List<Route> routes() {
        return routes;
    }

    public WebServer web() {
        return web;
    }

    public AuthService auth() {
        return auth;
    }

    public AppMetrics metrics() {
        return metrics;
    }

    public SecretBox secrets() {
        return secrets;
    }

    public AuditLog audit() {
        return audit;
    }

    public StateStore state() {
        return state;
    }

    public QueryEngine engine() {
        return engine;
    }

    public RelationCatalog catalog() {
        return catalog;
    }

    public ProfileRepository profiles() {
        return profiles;
    }

    public SqlGuard guard() {
        return guard;
    }

    public SearchService search() {
        return search;
    }

    public GuardedQueries guardedQueries() {
        return guardedQueries;
    }

    public OrderingSnapshots orderings() {
        return orderings;
    }

    public SyncService sync() {
        return sync;
    }

    public GridService grid() {
        return grid;
    }

    public ActionService actions() {
        return actions;
    }

    public Outbox outbox() {
        return outbox;
    }

    public OutboxWorker outboxWorker() {
        return outboxWorker;
    }

    public DemoReceiver demoReceiver() {
        return demoReceiver;
    }

    @Override
    public void close() {
        try {
            ServerFile.delete(config.server().dataDir(), web.port());
        } catch (RuntimeException notStarted) {
            // never listened: no server.json to remove
        }
        web.stop();
        outboxWorker.close();
        outboundHttp.close();
        sync.close();
        auth.flushAudit();
        llm.ifPresent(LlmTranslator::close);
        guard.close();
        grid.close();
        orderings.close();
        engine.close();
        state.close();
        metrics.close();
    }
}
