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
 */
@Singleton
public class BundleMessageSource extends AbstractMessageSource {

    static final String BASE_NAME = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        Locale locale = context.getLocale(Language.ZH.locale());
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(BASE_NAME, locale,
                    BundleMessageSource.class.getClassLoader(), NO_FALLBACK);
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
