package io.rowdesk.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rowdesk.auth.AuthConfig;
import io.rowdesk.auth.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads rowdesk.yaml into a validated {@link RowdeskConfig}; reports every problem at once. */
public final class ConfigLoader {
    /** The configuration that applies when none is given: the embedded demo warehouse. */
    public static final String DEMO_RESOURCE = "demo/rowdesk-demo.yaml";

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env is null");
    }

    public RowdeskConfig load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of("the file does not exist"));
        } catch (IOException e) {
            throw new ConfigException(
                    file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
    }

    public RowdeskConfig demo() {
        return parse(demoText(), "(built-in demo)");
    }

    private static String demoText() {
        try (InputStream in =
                ConfigLoader.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEMO_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEMO_RESOURCE, e);
        }
    }

    public RowdeskConfig parse(String text, String origin) {
        YamlTree tree;
        try {
            tree = YamlTree.parse(text);
        } catch (IOException e) {
            throw new ConfigException(
                    origin, List.of("is not valid YAML: " + firstLine(e.getMessage())));
        }
        return parse(tree, origin);
    }

    private RowdeskConfig parse(YamlTree tree, String origin) {
        List<String> problems = new ArrayList<>();
        ConfigNode root =
                new ConfigNode(new ConfigNode.Context(tree, env, problems), tree.root(), "");
        if (!tree.root().isObject()) {
            throw new ConfigException(
                    origin, List.of("must be a mapping of sections (server, demo, sources, ...)"));
        }
        root.allowOnly(
                "server",
                "demo",
                "sources",
                "views",
                "relations",
                "llm",
                "search",
                "actions",
                "auth",
                "grid");
        RowdeskConfig config =
                new RowdeskConfig(
                        server(root.get("server")),
                        demo(root.get("demo")),
                        sources(root.get("sources")),
                        views(root.get("views")),
                        relations(root.get("relations")),
                        llm(root.get("llm")),
                        search(root.get("search")),
                        actions(root.get("actions")),
                        auth(root.get("auth")),
                        grid(root.get("grid")));
        checkUniqueNames(config, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(origin, problems);
        }
        return config;
    }

    /**
     * {@code file} read on top of the demo by the rules of {@link DemoMerge}. The file is first
     * checked alone, so that its mistakes are reported with their lines; what only the merge can
     * get wrong (a relation defined twice) is reported with the file's name.
     */
    public RowdeskConfig loadWithDemo(Path file) {
        load(file);
        try {
            YamlTree fileTree = YamlTree.parse(Files.readString(file));
            YamlTree demoTree = YamlTree.parse(demoText());
            if (!fileTree.root().isObject()) {
                return demo();
            }
            ObjectNode merged =
                    DemoMerge.merge((ObjectNode) demoTree.root(), (ObjectNode) fileTree.root());
            return parse(YamlTree.of(merged), file + " (with the demo)");
        } catch (IOException e) {
            throw new ConfigException(
                    file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
    }

    private static void checkUniqueNames(RowdeskConfig config, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.sources().size(); i++) {
            String name = config.sources().get(i).name();
            if (!name.isEmpty() && !names.add(name)) {
                problems.add(
                        "sources["
                                + i
                                + "].name: '"
                                + name
                                + "' is used twice; source names must be unique");
            }
        }
        Set<String> relations = new HashSet<>();
        for (SourceConfig source : config.sources()) {
            for (String table : source.tables()) {
                if (!relations.add(table)) {
                    problems.add(
                            "sources."
                                    + source.name()
                                    + ".tables: relation '"
                                    + table
                                    + "' is defined twice; relation names are unique across all sources");
                }
            }
        }
        for (int i = 0; i < config.views().size(); i++) {
            String name = config.views().get(i).name();
            if (!name.isEmpty() && !relations.add(name)) {
                problems.add(
                        "views["
                                + i
                                + "].name: relation '"
                                + name
                                + "' is defined twice; relation names are unique across all sources and views");
            }
        }
    }

    private static ServerConfig server(ConfigNode node) {
        node.allowOnly(
                "port",
                "data_dir",
                "timezone",
                "memory",
                "public_url",
                "log_format",
                "allow_private_destinations");
        return new ServerConfig(
                node.get("port").integer(ServerConfig.DEFAULT_PORT, 0, 65535),
                Path.of(node.get("data_dir").string(ServerConfig.DEFAULT_DATA_DIR.toString())),
                node.get("timezone").zone(java.time.ZoneOffset.UTC),
                node.get("memory").bytes(ServerConfig.DEFAULT_MEMORY_BYTES, 64L << 20),
                publicUrl(node.get("public_url")),
                node.get("log_format")
                        .choice(ServerConfig.LogFormat.TEXT, ServerConfig.LogFormat.class),
                node.get("allow_private_destinations").strings());
    }

    private static java.net.URI publicUrl(ConfigNode node) {
        String text = node.string(null);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(text.trim());
            if (uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme())
                            || "http".equalsIgnoreCase(uri.getScheme()))) {
                node.problem("must be an http or https address, e.g. https://rowdesk.example.com");
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            node.problem("must be an http or https address, e.g. https://rowdesk.example.com");
            return null;
        }
    }

    private static GridConfig grid(ConfigNode node) {
        node.allowOnly("orderings_disk");
        return new GridConfig(
                node.get("orderings_disk")
                        .bytes(GridConfig.DEFAULT.orderingsDiskBytes(), 1L << 20));
    }

    private static DemoConfig demo(ConfigNode node) {
        node.allowOnly("enabled", "seed", "scale", "as_of");
        return new DemoConfig(
                node.get("enabled").bool(false),
                node.get("seed").longValue(DemoConfig.DEFAULT_SEED),
                node.get("scale").decimal(DemoConfig.DEFAULT_SCALE, 0, DemoConfig.MAX_SCALE),
                node.get("as_of").date(null));
    }

    /** Driver properties that make the Postgres driver load a class named in configuration. */
    static final Set<String> CLASS_LOADING_PROPERTIES =
            Set.of(
                    "socketfactory",
                    "socketfactoryarg",
                    "sslfactory",
                    "sslfactoryarg",
                    "sslhostnameverifier",
                    "sslpasswordcallback",
                    "authenticationpluginclassname",
                    "loggerlevel",
                    "loggerfile");

    private static List<SourceConfig> sources(ConfigNode node) {
        List<SourceConfig> sources = new ArrayList<>();
        for (ConfigNode item : node.list()) {
            SourceConfig.Kind kind =
                    item.get("kind").choice(SourceConfig.Kind.FILES, SourceConfig.Kind.class);
            if (kind == SourceConfig.Kind.POSTGRES) {
                item.allowOnly(
                        "name",
                        "kind",
                        "host",
                        "port",
                        "database",
                        "user",
                        "password",
                        "sslmode",
                        "schema",
                        "tables",
                        "properties",
                        "refresh",
                        "full_refresh",
                        "url",
                        "jdbc_url");
            } else if (kind == SourceConfig.Kind.BIGQUERY) {
                item.allowOnly(
                        "name",
                        "kind",
                        "project",
                        "dataset",
                        "credentials_file",
                        "endpoint",
                        "tables",
                        "refresh",
                        "full_refresh");
            } else {
                item.allowOnly("name", "kind", "path", "tables", "refresh", "full_refresh");
            }
            String name = name(item.get("name"));
            Path path = null;
            SourceConfig.PostgresSettings postgres = null;
            SourceConfig.BigQuerySettings bigquery = null;
            if (kind == SourceConfig.Kind.POSTGRES) {
                postgres = postgres(item);
            } else if (kind == SourceConfig.Kind.BIGQUERY) {
                String credentials = item.get("credentials_file").string(null);
                bigquery =
                        new SourceConfig.BigQuerySettings(
                                item.get("project").requiredString(),
                                item.get("dataset").requiredString(),
                                credentials == null ? null : Path.of(credentials),
                                item.get("endpoint").string(null));
            } else {
                path = Path.of(item.get("path").requiredString());
            }
            List<SourceConfig.TableConfig> tables = new ArrayList<>();
            for (ConfigNode table : item.get("tables").list()) {
                tables.add(table(table, kind));
            }
            sources.add(
                    new SourceConfig(
                            name,
                            kind,
                            path,
                            tables,
                            postgres,
                            bigquery,
                            item.get("refresh").duration(null),
                            item.get("full_refresh").duration(null)));
        }
        return sources;
    }

    private static SourceConfig.TableConfig table(ConfigNode node, SourceConfig.Kind kind) {
        if (node.present() && node.raw().isValueNode()) {
            return SourceConfig.TableConfig.named(name(node));
        }
        if (kind == SourceConfig.Kind.FILES) {
            node.allowOnly("name", "key", "cursor", "path");
        } else {
            node.allowOnly("name", "key", "cursor", "query");
        }
        String key = node.get("key").string(null);
        String cursor = node.get("cursor").string(null);
        if (cursor != null && key == null) {
            node.get("cursor")
                    .problem("needs key: an incremental sync merges changed rows by their key");
        }
        return new SourceConfig.TableConfig(
                name(node.get("name")),
                key,
                cursor,
                node.get("query").string(null),
                node.get("path").string(null));
    }

    private static SourceConfig.PostgresSettings postgres(ConfigNode item) {
        for (String raw : List.of("url", "jdbc_url")) {
            if (item.get(raw).present()) {
                item.get(raw)
                        .problem(
                                "raw JDBC URLs are refused; give host, port, database, user,"
                                        + " password, sslmode and schema");
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        item.get("properties")
                .entries()
                .forEach(
                        (key, value) -> {
                            if (CLASS_LOADING_PROPERTIES.contains(
                                    key.toLowerCase(java.util.Locale.ROOT))) {
                                value.problem(
                                        "driver property '"
                                                + key
                                                + "' is refused: it makes the driver load a class"
                                                + " or write files");
                            } else {
                                properties.put(key, value.string(""));
                            }
                        });
        String sslmode = item.get("sslmode").string("prefer");
        if (!Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
                .contains(sslmode)) {
            item.get("sslmode")
                    .problem(
                            "must be one of disable, allow, prefer, require, verify-ca,"
                                    + " verify-full");
        }
        return new SourceConfig.PostgresSettings(
                item.get("host").requiredString(),
                item.get("port").integer(5432, 1, 65535),
                item.get("database").requiredString(),
                item.get("user").requiredString(),
                item.get("password").string(null),
                sslmode,
                item.get("schema").string("public"),
                properties);
    }

    private static List<ViewConfig> views(ConfigNode node) {
        List<ViewConfig> views = new ArrayList<>();
        for (ConfigNode item : node.list()) {
            item.allowOnly("name", "sql", "sql_file");
            String name = name(item.get("name"));
            String sql = item.get("sql").string(null);
            String sqlFile = item.get("sql_file").string(null);
            if ((sql == null) == (sqlFile == null)) {
                item.problem("give exactly one of sql (the SELECT itself) or sql_file (a path)");
            }
            views.add(new ViewConfig(name, sql, sqlFile));
        }
        return views;
    }

    private static Map<String, RelationConfig> relations(ConfigNode node) {
        Map<String, RelationConfig> relations = new LinkedHashMap<>();
        node.entries()
                .forEach(
                        (name, item) -> {
                            if (!NAME.matcher(name).matches()) {
                                item.problem("relation names use lower-case letters, digits and _");
                            }
                            item.allowOnly(
                                    "roles",
                                    "synonyms",
                                    "date_column",
                                    "key_column",
                                    "columns",
                                    "default_sort",
                                    "title_column",
                                    "currency");
                            Set<Role> roles = EnumSet.noneOf(Role.class);
                            ConfigNode rolesNode = item.get("roles");
                            for (String role : rolesNode.strings()) {
                                Role parsed = Role.parse(role);
                                if (parsed == null) {
                                    rolesNode.problem(
                                            "unknown role '"
                                                    + role
                                                    + "'; allowed: viewer, builder, admin");
                                } else {
                                    roles.add(parsed);
                                }
                            }
                            if (!rolesNode.present()) {
                                roles.addAll(List.of(Role.assignable()));
                            }
                            // An admin sees everything: hiding a relation from the people who
                            // manage access helps no one.
                            roles.add(Role.ADMIN);
                            ConfigNode synonyms = item.get("synonyms");
                            synonyms.allowOnly("relation", "columns", "values");
                            Map<String, List<String>> columns = new LinkedHashMap<>();
                            synonyms.get("columns")
                                    .entries()
                                    .forEach(
                                            (column, words) ->
                                                    columns.put(column, words.strings()));
                            Map<String, Map<String, List<String>>> values = new LinkedHashMap<>();
                            synonyms.get("values")
                                    .entries()
                                    .forEach(
                                            (column, byValue) -> {
                                                Map<String, List<String>> words =
                                                        new LinkedHashMap<>();
                                                byValue.entries()
                                                        .forEach(
                                                                (value, list) ->
                                                                        words.put(
                                                                                value,
                                                                                list.strings()));
                                                values.put(column, words);
                                            });
                            relations.put(
                                    name,
                                    new RelationConfig(
                                            roles,
                                            synonyms.get("relation").strings(),
                                            columns,
                                            values,
                                            item.get("date_column").string(null),
                                            item.get("key_column").string(null),
                                            ColumnPresentations.parse(item.get("columns")),
                                            item.get("default_sort").string(null),
                                            item.get("title_column").string(null),
                                            ColumnPresentations.currency(item.get("currency"))));
                        });
        return relations;
    }

    private static LlmConfig llm(ConfigNode node) {
        node.allowOnly("provider", "model", "base_url", "api_key", "timeout_seconds");
        LlmConfig.Provider provider =
                node.get("provider").choice(LlmConfig.Provider.NONE, LlmConfig.Provider.class);
        String model = node.get("model").string(null);
        if (provider != LlmConfig.Provider.NONE && model == null) {
            node.get("model").problem("is required when a provider is set");
        }
        String baseUrl = node.get("base_url").string(null);
        String apiKey = node.get("api_key").string(null);
        // OpenAI itself and Anthropic need a key; an OpenAI-compatible server at base_url (vLLM,
        // llama.cpp) may not.
        if (apiKey == null
                && (provider == LlmConfig.Provider.ANTHROPIC
                        || provider == LlmConfig.Provider.OPENAI && baseUrl == null)) {
            node.get("api_key")
                    .problem(
                            "is required for provider "
                                    + provider.name().toLowerCase(java.util.Locale.ROOT)
                                    + (provider == LlmConfig.Provider.OPENAI
                                            ? " (unless base_url points at an OpenAI-compatible server)"
                                            : ""));
        }
        return new LlmConfig(
                provider,
                model,
                baseUrl,
                apiKey,
                Duration.ofSeconds(node.get("timeout_seconds").integer(20, 1, 600)));
    }

    private static SearchConfig search(ConfigNode node) {
        node.allowOnly("query_timeout_seconds", "max_rows", "profile_value_limit");
        SearchConfig d = SearchConfig.DEFAULT;
        return new SearchConfig(
                Duration.ofSeconds(
                        node.get("query_timeout_seconds")
                                .integer((int) d.queryTimeout().toSeconds(), 1, 3600)),
                node.get("max_rows").integer(d.maxRows(), 1, 1_000_000),
                node.get("profile_value_limit").integer(d.profileValueLimit(), 1, 10_000));
    }

    /**
     * Kept as plain maps with {@code ${...}} substituted; io.rowdesk.action checks them (the same
     * parser reads definitions sent through the API).
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actions(ConfigNode node) {
        List<Map<String, Object>> actions = new ArrayList<>();
        for (ConfigNode item : node.list()) {
            if (item.entries().isEmpty()) {
                item.problem("must be a mapping describing one action");
                continue;
            }
            actions.add((Map<String, Object>) item.substituted());
        }
        return actions;
    }

    private static AuthConfig auth(ConfigNode node) {
        node.allowOnly(
                "admin_email",
                "session_hours",
                "secure_cookies",
                "idle_minutes",
                "require_totp_from");
        ConfigNode secure = node.get("secure_cookies");
        ConfigNode totp = node.get("require_totp_from");
        Role totpFrom = null;
        if (totp.present()) {
            totpFrom = Role.parse(totp.string(""));
            if (totpFrom == null) {
                totp.problem("must be one of viewer, builder, admin");
            }
        }
        return new AuthConfig(
                node.get("admin_email").string(AuthConfig.DEFAULT.adminEmail()),
                Duration.ofHours(node.get("session_hours").integer(12, 1, 24 * 90)),
                secure.present() ? secure.bool(false) : null,
                Duration.ofMinutes(
                        node.get("idle_minutes")
                                .integer(
                                        (int) AuthConfig.DEFAULT_IDLE.toMinutes(),
                                        5,
                                        24 * 60 * 90)),
                totpFrom);
    }

    private static String name(ConfigNode node) {
        String name = node.requiredString();
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            node.problem(
                    "'" + name + "' is not a valid name; use lower-case letters, digits and _");
        }
        return name;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
