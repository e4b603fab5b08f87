package cn.dayi.marketplace.ledger;

import cn.dayi.marketplace.voucher.ClaimDecided;
import cn.dayi.marketplace.voucher.VoucherClaims;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Posts claims on the fiscal fund that the fiscal officer approved, in the transaction that approves them
 * ({@link ClaimDecided}): journal {@code VOUCHER_CLAIM:<id>:APPROVED} (unique, so a repeat posts nothing), no order.
 * <ul>
 *   <li>REDEMPTION (兑付, claimed by an operator): the vouchers of the claimed orders, receivable since the orders were
 *       confirmed (VOUCHER_RECEIVABLE), become a debt the fund has approved: debit FISCAL_FUND_RECEIVABLE, credit
 *       VOUCHER_RECEIVABLE. The operator's share of those orders was already credited to its OPERATOR_PAYABLE at
 *       completion, like cash; the claim does not pay it twice.</li>
 *   <li>SUBSIDY (先缴后补, made for a buyer enterprise at completion): the fund owes the buyer the subsidy, which the
 *       platform passes on: debit FISCAL_FUND_RECEIVABLE, credit the buyer's SUBSIDY_PAYABLE.</li>
 * </ul>
 * A rejection posts nothing: nothing was posted for the claim before (a rejected redemption's vouchers stay
 * receivable and may be claimed again; a rejected subsidy goes back to the grant).
 */
@Singleton
class ClaimPostings implements ClaimDecided {

    private final Ledger ledger;

    ClaimPostings(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void onDecided(Connection c, VoucherClaims.Claim claim, Instant now) throws SQLException {
        if (!"APPROVED".equals(claim.state())) {
            return;
        }
        String memo = ("REDEMPTION".equals(claim.kind()) ? "兑付 redemption" : "先缴后补 subsidy") + " claim " + claim.id()
                + " of " + claim.claimantName() + ", " + claim.programmeName() + " " + claim.period();
        ledger.post(c, new JournalDraft("VOUCHER_CLAIM:" + claim.id() + ":APPROVED", "VOUCHER_CLAIM_APPROVED", null,
                memo.length() > 500 ? memo.substring(0, 500) : memo, null,
                PostingRules.claimApproved(claim.kind(), claim.claimantId(), claim.amountFen(), claim.currency())), now);
    }
}
