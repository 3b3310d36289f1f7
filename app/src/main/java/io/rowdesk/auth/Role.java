package io.rowdesk.auth;

import java.util.Locale;

/**
 * What a user may do. Each role includes the ones before it: a builder can do all a viewer can.
 * {@link #PUBLIC} marks the few routes that need no login; no user has it.
 */
public enum Role {
    PUBLIC,
    VIEWER,
    BUILDER,
    ADMIN;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named in configuration or the database, or null; PUBLIC is not assignable. */
    public static Role parse(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "viewer" -> VIEWER;
            case "builder" -> BUILDER;
            case "admin" -> ADMIN;
            default -> null;
        };
    }

    public static Role[] assignable() {
        return new Role[] {VIEWER, BUILDER, ADMIN};
    }
}
