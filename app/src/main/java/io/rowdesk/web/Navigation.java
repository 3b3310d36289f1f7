package io.rowdesk.web;

import io.rowdesk.auth.Role;
import java.util.List;

/**
 * The sidebar's pages beyond the relations and saved views, each shown to the roles that may open
 * it. A page is listed here when it exists (the sources, actions, requests, approvals, audit and
 * users pages are added with their controllers), so the sidebar never offers a dead link.
 */
public final class Navigation {
    /** One sidebar link and the least role that sees it. */
    public record Link(String label, String path, Role role) {}

    private static final List<Link> LINKS =
            List.of(
                    new Link("Requests", ActionPagesController.REQUESTS_PAGE, Role.VIEWER),
                    new Link("Approvals", ActionPagesController.APPROVALS_PAGE, Role.VIEWER),
                    new Link("Actions", ActionPagesController.ACTIONS_PAGE, Role.VIEWER),
                    new Link("Demo receiver", ActionPagesController.RECEIVER_PAGE, Role.VIEWER),
                    new Link("Sources", SourcesController.PAGE, Role.BUILDER),
                    new Link("Audit log", AuditController.LOG, Role.ADMIN),
                    new Link("Users", UsersController.USERS, Role.ADMIN));

    private Navigation() {}

    public static List<Link> forRole(Role role) {
        return LINKS.stream().filter(link -> role.includes(link.role())).toList();
    }
}
