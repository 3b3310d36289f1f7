package io.rowdesk.web;

import io.rowdesk.auth.User;
import io.rowdesk.query.RelationInfo;
import java.util.List;

/** What every page's layout shows: who is logged in and the relations they may open. */
public record PageModel(String title, User user, List<RelationInfo> relations, String active) {
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
