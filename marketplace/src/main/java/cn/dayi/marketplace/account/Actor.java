package cn.dayi.marketplace.account;

import cn.dayi.marketplace.web.ApiException;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is asking: a signed-in person and their roles, read from the database on every request (a
 * revoked role stops working at once, whatever the token says). Authorisation checks are by
 * organisation as well as role: {@link #requireRoleIn(long, Role...)} is the usual gate.
 *
 * @param personId    person id
 * @param email       sign-in e-mail (lower-case)
 * @param displayName name shown on pages
 * @param memberships every role in every organisation
 */
@Serdeable
public record Actor(long personId, String email, String displayName, List<Membership> memberships) {

    public Actor {
        memberships = List.copyOf(memberships);
    }

    /** Holds any of {@code roles} in any organisation. */
    public boolean hasRole(Role... roles) {
        return hasRole(Set.of(roles));
    }

    /** Holds any of {@code roles} in any organisation. */
    public boolean hasRole(Set<Role> roles) {
        return memberships.stream().anyMatch(m -> roles.contains(m.role()));
    }

    /** Holds any of {@code roles} in organisation {@code organisationId}. */
    public boolean hasRoleIn(long organisationId, Role... roles) {
        return hasRoleIn(organisationId, Set.of(roles));
    }

    /** Holds any of {@code roles} in organisation {@code organisationId}. */
    public boolean hasRoleIn(long organisationId, Set<Role> roles) {
        return memberships.stream().anyMatch(m -> m.organisationId() == organisationId && roles.contains(m.role()));
    }

    /** Works for operator {@code operatorId} in any role ({@link Role#OPERATOR_STAFF}). */
    public boolean isOperatorStaff(long operatorId) {
        return hasRoleIn(operatorId, Role.OPERATOR_STAFF);
    }

    public boolean isPlatformAdmin() {
        return hasRole(Role.PLATFORM_ADMIN);
    }

    /** Organisations in which this person holds any of {@code roles}. */
    public Set<Long> organisationsWith(Role... roles) {
        Set<Role> wanted = Set.of(roles);
        return memberships.stream().filter(m -> wanted.contains(m.role())).map(Membership::organisationId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** 403 {@code FORBIDDEN} unless this person holds one of {@code roles} somewhere. */
    public void requireRole(Role... roles) {
        if (!hasRole(roles)) {
            throw new ApiException.Forbidden("FORBIDDEN", "This needs the role " + names(roles) + ".");
        }
    }

    /**
     * 403 {@code FORBIDDEN} unless this person holds one of {@code roles} in organisation
     * {@code organisationId}. The message does not say whether the organisation exists.
     */
    public void requireRoleIn(long organisationId, Role... roles) {
        if (!hasRoleIn(organisationId, roles)) {
            throw new ApiException.Forbidden("FORBIDDEN",
                    "You need the role " + names(roles) + " in this organisation to do this.");
        }
    }

    private static String names(Role... roles) {
        return Arrays.stream(roles).map(Enum::name).collect(Collectors.joining(" or "));
    }
}
