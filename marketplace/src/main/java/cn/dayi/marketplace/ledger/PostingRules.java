package cn.dayi.marketplace.ledger;

import cn.dayi.marketplace.ledger.JournalDraft.Leg;
import cn.dayi.pricing.FenRounding;
import cn.dayi.pricing.split.Party;
import cn.dayi.pricing.split.SplitAllocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The posting rules of orders, as pure functions from amounts to journal legs (tested without a
 * database). Signs: debit &gt; 0.
 *
 * <ul>
 *   <li><b>Payment</b>: debit the clearing account of the method (bank transfer → BANK_CLEARING, card →
 *       CARD_CLEARING), credit the buyer's BUYER_PREPAID (unearned, held for the buyer).</li>
 *   <li><b>Recognition</b> (completion, cancellation fee, no-show fee): debit BUYER_PREPAID by the
 *       amount earned; its instrument-use part is split by {@link RevenueTerms} (largest remainder);
 *       service fees and consumables are credited wholly to the operator.</li>
 *   <li><b>Refund</b>: credit the clearing account of the payment's method by the cash part and
 *       VOUCHER_RECEIVABLE by the voucher part ({@link RefundSplit}); debit BUYER_PREPAID for what is still
 *       held, and claw any rest back from the revenue already recognised, in proportion.</li>
 *   <li><b>Approved claim on the fiscal fund</b> ({@link #claimApproved}): debit FISCAL_FUND_RECEIVABLE; credit
 *       VOUCHER_RECEIVABLE (a redemption) or the buyer's SUBSIDY_PAYABLE (a subsidy).</li>
 * </ul>
 */
public final class PostingRules {

    private PostingRules() {
    }

    /** The clearing account that receives payments of {@code method} (BANK_TRANSFER, CARD). */
    public static AccountType clearingOf(String method) {
        return switch (method) {
            case "BANK_TRANSFER" -> AccountType.BANK_CLEARING;
            case "CARD" -> AccountType.CARD_CLEARING;
            default -> throw new IllegalArgumentException("no clearing account for payment method " + method);
        };
    }

    /** Legs of a payment of {@code amountFen} by {@code method} from buyer organisation {@code buyerOrg}. */
    public static List<Leg> payment(String method, long buyerOrg, long amountFen, String currency) {
        return List.of(Leg.debit(AccountRef.platform(clearingOf(method), currency), amountFen),
                Leg.credit(AccountRef.of(AccountType.BUYER_PREPAID, buyerOrg, currency), amountFen));
    }

    /**
     * Legs that recognise {@code earnedFen} of buyer {@code buyerOrg}'s prepayment as revenue.
     *
     * @param useWeightFen   the instrument-use part of the quote (weight), ≥ 0
     * @param feeWeightFen   the service-fee and consumable part of the quote (weight), ≥ 0
     * @return legs summing to zero; empty when {@code earnedFen} is 0
     */
    public static List<Leg> recognition(long buyerOrg, long earnedFen, long useWeightFen, long feeWeightFen,
                                        RevenueTerms terms, String currency) {
        if (earnedFen == 0) {
            return List.of();
        }
        long useFen;
        long feeFen;
        if (useWeightFen + feeWeightFen <= 0) {
            useFen = earnedFen;
            feeFen = 0;
        } else {
            long[] parts = FenRounding.allocate(earnedFen, List.of(useWeightFen, feeWeightFen));
            useFen = parts[0];
            feeFen = parts[1];
        }
        SplitAllocation use = terms.split().split(useFen);
        List<Leg> legs = new ArrayList<>();
        legs.add(Leg.debit(AccountRef.of(AccountType.BUYER_PREPAID, buyerOrg, currency), earnedFen));
        legs.add(Leg.credit(AccountRef.of(AccountType.OWNER_PAYABLE, terms.ownerId(), currency), use.amountFen(Party.OWNER)));
        legs.add(Leg.credit(AccountRef.platform(AccountType.FISCAL_FUND_PAYABLE, currency), use.amountFen(Party.FISCAL_FUND)));
        legs.add(Leg.credit(AccountRef.of(AccountType.OPERATOR_PAYABLE, terms.operatorId(), currency),
                Math.addExact(use.amountFen(Party.OPERATOR), feeFen)));
        legs.add(Leg.credit(AccountRef.platform(AccountType.PLATFORM_REVENUE, currency), use.amountFen(Party.PLATFORM)));
        return legs;
    }

    /**
     * Legs of a refund of {@code refundFen}.
     *
     * @param heldFen    what is still held for the buyer on this order (BUYER_PREPAID, ≥ 0)
     * @param recognised revenue recognised on this order so far, net, per revenue account (credit amounts
     *                   as positive fen), in a stable order; the part of the refund above {@code heldFen} is
     *                   taken back from them in proportion (largest remainder)
     * @throws IllegalArgumentException when the refund exceeds held + recognised
     */
    public static List<Leg> refund(String method, long buyerOrg, long refundFen, long heldFen,
                                   Map<AccountRef, Long> recognised, String currency) {
        return refund(method, buyerOrg, new RefundSplit(refundFen, 0), heldFen, recognised, currency);
    }

    /**
     * Legs of a refund split into cash and voucher ({@link RefundSplit}): credit the method's clearing account by
     * the cash part and VOUCHER_RECEIVABLE by the voucher part (the fiscal fund no longer owes it: it goes back to
     * the buyer's grant); debit BUYER_PREPAID for what is still held, and claw any rest back from the revenue
     * recognised, in proportion (largest remainder).
     *
     * @param method     BANK_TRANSFER or CARD; may be null only when the cash part is 0 (an order paid wholly by voucher)
     * @param heldFen    what is still held for the buyer on this order (BUYER_PREPAID, ≥ 0)
     * @param recognised revenue recognised on this order so far, net, per revenue account (credit as positive fen)
     * @throws IllegalArgumentException when the refund exceeds held + recognised
     */
    public static List<Leg> refund(String method, long buyerOrg, RefundSplit split, long heldFen,
                                   Map<AccountRef, Long> recognised, String currency) {
        long refundFen = split.totalFen();
        long fromHeld = Math.min(refundFen, Math.max(heldFen, 0));
        long clawback = refundFen - fromHeld;
        List<Leg> legs = new ArrayList<>();
        if (split.cashFen() > 0) {
            legs.add(Leg.credit(AccountRef.platform(clearingOf(method), currency), split.cashFen()));
        }
        legs.add(Leg.credit(AccountRef.platform(AccountType.VOUCHER_RECEIVABLE, currency), split.voucherFen()));
        legs.add(Leg.debit(AccountRef.of(AccountType.BUYER_PREPAID, buyerOrg, currency), fromHeld));
        if (clawback > 0) {
            List<AccountRef> accounts = new ArrayList<>(recognised.keySet());
            List<Long> weights = accounts.stream().map(a -> Math.max(recognised.get(a), 0L)).toList();
            long available = weights.stream().mapToLong(Long::longValue).sum();
            if (available < clawback) {
                throw new IllegalArgumentException("refund of " + refundFen + " fen exceeds what was held (" + heldFen
                        + ") and recognised (" + available + ")");
            }
            long[] parts = FenRounding.allocate(clawback, weights);
            for (int i = 0; i < accounts.size(); i++) {
                legs.add(Leg.debit(accounts.get(i), parts[i]));
            }
        }
        return legs;
    }

    /**
     * Legs of a claim on the fiscal fund that the fiscal officer approved: the fiscal fund now owes the platform
     * {@code amountFen} (debit FISCAL_FUND_RECEIVABLE). A REDEMPTION claim turns the vouchers receivable of the
     * claimed orders into that approved debt (credit VOUCHER_RECEIVABLE); a SUBSIDY claim is money the platform
     * passes on to the buyer enterprise once the fund pays (credit its SUBSIDY_PAYABLE).
     *
     * @param kind       REDEMPTION or SUBSIDY
     * @param claimantId the operator (redemption) or the buyer enterprise (subsidy)
     */
    public static List<Leg> claimApproved(String kind, long claimantId, long amountFen, String currency) {
        AccountRef credited = switch (kind) {
            case "REDEMPTION" -> AccountRef.platform(AccountType.VOUCHER_RECEIVABLE, currency);
            case "SUBSIDY" -> AccountRef.of(AccountType.SUBSIDY_PAYABLE, claimantId, currency);
            default -> throw new IllegalArgumentException("no posting for claims of kind " + kind);
        };
        return List.of(Leg.debit(AccountRef.platform(AccountType.FISCAL_FUND_RECEIVABLE, currency), amountFen),
                Leg.credit(credited, amountFen));
    }
}
