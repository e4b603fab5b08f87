package cn.dayi.marketplace.account;

import cn.dayi.marketplace.account.Organisations.Organisation;
import cn.dayi.marketplace.web.ApiException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see and manage whose staff. A platform admin manages everyone. An operator manager
 * manages the operator roles of their own operator. An owner admin manages the owner-admin and
 * buyer-member roles of their own organisation. Nobody else manages anyone.
 */
public final class StaffPolicy {

    private static final Set<Role> OWNER_ROLES = EnumSet.of(Role.OWNER_ADMIN, Role.BUYER_MEMBER);

    private StaffPolicy() {
    }

    public static boolean canGrant(Actor actor, Organisation organisation, Role role) {
        if (actor.isPlatformAdmin()) {
            return true;
        }
        if (Role.OPERATOR_STAFF.contains(role)) {
            return actor.hasRoleIn(organisation.id(), Role.OPERATOR_MANAGER);
        }
        if (OWNER_ROLES.contains(role)) {
            return actor.hasRoleIn(organisation.id(), Role.OWNER_ADMIN);
        }
        return false;
    }

    public static void requireCanGrant(Actor actor, Organisation organisation, Role role) {
        if (!canGrant(actor, organisation, role)) {
            throw new ApiException.Forbidden("FORBIDDEN", "You may not give the role " + role + " in "
                    + organisation.nameZh() + ".");
        }
    }

    public static boolean canSeeStaff(Actor actor, long organisationId) {
        return actor.isPlatformAdmin() || actor.hasRoleIn(organisationId, Role.OPERATOR_MANAGER, Role.OWNER_ADMIN);
    }

    public static void requireCanSeeStaff(Actor actor, long organisationId) {
        if (!canSeeStaff(actor, organisationId)) {
            throw new ApiException.Forbidden("FORBIDDEN", "You may only see the people of an organisation you manage.");
        }
    }
}
