package cn.dayi.marketplace.ledger;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * Who may read which ledger accounts, and the reads: a party's balances and an account's statement.
 *
 * <p>A party is {@code platform} (clearing accounts, platform revenue, voucher receivable: platform
 * admins), {@code fiscal-fund} (the fiscal fund's payable: fiscal officers and platform admins) or an
 * organisation id (its owner, operator and buyer accounts: its OWNER_ADMIN, OPERATOR_FINANCE,
 * OPERATOR_MANAGER or BUYER_MEMBER, and platform admins). Balances are fen in the account's normal
 * side (positive = money in the clearing account, money owed to the party, money held for the buyer).
 *
 * <p>Errors: 400 {@code PARTY_INVALID}, {@code PERIOD_INVALID}; 403 {@code FORBIDDEN}; 404
 * {@code ACCOUNT_NOT_FOUND}.
 */
@Singleton
public class Balances {

    private final Ledger ledger;

    public Balances(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * A party's accounts.
     *
     * @param party    {@code platform}, {@code fiscal-fund} or an organisation id
     * @param asOf     balances over entries posted before this instant (UTC)
     * @param accounts one per account that exists (accounts are created by their first posting)
     */
    @Serdeable
    public record PartyAccounts(String party, Instant asOf, List<Ledger.AccountBalance> accounts) {
    }

    public PartyAccounts of(Actor actor, String party, Instant asOf) {
        AccountType.PartyLevel level = level(party);
        long partyId = level == AccountType.PartyLevel.ORGANISATION ? Long.parseLong(party.strip()) : 0;
        requireReader(actor, level, partyId);
        List<Ledger.AccountBalance> accounts = ledger.accountsOf(partyId, asOf).stream()
                .filter(a -> a.type().partyLevel() == level).toList();
        return new PartyAccounts(party.strip(), asOf, accounts);
    }

    /** The statement of an account over {@code [from, to)}, if the actor may read it. */
    public Ledger.Statement statement(Actor actor, long accountId, Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            throw new ApiException.ValidationFailed("to", "PERIOD_INVALID", "Give a period whose end is after its start.");
        }
        Ledger.AccountBalance a = ledger.account(accountId, from).orElseThrow(Balances::notFound);
        if (!mayRead(actor, a.type().partyLevel(), a.partyId())) {
            throw notFound(); // do not tell outsiders which accounts exist
        }
        return ledger.statement(accountId, from, to).orElseThrow(Balances::notFound);
    }

    private static AccountType.PartyLevel level(String party) {
        String p = party == null ? "" : party.strip();
        if (p.equals("platform")) {
            return AccountType.PartyLevel.PLATFORM;
        }
        if (p.equals("fiscal-fund")) {
            return AccountType.PartyLevel.FISCAL_FUND;
        }
        if (p.matches("[1-9][0-9]{0,17}")) {
            return AccountType.PartyLevel.ORGANISATION;
        }
        throw new ApiException.ValidationFailed("party", "PARTY_INVALID",
                "A party is 'platform', 'fiscal-fund' or an organisation id; got '" + p + "'.");
    }

    private static void requireReader(Actor actor, AccountType.PartyLevel level, long partyId) {
        if (!mayRead(actor, level, partyId)) {
            throw new ApiException.Forbidden("FORBIDDEN", switch (level) {
                case PLATFORM -> "Only platform admins see the platform's accounts.";
                case FISCAL_FUND -> "Only fiscal officers and platform admins see the fiscal fund's accounts.";
                case ORGANISATION -> "Only the organisation's owner admins, operator finance staff and managers, and "
                        + "buyer members (and platform admins) see its accounts.";
            });
        }
    }

    static boolean mayRead(Actor actor, AccountType.PartyLevel level, long partyId) {
        if (actor.isPlatformAdmin()) {
            return true;
        }
        return switch (level) {
            case PLATFORM -> false;
            case FISCAL_FUND -> !actor.organisationsWith(Role.FISCAL_OFFICER).isEmpty();
            case ORGANISATION -> actor.hasRoleIn(partyId, Role.OWNER_ADMIN, Role.OPERATOR_FINANCE, Role.OPERATOR_MANAGER,
                    Role.BUYER_MEMBER);
        };
    }

    private static ApiException notFound() {
        return new ApiException.NotFound("ACCOUNT_NOT_FOUND", "There is no ledger account with this id that you can see.");
    }
}
