package cn.dayi.marketplace.voucher;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which voucher pays how much of an order: pure, no I/O. Money is fen, shares are basis points
 * (1 bp = 0.01%), dates are Asia/Shanghai business dates.
 *
 * <p>A grant applies to an order when it belongs to the buyer, is ACTIVE, the date is inside both
 * the programme's window and the grant's validity, the operator's region lies in one of the
 * programme's issuing or accepting regions (a region covers its districts), and the instrument is
 * in scope (its category or itself is listed, or the programme lists nothing). Then:
 * <pre>
 *   base   = STANDARD:  total, when total &lt; fullCoverBelowFen (small orders may be paid wholly);
 *                       else floor(total × coverBp / 10000)
 *            SUBSIDY:   floor(total × coverBp / 10000)
 *   amount = min(base, perOrderCapFen, yearlyCapFen − usedThisYearFen, grant's availableFen, total)
 * </pre>
 * The best grant is the one that pays most; on a tie, the one that lapses first (use it before it is
 * lost), then the lowest id. Rounding is down, always in the public money's favour.
 */
public final class VoucherRule {

    private VoucherRule() {
    }

    /**
     * What the rule needs of an order.
     *
     * @param totalFen           the amount the voucher may pay towards (the order's total at checkout; the
     *                           cash actually paid for a subsidy), fen, &ge; 0
     * @param instrumentId       the instrument ordered
     * @param categoryCode       its national category ({@code 01}…{@code 15}), or null
     * @param operatorRegionPath the operator's region and all its parents (e.g. 440305, 440300, 440000, CN)
     * @param buyerId            the buyer organisation
     * @param on                 the day of use
     */
    public record OrderFacts(long totalFen, long instrumentId, String categoryCode, List<String> operatorRegionPath,
                             long buyerId, LocalDate on) {
    }

    /**
     * A programme's terms.
     *
     * @param regions     issuing and accepting region codes together
     * @param categories  eligible categories; with {@code instruments} empty = everything
     * @param coverBp     1..10000
     * @param fullCoverBelowFen, perOrderCapFen, yearlyCapFen  null = no such limit
     */
    public record Terms(long programmeId, ProgrammeType type, LocalDate validFrom, LocalDate validUntil,
                        Set<String> regions, Set<String> categories, Set<Long> instruments, int coverBp,
                        Long fullCoverBelowFen, Long perOrderCapFen, Long yearlyCapFen) {
    }

    /**
     * One grant as it stands.
     *
     * @param availableFen    quota − held − captured − expired
     * @param usedThisYearFen held + captured on this grant in the calendar year of the order's date
     */
    public record GrantFacts(long grantId, long enterpriseId, boolean active, LocalDate validUntil, long availableFen,
                             long usedThisYearFen, Terms terms) {
    }

    /** The voucher chosen: {@code amountFen} &gt; 0 of {@code grantId}. */
    public record Decision(long grantId, long programmeId, long amountFen) {
    }

    /** Why a grant pays nothing, or null when it applies. */
    public static String whyNot(OrderFacts o, GrantFacts g) {
        Terms t = g.terms();
        if (g.enterpriseId() != o.buyerId()) {
            return "NOT_THE_BUYERS";
        }
        if (!g.active()) {
            return "GRANT_EXPIRED";
        }
        if (o.on().isBefore(t.validFrom()) || o.on().isAfter(t.validUntil()) || o.on().isAfter(g.validUntil())) {
            return "OUTSIDE_VALIDITY";
        }
        if (o.operatorRegionPath().stream().noneMatch(t.regions()::contains)) {
            return "REGION_NOT_ACCEPTED";
        }
        boolean everything = t.categories().isEmpty() && t.instruments().isEmpty();
        if (!everything && !t.instruments().contains(o.instrumentId())
                && (o.categoryCode() == null || !t.categories().contains(o.categoryCode()))) {
            return "INSTRUMENT_NOT_ELIGIBLE";
        }
        return null;
    }

    /** What {@code g} would pay towards {@code o}, fen; 0 when it does not apply or nothing is left. */
    public static long amountFen(OrderFacts o, GrantFacts g) {
        if (o.totalFen() <= 0 || whyNot(o, g) != null) {
            return 0;
        }
        Terms t = g.terms();
        long total = o.totalFen();
        long base = t.type() == ProgrammeType.STANDARD && t.fullCoverBelowFen() != null && total < t.fullCoverBelowFen()
                ? total : share(total, t.coverBp());
        long amount = Math.min(base, total);
        if (t.perOrderCapFen() != null) {
            amount = Math.min(amount, t.perOrderCapFen());
        }
        if (t.yearlyCapFen() != null) {
            amount = Math.min(amount, t.yearlyCapFen() - g.usedThisYearFen());
        }
        amount = Math.min(amount, g.availableFen());
        return Math.max(0, amount);
    }

    /** The grant that pays most towards {@code o}, among grants of {@code type}; empty when none pays anything. */
    public static Optional<Decision> best(OrderFacts o, List<GrantFacts> grants, ProgrammeType type) {
        record Candidate(GrantFacts grant, long amountFen) {
        }
        return grants.stream()
                .filter(g -> g.terms().type() == type)
                .map(g -> new Candidate(g, amountFen(o, g)))
                .filter(c -> c.amountFen() > 0)
                .min(Comparator.comparingLong((Candidate c) -> -c.amountFen())
                        .thenComparing(c -> c.grant().validUntil())
                        .thenComparingLong(c -> c.grant().grantId()))
                .map(c -> new Decision(c.grant().grantId(), c.grant().terms().programmeId(), c.amountFen()));
    }

    /** floor(total × bp / 10000) without overflow, for total &ge; 0 and 0 &le; bp &le; 10000. */
    static long share(long total, int bp) {
        return total / 10_000 * bp + total % 10_000 * bp / 10_000;
    }
}
