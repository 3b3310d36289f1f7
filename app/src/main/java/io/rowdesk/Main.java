package io.rowdesk;

import io.rowdesk.cli.RowdeskCommand;

/** {@code rowdesk <subcommand>}: see {@code rowdesk --help}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int exit = RowdeskCommand.commandLine().execute(args);
        // serve keeps its non-daemon server threads alive; every other command ends here.
        if (exit != 0 || !RowdeskCommand.isServe(args)) {
            System.exit(exit);
        }
    }
}
