package io.rowdesk.action;

/**
 * {@code auth: {kind: none | bearer | basic | oauth2_client_credentials, ...}} of an http
 * destination.
 */
public sealed interface HttpAuth {
    None NONE = new None();

    record None() implements HttpAuth {}

    record Bearer(String token) implements HttpAuth {
        @Override
        public String toString() {
            return "Bearer[***]";
        }
    }

    record Basic(String user, String password) implements HttpAuth {
        @Override
        public String toString() {
            return "Basic[" + user + ", ***]";
        }
    }

    /** The token is fetched from {@code tokenUrl}, cached until it expires, and never logged. */
    record OAuth2ClientCredentials(
            String tokenUrl, String clientId, String clientSecret, String scope)
            implements HttpAuth {
        @Override
        public String toString() {
            return "OAuth2ClientCredentials[" + tokenUrl + ", " + clientId + ", ***]";
        }
    }
}
