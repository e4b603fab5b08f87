package cn.dayi.marketplace.account;

import cn.dayi.marketplace.catalogue.OrganisationKind;
import io.micronaut.serde.annotation.Serdeable;

/** One role of a person in one organisation. */
@Serdeable
public record Membership(long organisationId, String organisationName, OrganisationKind organisationKind, Role role) {
}
