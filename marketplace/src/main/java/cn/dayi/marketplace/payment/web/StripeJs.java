package cn.dayi.marketplace.payment.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What the buyer's card page needs of Stripe in the browser: the publishable key ({@code pk_…},
 * {@code STRIPE_PUBLISHABLE_KEY}) and where Stripe.js is loaded from ({@code stripe.js-url}; Stripe's own
 * {@code https://js.stripe.com/v3/} unless a test points it elsewhere). Without a publishable key the card
 * button is hidden on the pages and says why; the card API still works for clients with their own Stripe SDK.
 */
@Singleton
public class StripeJs {

    private final String publishableKey;
    private final String url;

    StripeJs(@Value("${stripe.publishable-key:}") String publishableKey,
             @Value("${stripe.js-url:https://js.stripe.com/v3/}") String url) {
        this.publishableKey = publishableKey == null || publishableKey.isBlank() ? null : publishableKey.strip();
        this.url = url;
    }

    /** The publishable key, when set. */
    public Optional<String> publishableKey() {
        return Optional.ofNullable(publishableKey);
    }

    /** Where the page loads Stripe.js from. */
    public String url() {
        return url;
    }
}
