package cn.dayi.marketplace.voucher;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Where the ledger plugs in: beans implementing this are called inside the transaction that
 * approves or rejects a claim on the fiscal fund, after the claim row is updated; throwing rolls the
 * decision back. On approval of a REDEMPTION claim the fiscal fund owes the operator {@code
 * amountFen} (a payable: debit voucher programme, credit payable to operator); of a SUBSIDY claim it
 * owes the buyer enterprise. The ledger (branch {@code ledger}) posts these journals.
 */
public interface ClaimDecided {

    /** @param claim the claim as decided (state APPROVED or REJECTED) */
    void onDecided(Connection c, VoucherClaims.Claim claim, Instant now) throws SQLException;
}
