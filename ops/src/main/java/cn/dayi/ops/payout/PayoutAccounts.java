package cn.dayi.ops.payout;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.ops.settlement.StatementReviews;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An organisation's payout account (收款账户): a Stripe Connect connected account ({@code acct_…}) and/or bank details
 * for a domestic transfer (户名 payee name, 开户行 bank, 账号 account number). Read and set by the organisation's owner
 * admins, operator managers and operator finance ({@link StatementReviews#ANSWERING}) and by platform admins.
 * Payouts use the connected account when Stripe is configured, else the bank details; a payout waiting for an
 * account is routed by the next preparation run.
 *
 * <p>Errors: 404 {@code PAYOUT_ACCOUNT_NOT_FOUND} for anyone else (whether or not the organisation exists);
 * 400 with field errors: {@code STRIPE_ACCOUNT_INVALID} ({@code acct_} and 6–59 letters or digits),
 * {@code PAYEE_NAME_INVALID} (1–100 characters), {@code BANK_NAME_INVALID} (2–100 characters),
 * {@code ACCOUNT_NUMBER_INVALID} (8–30 digits; spaces and dashes are dropped), {@code BANK_DETAILS_INCOMPLETE}
 * (payee, bank and account number go together), {@code PAYOUT_ACCOUNT_EMPTY} (neither a connected account nor bank
 * details). Names may not start with {@code = + - @} (they end up in a spreadsheet).
 */
@Singleton
public class PayoutAccounts {

    static final Pattern STRIPE_ACCOUNT = Pattern.compile("acct_[A-Za-z0-9]{6,59}");
    static final Pattern DIGITS = Pattern.compile("[0-9]{8,30}");

    /** What a party asks to set; blank fields count as absent. */
    @Serdeable
    public record Change(@Nullable String stripeAccountId, @Nullable String payeeName, @Nullable String bankName,
                         @Nullable String accountNumber) {
    }

    /**
     * An organisation's payout account.
     *
     * @param configured false when none has been set (every other field null)
     * @param payoutsBy how the next payout will go: {@code STRIPE_TRANSFER}, {@code BANK_FILE} or {@code NONE}
     *                  (a connected account alone while Stripe is not configured is {@code NONE})
     */
    @Serdeable
    public record View(long organisationId, boolean configured, String stripeAccountId, String payeeName, String bankName,
                       String accountNumber, String payoutsBy, String updatedBy, Instant updatedAt) {
    }

    /** A stored account, as payouts read it. */
    record Stored(String stripeAccountId, String payeeName, String bankName, String accountNumber) {
        boolean hasBank() {
            return accountNumber != null;
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final StripeTransfers stripe;

    PayoutAccounts(Jdbc jdbc, Clock clock, StripeTransfers stripe) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.stripe = stripe;
    }

    /** The organisation's account (an empty view when none is set). */
    public View get(Actor actor, long organisationId) {
        gate(actor, organisationId);
        return jdbc.read(c -> view(c, organisationId));
    }

    /** Validates and replaces the organisation's account; payouts waiting for one are routed by the next run. */
    public View set(Actor actor, long organisationId, Change change) {
        gate(actor, organisationId);
        Stored s = validate(change);
        try {
            jdbc.write(c -> {
            Jdbc.update(c, """
                    INSERT INTO payout_account (organisation_id, stripe_account_id, payee_name, bank_name, account_number,
                                                updated_by, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE stripe_account_id = VALUES(stripe_account_id), payee_name = VALUES(payee_name),
                        bank_name = VALUES(bank_name), account_number = VALUES(account_number),
                        updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)""",
                    organisationId, s.stripeAccountId(), s.payeeName(), s.bankName(), s.accountNumber(), actor.personId(),
                    clock.instant());
                return null;
            });
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("fk_payout_account_org")) { // a platform admin named an organisation that does not exist
                throw new ApiException.NotFound("PAYOUT_ACCOUNT_NOT_FOUND", "There is no such organisation.");
            }
            throw e;
        }
        return get(actor, organisationId);
    }

    /** The stored account of a party, on the caller's connection. */
    static Optional<Stored> stored(Connection c, long organisationId) throws SQLException {
        return Jdbc.one(c, "SELECT stripe_account_id, payee_name, bank_name, account_number FROM payout_account"
                        + " WHERE organisation_id = ?",
                rs -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), organisationId);
    }

    /** How a payout to {@code account} goes now: STRIPE_TRANSFER, BANK_FILE or NONE. */
    String routeOf(Stored account) {
        if (account == null) {
            return "NONE";
        }
        if (account.stripeAccountId() != null && stripe.configured()) {
            return "STRIPE_TRANSFER";
        }
        return account.hasBank() ? "BANK_FILE" : "NONE";
    }

    /** Checks a change field by field; every problem is reported at once. */
    static Stored validate(Change change) {
        Change ch = change == null ? new Change(null, null, null, null) : change;
        List<ApiException.FieldError> errors = new ArrayList<>();
        String acct = blankToNull(ch.stripeAccountId());
        if (acct != null && !STRIPE_ACCOUNT.matcher(acct).matches()) {
            errors.add(new ApiException.FieldError("stripeAccountId", "STRIPE_ACCOUNT_INVALID",
                    "A Stripe connected account id is acct_ followed by 6 to 59 letters or digits, e.g. acct_1Nv0FGQ9RKHgCVdK."));
        }
        String payee = blankToNull(ch.payeeName());
        String bank = blankToNull(ch.bankName());
        String number = ch.accountNumber() == null ? null : blankToNull(ch.accountNumber().replaceAll("[\\s-]", ""));
        boolean anyBank = payee != null || bank != null || number != null;
        if (anyBank) {
            if (payee == null) {
                errors.add(new ApiException.FieldError("payeeName", "BANK_DETAILS_INCOMPLETE",
                        "Give the payee name (户名) together with the bank and the account number."));
            } else if (payee.length() > 100 || formulaLike(payee)) {
                errors.add(new ApiException.FieldError("payeeName", "PAYEE_NAME_INVALID",
                        "The payee name (户名) is 1 to 100 characters, as the bank knows the account holder, and does not "
                                + "start with = + - @."));
            }
            if (bank == null) {
                errors.add(new ApiException.FieldError("bankName", "BANK_DETAILS_INCOMPLETE",
                        "Give the bank and branch (开户行) together with the payee name and the account number."));
            } else if (bank.length() < 2 || bank.length() > 100 || formulaLike(bank)) {
                errors.add(new ApiException.FieldError("bankName", "BANK_NAME_INVALID",
                        "The bank (开户行) is 2 to 100 characters, e.g. 中国工商银行深圳南山支行, and does not start with = + - @."));
            }
            if (number == null) {
                errors.add(new ApiException.FieldError("accountNumber", "BANK_DETAILS_INCOMPLETE",
                        "Give the account number (账号) together with the payee name and the bank."));
            } else if (!DIGITS.matcher(number).matches()) {
                errors.add(new ApiException.FieldError("accountNumber", "ACCOUNT_NUMBER_INVALID",
                        "The account number (账号) is 8 to 30 digits (spaces and dashes are ignored)."));
            }
        }
        if (acct == null && !anyBank) {
            errors.add(new ApiException.FieldError("stripeAccountId", "PAYOUT_ACCOUNT_EMPTY",
                    "Give a Stripe connected account id or the bank details (户名, 开户行, 账号) to be paid to."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.ValidationFailed.of(errors);
        }
        return new Stored(acct, payee, bank, number);
    }

    private View view(Connection c, long organisationId) throws SQLException {
        Optional<View> v = Jdbc.one(c, """
                SELECT a.stripe_account_id, a.payee_name, a.bank_name, a.account_number, p.display_name, a.updated_at
                FROM payout_account a JOIN person p ON p.id = a.updated_by WHERE a.organisation_id = ?""",
                rs -> new View(organisationId, true, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        routeOf(new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))),
                        rs.getString(5), Jdbc.instant(rs, "updated_at")), organisationId);
        return v.orElse(new View(organisationId, false, null, null, null, null, "NONE", null, null));
    }

    private static void gate(Actor actor, long organisationId) {
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(organisationId, StatementReviews.ANSWERING)) {
            throw new ApiException.NotFound("PAYOUT_ACCOUNT_NOT_FOUND",
                    "There is no payout account of this organisation that you may see or set.");
        }
    }

    private static boolean formulaLike(String s) {
        return "=+-@".indexOf(s.charAt(0)) >= 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
