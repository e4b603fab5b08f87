package cn.dayi.marketplace.ledger;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Names an account: its type, its party (organisation id; 0 for the platform and the fiscal fund)
 * and currency. The account row is created on first use.
 */
@Serdeable
public record AccountRef(AccountType type, long partyId, String currency) {

    /** Checks that platform-level types have party 0 and organisation types a real organisation. */
    public AccountRef {
        if (type == null || currency == null) {
            throw new IllegalArgumentException("type and currency are required");
        }
        boolean org = type.partyLevel() == AccountType.PartyLevel.ORGANISATION;
        if (org ? partyId <= 0 : partyId != 0) {
            throw new IllegalArgumentException(type + (org ? " needs an organisation id" : " belongs to no organisation (party 0)")
                    + ", got " + partyId);
        }
    }

    /** The account of {@code type} for organisation {@code organisationId} (or 0 for platform-level types). */
    public static AccountRef of(AccountType type, long organisationId, String currency) {
        return new AccountRef(type, organisationId, currency);
    }

    /** A platform-level account (clearing, platform revenue, fiscal fund). */
    public static AccountRef platform(AccountType type, String currency) {
        return new AccountRef(type, 0, currency);
    }
}
