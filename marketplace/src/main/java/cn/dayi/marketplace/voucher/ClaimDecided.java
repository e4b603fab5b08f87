package cn.dayi.marketplace.voucher;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Where the ledger plugs in: beans implementing this are called inside the transaction that
 * approves or rejects a claim on the fiscal fund, after the claim row is updated; throwing rolls the
 * decision back. The ledger's implementation ({@code cn.dayi.marketplace.ledger.ClaimPostings}) posts an
 * approved claim as {@code VOUCHER_CLAIM:<id>:APPROVED}: debit FISCAL_FUND_RECEIVABLE (the fund owes it), credit
 * VOUCHER_RECEIVABLE (a REDEMPTION: the vouchers the operator redeemed) or the buyer enterprise's
 * SUBSIDY_PAYABLE (a SUBSIDY); a rejection posts nothing.
 */
public interface ClaimDecided {

    /** @param claim the claim as decided (state APPROVED or REJECTED) */
    void onDecided(Connection c, VoucherClaims.Claim claim, Instant now) throws SQLException;
}
