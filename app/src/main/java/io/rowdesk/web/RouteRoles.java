package io.rowdesk.web;

import io.javalin.security.RouteRole;
import io.rowdesk.auth.Role;
import java.util.Objects;
import java.util.Set;

/** Adapts the plain {@link Role} enum to Javalin's {@link RouteRole}, so auth knows no web. */
final class RouteRoles {
    private RouteRoles() {}

    /** The route metadata that carries one role. */
    record Required(Role role) implements RouteRole {
        Required {
            Objects.requireNonNull(role, "role is null");
        }
    }

    static Set<RouteRole> of(Role role) {
        return Set.of(new Required(role));
    }

    /** The least role among a route's roles, or null when it has none. */
    static Role least(Set<RouteRole> roles) {
        return roles.stream()
                .filter(Required.class::isInstance)
                .map(r -> ((Required) r).role())
                .min(Role::compareTo)
                .orElse(null);
    }
}
