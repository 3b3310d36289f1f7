package io.rowdesk.cli;

import io.rowdesk.Rowdesk;
import io.rowdesk.config.RowdeskConfig;
import java.time.Clock;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rowdesk serve}: starts the server, on the demo warehouse when no configuration is given.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the Rowdesk server (the default command).")
public final class ServeCommand implements Runnable {
    @Mixin AppOptions app;

    @Option(names = "--port", description = "HTTP port (default 7070; 0 picks a free one).")
    Integer port;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description =
                    "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces).")
    String host;

    @Override
    public void run() {
        RowdeskConfig resolved = app.resolve(port);
        Rowdesk rowdesk = new Rowdesk(resolved, System.getenv(), Clock.systemUTC()).start(host);
        Runtime.getRuntime().addShutdownHook(new Thread(rowdesk::close, "rowdesk-shutdown"));
        printWelcome(rowdesk);
    }

    private static void printWelcome(Rowdesk rowdesk) {
        Rowdesk.Startup startup = rowdesk.startup();
        if (startup.demo() != null && startup.demo().generated()) {
            System.out.printf(
                    Locale.ROOT,
                    "Demo warehouse generated in %.1f s%n",
                    startup.demo().report().elapsedMillis() / 1000.0);
        }
        System.out.printf(
                Locale.ROOT,
                "Rowdesk is ready at http://localhost:%d (started in %.1f s)%n",
                rowdesk.port(),
                startup.elapsedMillis() / 1000.0);
        var admin = startup.admin();
        if (admin.generatedPassword() != null) {
            // Printed once, on the console only: it is never logged or stored in clear.
            System.out.println(
                    "Log in as "
                            + admin.email()
                            + " with password "
                            + admin.generatedPassword()
                            + "  (shown once; set ROWDESK_ADMIN_PASSWORD before the first start to choose it)");
        } else if (admin.created()) {
            System.out.println(
                    "Log in as " + admin.email() + " with the password in ROWDESK_ADMIN_PASSWORD");
        } else {
            System.out.println("Log in as " + admin.email() + " (the password set at first start)");
        }
    }
}
