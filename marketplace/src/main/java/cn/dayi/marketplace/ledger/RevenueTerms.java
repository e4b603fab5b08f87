package cn.dayi.marketplace.ledger;

import cn.dayi.pricing.split.Party;
import cn.dayi.pricing.split.RevenueSplit;
import cn.dayi.pricing.split.Share;

/**
 * Who shares the instrument-use revenue of one order, and how.
 *
 * @param operatorId     the serving operator
 * @param ownerId        the instrument's owner (the operator itself for its own instruments)
 * @param entrustmentId  the entrustment whose ratios apply, or null for the operator's own instruments (自营)
 * @param ownerBp        owner's share, bp (0 for own instruments)
 * @param fiscalFundBp   fiscal fund's share, bp (only fiscal-funded instruments; else folded into the owner's)
 * @param operatorBp     operator's share, bp
 * @param platformBp     platform's share (commission), bp
 */
public record RevenueTerms(long operatorId, long ownerId, Long entrustmentId, int ownerBp, int fiscalFundBp, int operatorBp,
                           int platformBp) {

    /** Checks the four shares sum to 10,000 bp. */
    public RevenueTerms {
        if (ownerBp < 0 || fiscalFundBp < 0 || operatorBp < 0 || platformBp < 0
                || ownerBp + fiscalFundBp + operatorBp + platformBp != 10_000) {
            throw new IllegalArgumentException("revenue shares must be non-negative and sum to 10,000 bp");
        }
    }

    /** An entrusted instrument: the entrustment's ratios; a fiscal share only when the instrument is fiscal-funded. */
    public static RevenueTerms entrusted(long operatorId, long ownerId, long entrustmentId, int ownerBp, int fiscalFundBp,
                                         int operatorBp, int platformBp, boolean fiscalFunded) {
        return fiscalFunded
                ? new RevenueTerms(operatorId, ownerId, entrustmentId, ownerBp, fiscalFundBp, operatorBp, platformBp)
                : new RevenueTerms(operatorId, ownerId, entrustmentId, ownerBp + fiscalFundBp, 0, operatorBp, platformBp);
    }

    /** The operator's own instrument (自营): the platform commission, the rest the operator's. */
    public static RevenueTerms own(long operatorId, int commissionBp) {
        return new RevenueTerms(operatorId, operatorId, null, 0, 0, 10_000 - commissionBp, commissionBp);
    }

    /** The split in the order owner, fiscal fund, operator, platform (ties of the remainder in that order). */
    public RevenueSplit split() {
        return RevenueSplit.of(new Share(Party.OWNER, ownerBp), new Share(Party.FISCAL_FUND, fiscalFundBp),
                new Share(Party.OPERATOR, operatorBp), new Share(Party.PLATFORM, platformBp));
    }
}
