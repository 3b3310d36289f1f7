package io.rowdesk.action;

import io.rowdesk.auth.Role;
import java.util.Set;

/**
 * {@code approval: {approvals: 1 or 2, when: "amount > 500", roles: [admin]}}: a request waits for
 * that many distinct approvers (never the requester), only when {@code when} holds on the row
 * (always when it is null). Admins may always approve.
 */
public record Approval(int approvals, String when, Set<Role> roles) {
    public Approval {
        if (approvals < 1 || approvals > 2) {
            throw new IllegalArgumentException("approvals must be 1 or 2");
        }
        roles = Set.copyOf(roles);
    }

    public boolean mayApprove(Role role) {
        return role == Role.ADMIN || roles.contains(role);
    }
}
