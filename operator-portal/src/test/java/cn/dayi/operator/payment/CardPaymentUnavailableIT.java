package cn.dayi.operator.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Without Stripe configuration card payment is off, every answer says why, and bank transfer still pays. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardPaymentUnavailableIT implements RealServices {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Jdbc jdbc;

    OrderFixture f;

    @BeforeAll
    void world() throws Exception {
        f = new OrderFixture(World.in(context), http, jdbc);
    }

    @Test
    void cardIsHiddenWithTheReasonAndBankTransferStillConfirms() {
        long order = f.awaitingPayment();
        Map<String, Object> card = f.cardPayment(f.w.buyer, order);
        assertEquals(false, card.get("cardPaymentAvailable"));
        assertEquals(false, card.get("canPayByCardNow"));
        assertTrue(((String) card.get("unavailableReason")).contains("bank transfer"), card.toString());
        assertEquals(f.totalFen(order), ((Number) card.get("amountDueFen")).longValue());

        String[] refused = f.failure(f.w.buyer, HttpRequest.POST("/api/v1/orders/" + order + "/card-payment", Map.of())
                .header("Idempotency-Key", "k-1"));
        assertEquals("422 CARD_PAYMENT_UNAVAILABLE", refused[0]);
        assertTrue(refused[1].contains("not set up"), refused[1]);
        assertEquals("422 CARD_PAYMENT_UNAVAILABLE", f.error(null, HttpRequest.POST("/api/v1/payments/stripe/webhook",
                "{}").header("Stripe-Signature", "t=1,v1=00")));
        assertEquals(0L, (long) jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM card_payment_attempt")));

        Map<String, Object> paid = f.send(f.w.financeX, HttpRequest.POST("/api/v1/orders/" + order + "/bank-transfer",
                Map.of("amountFen", f.totalFen(order), "reference", "ICBC-NO-CARD-" + order)));
        assertEquals("CONFIRMED", paid.get("state"));
        assertEquals("BANK_TRANSFER", ((Map<?, ?>) paid.get("payment")).get("method"));
        assertFalse(OrderFixture.events(paid).contains("PAID_BY_CARD"));
    }
}
