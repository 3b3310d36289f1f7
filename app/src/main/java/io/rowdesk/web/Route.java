package io.rowdesk.web;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.rowdesk.auth.Role;
import java.util.Objects;

/** One registered route and the least role that may use it. */
public record Route(HandlerType method, String path, Role role, Handler handler) {
    public Route {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(role, "every route needs a role: " + path);
        Objects.requireNonNull(handler, "handler is null");
    }
}
