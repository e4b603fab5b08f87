package cn.dayi.pricing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * The one rounding policy of the pricing module: every amount in fen (分, CNY minor units) that
 * comes out of a fractional computation is formed here and nowhere else.
 *
 * <ul>
 *   <li>{@link #toFen(BigDecimal)}: a non-negative exact amount in fen is rounded to whole fen with
 *       {@link RoundingMode#HALF_UP} (0.5 fen rounds up, the commercial rounding people expect on
 *       a bill). Negative lines (discounts) are computed as positive magnitudes, rounded here and
 *       negated by the caller, so a discount of 0.5 fen is 1 fen, symmetrical with a surcharge.</li>
 *   <li>{@link #divide(BigDecimal, BigDecimal)}: intermediate quotients keep 34 significant digits
 *       ({@link MathContext#DECIMAL128}), far below a fen for any realistic amount; they are
 *       never shown to a user before {@link #toFen(BigDecimal)}.</li>
 *   <li>{@link #allocate(long, List)}: apportioning a whole amount by weights (revenue splits) uses
 *       the largest-remainder method, ties broken by the order of the weights, so the parts
 *       always add up to the whole and each part is within 1 fen of its exact share.</li>
 * </ul>
 *
 * <p>Source: house style "money is long fen, BigDecimal only inside pricing, rounded once at the
 * edge by one named policy" (after Kill Bill's {@code KillBillMoney}).
 */
public final class FenRounding {

    /** The rounding mode applied to fen amounts. */
    public static final RoundingMode MODE = RoundingMode.HALF_UP;

    /** Precision of intermediate quotients (34 significant digits). */
    public static final MathContext INTERMEDIATE = MathContext.DECIMAL128;

    private static final BigDecimal BP_PER_UNIT = BigDecimal.valueOf(10_000);

    private FenRounding() {
    }

    /**
     * Rounds an exact amount in fen to whole fen, half up.
     *
     * @param exactFen amount in fen, any scale, not null
     * @return whole fen
     * @throws PricingException {@code AMOUNT_TOO_LARGE} when the result does not fit in a long
     */
    public static long toFen(BigDecimal exactFen) {
        BigDecimal rounded = exactFen.setScale(0, MODE);
        try {
            return rounded.longValueExact();
        } catch (ArithmeticException e) {
            throw new PricingException(PricingException.Code.AMOUNT_TOO_LARGE,
                    "Amount of " + rounded.toPlainString() + " fen is too large.");
        }
    }

    /**
     * Divides with the intermediate precision; no rounding to fen happens here.
     *
     * @throws ArithmeticException when {@code divisor} is zero (callers validate before)
     */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, INTERMEDIATE);
    }

    /**
     * Exact value of {@code amountFen × bp / 10,000} (basis points, 10,000 bp = 100 %), not rounded.
     */
    public static BigDecimal applyBp(BigDecimal amountFen, long bp) {
        return amountFen.multiply(BigDecimal.valueOf(bp)).divide(BP_PER_UNIT);
    }

    /**
     * Apportions {@code totalFen} by weights with the largest-remainder method.
     *
     * <p>Each part first gets {@code floor(total × weight / sum)}; the fen left over (fewer than
     * the number of weights) go one each to the parts with the largest fractional remainders;
     * equal remainders are served in the order of {@code weights}. Deterministic: the same input
     * always gives the same parts.
     *
     * @param totalFen amount to apportion, ≥ 0
     * @param weights  non-negative weights, in tie-break order, with a positive sum
     * @return parts in the order of {@code weights}, summing to {@code totalFen}
     * @throws IllegalArgumentException on a negative total, a negative weight or a zero sum
     *                                  (callers validate and throw their own codes first)
     */
    public static long[] allocate(long totalFen, List<Long> weights) {
        if (totalFen < 0) {
            throw new IllegalArgumentException("totalFen must be >= 0");
        }
        long sum = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must be >= 0");
            }
            sum = Math.addExact(sum, w);
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights must have a positive sum");
        }
        BigInteger total = BigInteger.valueOf(totalFen);
        BigInteger divisor = BigInteger.valueOf(sum);
        int n = weights.size();
        long[] parts = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        long allocated = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = total.multiply(BigInteger.valueOf(weights.get(i)))
                    .divideAndRemainder(divisor);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            allocated += parts[i];
        }
        long leftover = totalFen - allocated;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // stable sort: equal remainders keep the given order
        Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]));
        for (int k = 0; k < leftover; k++) {
            parts[order[k]]++;
        }
        return parts;
    }
}
