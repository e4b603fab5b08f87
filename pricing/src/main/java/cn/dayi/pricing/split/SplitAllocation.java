package cn.dayi.pricing.split;

import java.util.List;

/**
 * The result of splitting an amount: one part per party in the order the shares were given.
 *
 * @param totalFen the amount split, fen; equals the sum of the parts
 * @param parts    one part per share, in the shares' order
 */
public record SplitAllocation(long totalFen, List<SplitPart> parts) {

    /** Copies the parts. */
    public SplitAllocation {
        parts = List.copyOf(parts);
    }

    /** @return the amount of {@code party} in fen, 0 if it has no share */
    public long amountFen(Party party) {
        return parts.stream().filter(p -> p.party() == party).mapToLong(SplitPart::amountFen).findFirst().orElse(0);
    }
}
