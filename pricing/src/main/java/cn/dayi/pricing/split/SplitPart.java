package cn.dayi.pricing.split;

/**
 * One party's part of a split amount.
 *
 * @param party     who
 * @param shareBp   the share it was computed from, bp
 * @param amountFen its amount, fen, ≥ 0, within 1 fen of {@code total × shareBp / 10,000}
 */
public record SplitPart(Party party, int shareBp, long amountFen) {
}
