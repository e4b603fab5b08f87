package cn.dayi.marketplace.catalogue.web.pages;

import io.micronaut.context.AbstractMessageSource;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Messages of {@code i18n/messages*.properties} without the JDK's fallback to the JVM's default
 * locale. {@code messages.properties} holds zh-CN; with the plain JDK lookup a zh-CN request on a
 * JVM whose default locale is English is answered from {@code messages_en.properties}, so Chinese
 * pages would show English. Asked before the other message sources (they stay as fallbacks).
 *
 * <p>Besides {@code i18n/messages}, each module with pages of its own keeps its text in a bundle of
 * its own ({@code i18n/operator*.properties} for the operator portal, {@code i18n/booking*.properties} for the
 * booking pages of both, {@code i18n/reports*.properties} for report pages), looked up after this one.
 */
@Singleton
public class BundleMessageSource extends AbstractMessageSource {

    static final String BASE_NAME = "i18n.messages";
    /** Bundles of other modules' pages, asked in this order after {@link #BASE_NAME}. */
    static final java.util.List<String> MODULE_BUNDLES = java.util.List.of("i18n.operator", "i18n.ops", "i18n.notification",
            "i18n.booking", "i18n.reports");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        Locale locale = context.getLocale(Language.ZH.locale());
        Optional<String> own = lookup(BASE_NAME, code, locale);
        if (own.isPresent()) {
            return own;
        }
        for (String base : MODULE_BUNDLES) {
            Optional<String> found = lookup(base, code, locale);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lookup(String base, String code, Locale locale) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(base, locale, BundleMessageSource.class.getClassLoader(),
                    NO_FALLBACK);
            return bundle.containsKey(code) ? Optional.of(bundle.getString(code)) : Optional.empty();
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    @Override
    public int getOrder() {
        return -100;
    }
}
