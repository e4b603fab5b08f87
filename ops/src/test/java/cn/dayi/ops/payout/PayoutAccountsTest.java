package cn.dayi.ops.payout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.web.ApiException;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Payout account validation, field by field, and the payout state table. */
class PayoutAccountsTest {

    private static Map<String, String> errors(PayoutAccounts.Change change) {
        ApiException e = assertThrows(ApiException.class, () -> PayoutAccounts.validate(change));
        assertEquals(400, e.status().getCode());
        Map<String, String> out = new TreeMap<>();
        e.errors().forEach(f -> out.put(f.field(), f.code()));
        return out;
    }

    @Test
    void aConnectedAccountAloneIsEnoughAndMustLookLikeOne() {
        assertEquals("acct_1Nv0FGQ9RKHgCVdK",
                PayoutAccounts.validate(new PayoutAccounts.Change(" acct_1Nv0FGQ9RKHgCVdK ", null, null, null)).stripeAccountId());
        for (String bad : new String[] {"acc_1Nv0FGQ9", "acct_", "acct_12345", "acct_1Nv0-FGQ9", "ACCT_1Nv0FGQ9RK"}) {
            assertEquals(Map.of("stripeAccountId", "STRIPE_ACCOUNT_INVALID"),
                    errors(new PayoutAccounts.Change(bad, null, null, null)), bad);
        }
    }

    @Test
    void bankDetailsGoTogetherAndTheAccountNumberIsEightToThirtyDigits() {
        PayoutAccounts.Stored ok = PayoutAccounts.validate(new PayoutAccounts.Change("", "某某大学", "中国工商银行深圳南山支行",
                "6222 0202-0000 1234"));
        assertNull(ok.stripeAccountId());
        assertEquals("6222020200001234", ok.accountNumber(), "spaces and dashes dropped");
        assertTrue(ok.hasBank());
        assertEquals(Map.of("accountNumber", "ACCOUNT_NUMBER_INVALID"),
                errors(new PayoutAccounts.Change(null, "某某大学", "工商银行", "1234567")), "7 digits");
        assertEquals(Map.of("accountNumber", "ACCOUNT_NUMBER_INVALID"),
                errors(new PayoutAccounts.Change(null, "某某大学", "工商银行", "1".repeat(31))), "31 digits");
        assertEquals(Map.of("accountNumber", "ACCOUNT_NUMBER_INVALID"),
                errors(new PayoutAccounts.Change(null, "某某大学", "工商银行", "62220202O0001234")), "a letter O");
        assertEquals(Map.of("bankName", "BANK_DETAILS_INCOMPLETE", "payeeName", "BANK_DETAILS_INCOMPLETE"),
                errors(new PayoutAccounts.Change("acct_1Nv0FGQ9RKHgCVdK", null, null, "6222020200001234")));
        assertEquals(Map.of("payeeName", "PAYEE_NAME_INVALID", "bankName", "BANK_NAME_INVALID"),
                errors(new PayoutAccounts.Change(null, "=HYPERLINK(\"x\")", "@bank", "6222020200001234")),
                "names that a spreadsheet would run are refused");
    }

    @Test
    void nothingAtAllIsRefused() {
        assertEquals(Map.of("stripeAccountId", "PAYOUT_ACCOUNT_EMPTY"), errors(new PayoutAccounts.Change(" ", "", null, " ")));
        assertEquals(Map.of("stripeAccountId", "PAYOUT_ACCOUNT_EMPTY"), errors(null));
    }

    @Test
    void moneyThatLeftStaysLeftAndOnlyAFailureIsTriedAgain() {
        for (PayoutState s : PayoutState.values()) {
            for (PayoutState t : PayoutState.values()) {
                if (s.isFinal()) {
                    assertFalse(s.canMoveTo(t), s + " is final");
                }
                if (t == PayoutState.WAITING_FOR_ACCOUNT) {
                    assertEquals(s == PayoutState.FAILED, s.canMoveTo(t), s + " → " + t);
                }
            }
        }
        assertEquals(EnumSet.of(PayoutState.TRANSFERRED, PayoutState.PAID),
                EnumSet.copyOf(java.util.Arrays.stream(PayoutState.values()).filter(PayoutState::isFinal).toList()));
        assertTrue(PayoutState.UNKNOWN.canMoveTo(PayoutState.TRANSFERRED));
        assertFalse(PayoutState.IN_FILE.canMoveTo(PayoutState.TRANSFERRED), "a bank payout is not a Stripe transfer");
        assertFalse(PayoutState.PENDING.canMoveTo(PayoutState.PAID), "a Stripe transfer is not marked paid by hand");
    }
}
