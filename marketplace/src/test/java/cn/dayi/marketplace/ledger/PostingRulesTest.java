package cn.dayi.marketplace.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.dayi.marketplace.ledger.JournalDraft.Leg;
import cn.dayi.pricing.quote.QuoteLineCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostingRulesTest {

    private static final long BUYER = 7;
    private static final long OWNER = 11;
    private static final long OPERATOR = 22;

    private static long leg(List<Leg> legs, AccountType type) {
        return legs.stream().filter(l -> l.account().type() == type).mapToLong(Leg::amountFen).sum();
    }

    @Test
    void twoHoursAt661Yuan61OnAFiscalFundedEntrustedInstrumentSplit50_20_25_5() {
        long total = 2 * 66_161; // 661.61 元/h × 2 h = 1,323.22 元
        RevenueTerms terms = RevenueTerms.entrusted(OPERATOR, OWNER, 5, 5000, 2000, 2500, 500, true);
        List<Leg> legs = PostingRules.recognition(BUYER, total, total, 0, terms, "CNY");
        assertEquals(132_322, leg(legs, AccountType.BUYER_PREPAID));
        assertEquals(-66_161, leg(legs, AccountType.OWNER_PAYABLE));
        assertEquals(-26_464, leg(legs, AccountType.FISCAL_FUND_PAYABLE)); // 26,464.4
        assertEquals(-33_081, leg(legs, AccountType.OPERATOR_PAYABLE)); // 33,080.5 gets the fen left over
        assertEquals(-6_616, leg(legs, AccountType.PLATFORM_REVENUE)); // 6,616.1
        assertEquals(0, legs.stream().mapToLong(Leg::amountFen).sum());
    }

    @Test
    void ownInstrumentPaysOnlyThePlatformCommission() {
        List<Leg> legs = PostingRules.recognition(BUYER, 132_322, 132_322, 0, RevenueTerms.own(OPERATOR, 500), "CNY");
        assertEquals(-6_616, leg(legs, AccountType.PLATFORM_REVENUE));
        assertEquals(-125_706, leg(legs, AccountType.OPERATOR_PAYABLE));
        assertEquals(0, leg(legs, AccountType.OWNER_PAYABLE));
        assertEquals(0, leg(legs, AccountType.FISCAL_FUND_PAYABLE));
    }

    @Test
    void withoutFiscalFundingTheFiscalShareGoesToTheOwner() {
        RevenueTerms terms = RevenueTerms.entrusted(OPERATOR, OWNER, 5, 4000, 1000, 4500, 500, false);
        List<Leg> legs = PostingRules.recognition(BUYER, 10_000, 10_000, 0, terms, "CNY");
        assertEquals(-5_000, leg(legs, AccountType.OWNER_PAYABLE));
        assertEquals(0, leg(legs, AccountType.FISCAL_FUND_PAYABLE));
    }

    @Test
    void serviceFeesAreWhollyTheOperators() {
        RevenueTerms terms = RevenueTerms.entrusted(OPERATOR, OWNER, 5, 5000, 2000, 2500, 500, true);
        // 100.00 use + 30.00 urgent (a service fee)
        List<Leg> legs = PostingRules.recognition(BUYER, 13_000, 10_000, 3_000, terms, "CNY");
        assertEquals(-5_000, leg(legs, AccountType.OWNER_PAYABLE));
        assertEquals(-2_000, leg(legs, AccountType.FISCAL_FUND_PAYABLE));
        assertEquals(-(2_500 + 3_000), leg(legs, AccountType.OPERATOR_PAYABLE));
        assertEquals(-500, leg(legs, AccountType.PLATFORM_REVENUE));
        assertEquals(ChargeKind.SERVICE_FEE, ChargeKind.of(QuoteLineCode.URGENT));
        assertEquals(ChargeKind.INSTRUMENT_USE, ChargeKind.of(QuoteLineCode.AFTER_HOURS));
    }

    @Test
    void paymentGoesThroughTheClearingAccountOfItsMethod() {
        List<Leg> bank = PostingRules.payment("BANK_TRANSFER", BUYER, 500, "CNY");
        assertEquals(500, leg(bank, AccountType.BANK_CLEARING));
        assertEquals(-500, leg(bank, AccountType.BUYER_PREPAID));
        List<Leg> card = PostingRules.payment("CARD", BUYER, 500, "CNY");
        assertEquals(500, leg(card, AccountType.CARD_CLEARING));
        assertThrows(IllegalArgumentException.class, () -> PostingRules.payment("CASH", BUYER, 500, "CNY"));
    }

    @Test
    void refundTakesWhatIsHeldFirstThenClawsBackInProportion() {
        Map<AccountRef, Long> recognised = new LinkedHashMap<>();
        recognised.put(AccountRef.of(AccountType.OWNER_PAYABLE, OWNER, "CNY"), 5_000L);
        recognised.put(AccountRef.of(AccountType.OPERATOR_PAYABLE, OPERATOR, "CNY"), 5_000L);
        List<Leg> legs = PostingRules.refund("BANK_TRANSFER", BUYER, 3_001, 1_000, recognised, "CNY");
        assertEquals(-3_001, leg(legs, AccountType.BANK_CLEARING));
        assertEquals(1_000, leg(legs, AccountType.BUYER_PREPAID));
        assertEquals(1_001, leg(legs, AccountType.OWNER_PAYABLE)); // 1,000.5 → the tie goes to the first
        assertEquals(1_000, leg(legs, AccountType.OPERATOR_PAYABLE));
        assertThrows(IllegalArgumentException.class,
                () -> PostingRules.refund("BANK_TRANSFER", BUYER, 11_001, 1_000, recognised, "CNY"));
    }

    @Test
    void anUnbalancedJournalIsRefused() {
        AccountRef a = AccountRef.platform(AccountType.BANK_CLEARING, "CNY");
        AccountRef b = AccountRef.of(AccountType.BUYER_PREPAID, BUYER, "CNY");
        assertThrows(JournalDraft.UnbalancedJournal.class,
                () -> new JournalDraft("K", "PAID", null, null, null, List.of(Leg.debit(a, 100), Leg.credit(b, 99))));
        assertThrows(JournalDraft.UnbalancedJournal.class,
                () -> new JournalDraft("K", "PAID", null, null, null, List.of(Leg.debit(a, 0), Leg.credit(b, 0))));
        AccountRef usd = AccountRef.platform(AccountType.BANK_CLEARING, "USD");
        assertThrows(JournalDraft.UnbalancedJournal.class, // sums to zero overall but not per currency
                () -> new JournalDraft("K", "PAID", null, null, null, List.of(Leg.debit(a, 100), Leg.credit(usd, 100))));
    }

    @Test
    void moneyKeepsItsCurrency() {
        assertEquals("CNY 1,323.22", Money.cny(132_322).toString());
        assertEquals("CNY -0.05", Money.cny(-5).toString());
        assertThrows(IllegalArgumentException.class, () -> Money.cny(1).plus(new Money(1, "USD")));
        assertThrows(IllegalArgumentException.class, () -> new Money(1, "yuan"));
    }
}
