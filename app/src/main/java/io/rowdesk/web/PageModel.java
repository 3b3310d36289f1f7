package io.rowdesk.web;

import io.rowdesk.auth.User;
import io.rowdesk.query.RelationInfo;
import java.util.List;

/** What every page's layout shows: who is logged in and the relations they may open. */
public record PageModel(
        String title, User user, List<RelationInfo> relations, String active, String csrf) {
    public PageModel(String title, User user, List<RelationInfo> relations, String active) {
        this(title, user, relations, active, "");
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
