package io.rowdesk.cli;

import io.rowdesk.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; with no subcommand it serves. */
@Command(
        name = "rowdesk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A natural-language data grid over the warehouse.",
        subcommands = {
            ServeCommand.class,
            TranslateCommand.class,
            EvalCommand.class,
            AuditCommand.class,
            SyncCommand.class,
            UsersCommand.class,
            DemoCommand.class,
            BenchCommand.class
        })
public final class RowdeskCommand implements Runnable {

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RowdeskCommand());
        commandLine.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    // Configuration problems are the user's to fix: say what, without a stack
                    // trace.
                    if (e instanceof ConfigException
                            || e instanceof IllegalStateException
                            || e instanceof IllegalArgumentException) {
                        cmd.getErr().println("rowdesk: " + e.getMessage());
                        return 2;
                    }
                    throw e;
                });
        return commandLine;
    }

    public static boolean isServe(String[] args) {
        for (String arg : args) {
            if (arg.equals("--help")
                    || arg.equals("-h")
                    || arg.equals("--version")
                    || arg.equals("-V")) {
                return false;
            }
        }
        return args.length == 0 || args[0].equals("serve") || args[0].startsWith("-");
    }

    @Override
    public void run() {
        new ServeCommand().run();
    }
}
