package cn.dayi.pricing.split;

import cn.dayi.pricing.FenRounding;
import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Revenue-split ratios (分账比例), e.g. of an entrustment: shares in basis points per
 * {@link Party} that add up to exactly 10,000 bp, and the arithmetic that splits an amount by them.
 *
 * <p>Splitting uses the largest-remainder method ({@link FenRounding#allocate}): every part is
 * within 1 fen of its exact share and the parts always add up to the total; the fen left over
 * after flooring go to the largest remainders, ties to the party listed first. An operator's own
 * instruments (自营) simply have no OWNER share (or a 0 bp one). Source: Shenzhen proposal
 * (seeds 003) §六(二).
 *
 * <p>Errors: {@link PricingException} {@code SPLIT_NOT_10000} with the actual sum when the shares do not
 * add up to 10,000 bp; {@code INVALID_SHARE} when a party appears twice.
 */
public final class RevenueSplit {

    private final List<Share> shares;

    /** @param shares shares in tie-break order, each party at most once, summing to 10,000 bp */
    public RevenueSplit(List<Share> shares) {
        List<Share> copy = List.copyOf(PricingException.require(shares, "shares"));
        Set<Party> seen = EnumSet.noneOf(Party.class);
        long sum = 0;
        for (Share share : copy) {
            if (!seen.add(share.party())) {
                throw new PricingException(Code.INVALID_SHARE, "shares",
                        share.party() + " appears twice in the revenue split.");
            }
            sum += share.shareBp();
        }
        if (sum != 10_000) {
            throw new PricingException(Code.SPLIT_NOT_10000, "shares",
                    "Revenue-split shares must add up to 10,000 bp (100%); got " + String.format(Locale.ROOT, "%,d", sum) + " bp.");
        }
        this.shares = copy;
    }

    /** Shorthand for {@code new RevenueSplit(List.of(shares))}. */
    public static RevenueSplit of(Share... shares) {
        return new RevenueSplit(List.of(shares));
    }

    /** @return the shares in the order given */
    public List<Share> shares() {
        return shares;
    }

    /**
     * @param totalFen amount to split, fen, ≥ 0
     * @return one part per share, in order, summing to {@code totalFen}
     * @throws PricingException {@code NEGATIVE_COST} when {@code totalFen} is negative
     */
    public SplitAllocation split(long totalFen) {
        if (totalFen < 0) {
            throw new PricingException(Code.NEGATIVE_COST, "totalFen",
                    "The amount to split must not be negative; got " + totalFen + " fen.");
        }
        List<Long> weights = shares.stream().map(s -> (long) s.shareBp()).toList();
        long[] amounts = FenRounding.allocate(totalFen, weights);
        List<SplitPart> parts = new ArrayList<>(shares.size());
        for (int i = 0; i < shares.size(); i++) {
            parts.add(new SplitPart(shares.get(i).party(), shares.get(i).shareBp(), amounts[i]));
        }
        return new SplitAllocation(totalFen, parts);
    }
}
