package io.rowdesk.cli;

import io.rowdesk.BuildInfo;
import picocli.CommandLine;

/** Reads the version Maven wrote into the build properties. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"rowdesk " + BuildInfo.VERSION};
    }
}
