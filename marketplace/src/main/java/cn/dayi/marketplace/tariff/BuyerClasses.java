package cn.dayi.marketplace.tariff;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Membership;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.pricing.tariff.BuyerClass;
import java.util.Optional;

/**
 * Which buyer class a viewer is priced as: a member (any role) of the instrument's owner is
 * INTERNAL; a member of a university or research institute is ACADEMIC_EXTERNAL; everyone else,
 * anonymous viewers included, is COMMERCIAL. (Verification of memberships is the admin's job;
 * orders will check the class again.)
 */
public final class BuyerClasses {

    private BuyerClasses() {
    }

    /** The class of {@code viewer} for an instrument owned by {@code ownerId}. */
    public static BuyerClass of(Optional<Actor> viewer, long ownerId) {
        if (viewer.isEmpty()) {
            return BuyerClass.COMMERCIAL;
        }
        var memberships = viewer.get().memberships();
        if (memberships.stream().anyMatch(m -> m.organisationId() == ownerId)) {
            return BuyerClass.INTERNAL;
        }
        if (memberships.stream().map(Membership::organisationKind).anyMatch(k -> k == OrganisationKind.UNIVERSITY
                || k == OrganisationKind.RESEARCH_INSTITUTE)) {
            return BuyerClass.ACADEMIC_EXTERNAL;
        }
        return BuyerClass.COMMERCIAL;
    }
}
