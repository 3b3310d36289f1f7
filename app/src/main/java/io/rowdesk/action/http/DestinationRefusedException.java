package io.rowdesk.action.http;

import java.net.UnknownHostException;

/**
 * A send refused by the {@link EgressPolicy}: never retried. An {@link UnknownHostException}
 * because that is what a DNS resolver may throw.
 */
public final class DestinationRefusedException extends UnknownHostException {
    public DestinationRefusedException(String message) {
        super(message);
    }
}
