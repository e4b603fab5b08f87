package cn.dayi.marketplace.payment;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stripe configuration. Properties (environment variables in brackets):
 * <ul>
 *   <li>{@code stripe.secret-key} ({@code STRIPE_SECRET_KEY}): the secret API key, {@code sk_…}</li>
 *   <li>{@code stripe.webhook-secret} ({@code STRIPE_WEBHOOK_SECRET}): the endpoint's signing secret, {@code whsec_…}</li>
 *   <li>{@code stripe.api-base} ({@code STRIPE_API_BASE}): another API address (tests: WireMock); default Stripe's</li>
 *   <li>{@code stripe.payment-methods} ({@code STRIPE_PAYMENT_METHODS}): payment method types offered, comma-separated,
 *       {@code card} always, plus {@code alipay} / {@code wechat_pay} when the Stripe account enables them</li>
 *   <li>{@code stripe.reconcile-after-minutes}: attempts still PENDING or UNKNOWN this long are asked about (default 15)</li>
 * </ul>
 * Card payment is available only when both the secret key and the webhook secret are set:
 * without the webhook secret a payment could never be confirmed.
 */
@Singleton
public class StripeSettings {

    private static final List<String> KNOWN = List.of("card", "alipay", "wechat_pay");

    private final String secretKey;
    private final String webhookSecret;
    private final String apiBase;
    private final List<String> paymentMethodTypes;
    private final Duration reconcileAfter;

    StripeSettings(@Value("${stripe.secret-key:}") String secretKey,
                   @Value("${stripe.webhook-secret:}") String webhookSecret,
                   @Value("${stripe.api-base:}") String apiBase,
                   @Value("${stripe.payment-methods:card}") String paymentMethods,
                   @Value("${stripe.reconcile-after-minutes:15}") int reconcileAfterMinutes) {
        this.secretKey = blankToNull(secretKey);
        this.webhookSecret = blankToNull(webhookSecret);
        this.apiBase = blankToNull(apiBase);
        List<String> types = new ArrayList<>(List.of("card"));
        for (String t : (paymentMethods == null ? "" : paymentMethods).split(",")) {
            String type = t.strip().toLowerCase(Locale.ROOT);
            if (KNOWN.contains(type) && !types.contains(type)) {
                types.add(type);
            }
        }
        this.paymentMethodTypes = List.copyOf(types);
        this.reconcileAfter = Duration.ofMinutes(Math.max(1, reconcileAfterMinutes));
    }

    /** Empty when card payment is on; else why it is off, in words a buyer or an operator understands. */
    public Optional<String> unavailableReason() {
        if (secretKey == null && webhookSecret == null) {
            return Optional.of("Card payment is not set up on this platform (no Stripe account is configured); "
                    + "pay by corporate bank transfer (对公转账) instead.");
        }
        if (secretKey == null) {
            return Optional.of("Card payment is switched off: the Stripe secret key (STRIPE_SECRET_KEY) is missing; "
                    + "pay by corporate bank transfer (对公转账) instead.");
        }
        if (webhookSecret == null) {
            return Optional.of("Card payment is switched off: the Stripe webhook secret (STRIPE_WEBHOOK_SECRET) is missing, "
                    + "so payments could not be confirmed; pay by corporate bank transfer (对公转账) instead.");
        }
        return Optional.empty();
    }

    public boolean available() {
        return unavailableReason().isEmpty();
    }

    /** Payment method types a PaymentIntent offers, {@code card} first. */
    public List<String> paymentMethodTypes() {
        return paymentMethodTypes;
    }

    Optional<String> secretKey() {
        return Optional.ofNullable(secretKey);
    }

    Optional<String> webhookSecret() {
        return Optional.ofNullable(webhookSecret);
    }

    Optional<String> apiBase() {
        return Optional.ofNullable(apiBase);
    }

    Duration reconcileAfter() {
        return reconcileAfter;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
