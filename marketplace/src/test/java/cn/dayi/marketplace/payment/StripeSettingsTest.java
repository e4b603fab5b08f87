package cn.dayi.marketplace.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Card payment is on only with both secrets; otherwise the reason names what is missing. */
class StripeSettingsTest {

    @Test
    void cardPaymentNeedsBothSecretsAndSaysWhichIsMissing() {
        assertTrue(new StripeSettings("sk_test_1", "whsec_1", "", "card", 15).available());
        assertTrue(new StripeSettings("", "", "", "card", 15).unavailableReason().orElseThrow().contains("not set up"));
        assertTrue(new StripeSettings(" ", "whsec_1", "", "card", 15).unavailableReason().orElseThrow()
                .contains("STRIPE_SECRET_KEY"));
        StripeSettings noWebhook = new StripeSettings("sk_test_1", null, "", "card", 15);
        assertFalse(noWebhook.available());
        assertTrue(noWebhook.unavailableReason().orElseThrow().contains("STRIPE_WEBHOOK_SECRET"));
    }

    @Test
    void cardIsAlwaysOfferedFirstAndUnknownMethodTypesAreDropped() {
        assertEquals(List.of("card", "wechat_pay", "alipay"),
                new StripeSettings("sk", "wh", "", " WeChat_Pay , alipay,bitcoin,card ", 15).paymentMethodTypes());
        assertEquals("card", new StripeSettings("sk", "wh", "", "alipay", 15).paymentMethodTypes().get(0));
        assertEquals(List.of("card"), new StripeSettings("sk", "wh", "", null, 15).paymentMethodTypes());
    }
}
