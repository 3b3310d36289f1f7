package io.rowdesk.web;

import io.javalin.http.Context;
import io.rowdesk.auth.User;
import io.rowdesk.query.RelationInfo;
import java.util.List;

/** What every page's layout shows: who is logged in and the relations they may open. */
public record PageModel(
        String title, User user, List<RelationInfo> relations, String active, String csrf) {
    /** The page of the request's user, with the session's CSRF token every form needs. */
    public static PageModel of(
            Context ctx, String title, List<RelationInfo> relations, String active) {
        return new PageModel(
                title, AccessControl.user(ctx), relations, active, AccessControl.csrf(ctx));
    }

    /** The {@code hx-headers} value that sends the CSRF token with every htmx request. */
    public String hxHeaders() {
        return "{\"" + AccessControl.CSRF_HEADER + "\": \"" + csrf + "\"}";
    }

    public String count(long n) {
        return CellFormat.count(n);
    }

    public String relationPath(String name) {
        return RelationController.relationPath(name);
    }

    /** The other pages this user's role may open (see {@link Navigation}). */
    public java.util.List<Navigation.Link> pages() {
        return Navigation.forRole(user.role());
    }

    public String savedViewsUrl() {
        return SavedViewController.SAVED_VIEWS;
    }
}
