package io.rowdesk.cli;

import io.rowdesk.web.Assets;
import picocli.CommandLine;

/** Reads the version Maven wrote into the build properties. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"rowdesk " + Assets.VERSION};
    }
}
