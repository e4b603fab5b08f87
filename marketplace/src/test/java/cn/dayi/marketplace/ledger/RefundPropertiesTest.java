package cn.dayi.marketplace.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.ledger.JournalDraft.Leg;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Refunds of orders paid by bank transfer, card, voucher or voucher + cash, over generated amounts and generated
 * sequences of partial refunds, completion and late cancellation, posted with the real posting rules into an
 * in-memory ledger of one order.
 */
class RefundPropertiesTest {

    // ---------------------------------------------------------------- the split

    @Property
    void theSplitSumsToTheRefundAndNeitherPartExceedsWhatIsLeftOfIt(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long cashLeft,
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long voucherLeft,
            @ForAll @IntRange(min = 1, max = 1_000_000) int perMillion) {
        long left = cashLeft + voucherLeft;
        if (left == 0) {
            assertThrows(IllegalArgumentException.class, () -> RefundSplit.of(1, cashLeft, voucherLeft));
            return;
        }
        long refund = Math.min(left, Math.max(1, left * perMillion / 1_000_000));
        RefundSplit s = RefundSplit.of(refund, cashLeft, voucherLeft);
        assertEquals(refund, s.cashFen() + s.voucherFen(), "parts sum to the refund");
        assertTrue(s.cashFen() <= cashLeft && s.voucherFen() <= voucherLeft, s + " within " + cashLeft + "/" + voucherLeft);
        // in proportion: each part within one fen of its exact share
        double exactCash = (double) refund * cashLeft / left;
        assertTrue(Math.abs(s.cashFen() - exactCash) < 1.0 + 1e-6 * exactCash, s + " vs exact cash " + exactCash);
        assertThrows(IllegalArgumentException.class, () -> RefundSplit.of(left + 1, cashLeft, voucherLeft));
    }

    @Test
    void examples() {
        assertEquals(new RefundSplit(5_000, 5_000), RefundSplit.of(10_000, 1_500_000, 1_500_000));
        assertEquals(new RefundSplit(1, 0), RefundSplit.of(1, 1, 1), "a tie goes to cash, the first part");
        assertEquals(new RefundSplit(0, 800_000), RefundSplit.of(800_000, 0, 800_000), "voucher only");
        assertEquals(new RefundSplit(33_334, 66_666), RefundSplit.of(100_000, 100_001, 199_999));
        assertThrows(IllegalArgumentException.class, () -> RefundSplit.of(0, 5, 5));
    }

    // ---------------------------------------------------------------- sequences

    enum Step { REFUND, COMPLETE, CANCEL_LATE }

    record Op(Step step, int perMille) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.of(Step.class), Arbitraries.integers().between(1, 1000)).as(Op::new)
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<RevenueTerms> terms() {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000), Arbitraries.of(true, false)).as((a, b, c, funded) -> {
                    int[] cut = {a, b, c};
                    java.util.Arrays.sort(cut);
                    return RevenueTerms.entrusted(2, 3, 4, cut[0], cut[1] - cut[0], cut[2] - cut[1], 10_000 - cut[2], funded);
                });
    }

    /**
     * Pay (bank, card, voucher only, or voucher + cash), then any sequence of partial refunds, completion and late
     * cancellation; finally refund all that is left. Every journal balances; BUYER_PREPAID never goes below zero; no
     * revenue account goes negative; refunds never exceed what was paid, cash never more than the cash, voucher never
     * more than the voucher; cash + voucher refunded = refunded; the ledger's VOUCHER_RECEIVABLE and clearing balances
     * equal the voucher and cash still paid; and once everything is refunded every account of the order is at zero.
     */
    @Property(tries = 500)
    void anySequenceOfPaymentsRefundsAndCompletionKeepsTheBooksExact(
            @ForAll @LongRange(min = 1, max = 50_000_000L) long total,
            @ForAll @IntRange(min = 0, max = 10_000) int voucherBp,
            @ForAll("method") String method,
            @ForAll("terms") RevenueTerms terms,
            @ForAll("ops") @Size(max = 12) List<Op> ops) {
        long voucher = method == null ? total : total * voucherBp / 10_000;
        long cash = total - voucher;
        if (cash == 0) {
            method = null; // paid wholly by voucher
        }
        Book book = new Book(method, cash, voucher, terms);
        for (Op op : ops) {
            switch (op.step()) {
                case REFUND -> book.refund(Math.max(1, book.left() * op.perMille() / 1000));
                case COMPLETE -> book.complete();
                case CANCEL_LATE -> book.cancelLate(total * 5_000 / 10_000);
            }
        }
        book.refund(book.left());
        assertEquals(0, book.left());
        assertEquals(cash + book.voucherRefunded, book.refunded, "all the cash came back, and the voucher refunded");
        if (!book.voucherReleasedByCancel) {
            assertEquals(voucher, book.voucherRefunded, "all the voucher went back to the grant");
        }
        book.balances.forEach((account, fen) -> assertEquals(0L, fen, account + " nets to zero after a full refund"));
    }

    @Provide
    Arbitrary<String> method() {
        return Arbitraries.of("BANK_TRANSFER", "CARD").injectNull(0.25);
    }

    /** The ledger of one order, posted with {@link PostingRules}, and the order's refund figures. */
    static final class Book {
        static final long BUYER = 9;
        final Map<AccountRef, Long> balances = new HashMap<>();
        final String method;
        final long cashPaid;
        final long voucherApplied;
        final RevenueTerms terms;
        long cashRefunded;
        long voucherRefunded;
        long voucherLive;
        long refunded;
        boolean done;
        boolean voucherReleasedByCancel;
        boolean paid;
        int n;

        Book(String method, long cash, long voucher, RevenueTerms terms) {
            this.method = method;
            this.cashPaid = cash;
            this.voucherApplied = voucher;
            this.voucherLive = voucher;
            this.terms = terms;
            if (cash > 0) {
                post(PostingRules.payment(method, BUYER, cash, "CNY"));
            }
            if (voucher > 0) {
                post(List.of(Leg.debit(AccountRef.platform(AccountType.VOUCHER_RECEIVABLE, "CNY"), voucher),
                        Leg.credit(AccountRef.of(AccountType.BUYER_PREPAID, BUYER, "CNY"), voucher)));
            }
            paid = true;
            check();
        }

        long held() {
            return -balances.getOrDefault(AccountRef.of(AccountType.BUYER_PREPAID, BUYER, "CNY"), 0L);
        }

        long left() {
            return cashPaid - cashRefunded + voucherLive;
        }

        Map<AccountRef, Long> recognised() {
            Map<AccountRef, Long> out = new LinkedHashMap<>();
            balances.forEach((a, fen) -> {
                if (EnumSet.of(AccountType.OWNER_PAYABLE, AccountType.FISCAL_FUND_PAYABLE, AccountType.OPERATOR_PAYABLE,
                        AccountType.PLATFORM_REVENUE).contains(a.type()) && fen < 0) {
                    out.put(a, -fen);
                }
            });
            return out;
        }

        void refund(long amount) {
            if (left() == 0) {
                return;
            }
            RefundSplit s = RefundSplit.of(amount, cashPaid - cashRefunded, voucherLive);
            List<Leg> legs = PostingRules.refund(method, BUYER, s, held(), recognised(), "CNY");
            cashRefunded += s.cashFen();
            voucherRefunded += s.voucherFen();
            voucherLive -= s.voucherFen();
            refunded += amount;
            post(legs);
        }

        void complete() {
            if (done) {
                return;
            }
            done = true;
            post(PostingRules.recognition(BUYER, held(), 3, 1, terms, "CNY"));
        }

        void cancelLate(long fee) {
            if (done) {
                return;
            }
            done = true;
            long posted = balances.getOrDefault(AccountRef.platform(AccountType.VOUCHER_RECEIVABLE, "CNY"), 0L);
            voucherLive = 0;
            if (posted > 0) { // the voucher is released with the order; its posting reversed
                post(List.of(Leg.credit(AccountRef.platform(AccountType.VOUCHER_RECEIVABLE, "CNY"), posted),
                        Leg.debit(AccountRef.of(AccountType.BUYER_PREPAID, BUYER, "CNY"), posted)));
                voucherReleasedByCancel = true;
            }
            post(PostingRules.recognition(BUYER, Math.min(fee, held()), 1, 0, terms, "CNY"));
        }

        private void post(List<Leg> legs) {
            if (legs.stream().allMatch(l -> l.amountFen() == 0)) {
                return;
            }
            JournalDraft j = new JournalDraft("ORDER:1:" + (++n), "X", 1L, null, null, legs); // throws unless balanced
            assertEquals(0, j.legs().stream().mapToLong(Leg::amountFen).sum());
            j.legs().forEach(l -> balances.merge(l.account(), l.amountFen(), Long::sum));
            if (paid) {
                check();
            }
        }

        private void check() {
            assertTrue(held() >= 0, "BUYER_PREPAID below zero: " + held());
            balances.forEach((a, fen) -> {
                if (a.type().normalSide() == AccountType.Side.CREDIT) {
                    assertTrue(fen <= 0, a + " went negative: " + fen);
                }
            });
            assertTrue(cashRefunded <= cashPaid && voucherRefunded <= voucherApplied, "refunds within what was paid");
            assertEquals(refunded, cashRefunded + voucherRefunded, "cash + voucher refunded = refunded");
            assertEquals(voucherLive, balances.getOrDefault(AccountRef.platform(AccountType.VOUCHER_RECEIVABLE, "CNY"), 0L),
                    "the ledger's voucher receivable is the voucher still paying");
            if (method != null) {
                assertEquals(cashPaid - cashRefunded, balances.getOrDefault(AccountRef.platform(PostingRules.clearingOf(method),
                        "CNY"), 0L), "clearing holds the cash not refunded");
            }
        }
    }

    @Test
    void anApprovedClaimMovesTheVoucherReceivableToTheFiscalFundOrOwesTheBuyerItsSubsidy() {
        List<Leg> redemption = PostingRules.claimApproved("REDEMPTION", 22, 1_500_000, "CNY");
        new JournalDraft("VOUCHER_CLAIM:1:APPROVED", "VOUCHER_CLAIM_APPROVED", null, null, null, redemption);
        assertEquals(List.of(Leg.debit(AccountRef.platform(AccountType.FISCAL_FUND_RECEIVABLE, "CNY"), 1_500_000),
                Leg.credit(AccountRef.platform(AccountType.VOUCHER_RECEIVABLE, "CNY"), 1_500_000)), redemption);
        List<Leg> subsidy = PostingRules.claimApproved("SUBSIDY", 7, 246_913, "CNY");
        assertEquals(-246_913, subsidy.stream().filter(l -> l.account().equals(AccountRef.of(AccountType.SUBSIDY_PAYABLE, 7,
                "CNY"))).mapToLong(Leg::amountFen).sum());
        assertThrows(IllegalArgumentException.class, () -> PostingRules.claimApproved("OTHER", 7, 1, "CNY"));
    }
}
