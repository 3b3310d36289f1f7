package io.rowdesk.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides the configuration in force: command-line flag, then environment, then file, then default.
 * With no file the built-in demo applies; {@code --demo} with a file adds the file's sections to
 * the demo's.
 */
public final class ConfigResolver {
    static final String ENV_CONFIG = "ROWDESK_CONFIG";
    static final String ENV_PORT = "ROWDESK_PORT";
    static final String ENV_DATA_DIR = "ROWDESK_DATA_DIR";
    static final String ENV_TIMEZONE = "ROWDESK_TIMEZONE";
    static final String ENV_DEMO_SCALE = "ROWDESK_DEMO_SCALE";
    static final String ENV_DEMO_AS_OF = "ROWDESK_DEMO_AS_OF";

    private final Map<String, String> env;
    private final ConfigLoader loader;

    public ConfigResolver(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env is null");
        this.loader = new ConfigLoader(env);
    }

    public RowdeskConfig resolve(StartupOptions options) {
        Path file =
                options.config() != null
                        ? options.config()
                        : env.containsKey(ENV_CONFIG) ? Path.of(env.get(ENV_CONFIG)) : null;
        RowdeskConfig config;
        if (file == null) {
            config = loader.demo();
        } else {
            RowdeskConfig fromFile = loader.load(file);
            boolean withDemo = options.demo() || fromFile.demo().enabled();
            config = withDemo ? loader.loadWithDemo(file) : fromFile;
        }
        return applyOverrides(config, options);
    }

    private RowdeskConfig applyOverrides(RowdeskConfig config, StartupOptions options) {
        List<String> problems = new ArrayList<>();
        ConfigNode envNode = envAsNode(problems);
        ServerConfig server = config.server();
        server = server.withPort(envNode.get(ENV_PORT).integer(server.port(), 0, 65535));
        server =
                server.withDataDir(
                        Path.of(envNode.get(ENV_DATA_DIR).string(server.dataDir().toString())));
        server = server.withTimezone(envNode.get(ENV_TIMEZONE).zone(server.timezone()));
        DemoConfig demo = config.demo();
        double scale = envNode.get(ENV_DEMO_SCALE).decimal(demo.scale(), 0, DemoConfig.MAX_SCALE);
        var asOf = envNode.get(ENV_DEMO_AS_OF).date(demo.asOf());
        if (options.port() != null) {
            server = server.withPort(options.port());
        }
        if (options.dataDir() != null) {
            server = server.withDataDir(options.dataDir());
        }
        if (options.demoScale() != null) {
            if (options.demoScale() <= 0 || options.demoScale() > DemoConfig.MAX_SCALE) {
                problems.add(
                        "--demo-scale: must be greater than 0 and at most " + DemoConfig.MAX_SCALE);
            }
            scale = options.demoScale();
        }
        if (options.asOf() != null) {
            asOf = options.asOf();
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("(environment and flags)", problems);
        }
        boolean demoEnabled = demo.enabled() || options.demo();
        return new RowdeskConfig(
                server,
                new DemoConfig(demoEnabled, demo.seed(), scale, asOf),
                config.sources(),
                config.views(),
                config.relations(),
                config.llm(),
                config.search(),
                config.actions(),
                config.auth(),
                config.grid());
    }

    /**
     * The environment viewed as a flat config document, so that its values get the same checks and
     * wording.
     */
    private ConfigNode envAsNode(List<String> problems) {
        var object = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String key :
                List.of(ENV_PORT, ENV_DATA_DIR, ENV_TIMEZONE, ENV_DEMO_SCALE, ENV_DEMO_AS_OF)) {
            String value = env.get(key);
            if (value != null && !value.isBlank()) {
                object.put(key, value);
            }
        }
        YamlTree empty;
        try {
            empty = YamlTree.parse("");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new ConfigNode(new ConfigNode.Context(empty, Map.of(), problems), object, "");
    }
}
