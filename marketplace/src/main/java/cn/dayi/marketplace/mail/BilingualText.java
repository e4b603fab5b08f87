package cn.dayi.marketplace.mail;

import jakarta.inject.Singleton;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Text of notifications and mails from the {@code i18n/notification*.properties} bundle, in zh-CN
 * ({@code notification.properties}) and English ({@code notification_en.properties}), formatted with
 * {@link MessageFormat}. The JDK's fallback to the default locale is off, so zh-CN is zh-CN on any JVM.
 */
@Singleton
public class BilingualText {

    /** The two languages, zh-CN first. */
    public enum Lang {
        ZH(Locale.ROOT), EN(Locale.ENGLISH);

        private final Locale locale;

        Lang(Locale locale) {
            this.locale = locale;
        }
    }

    private static final String BASE = "i18n.notification";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The text of {@code key} in {@code lang} with {@code args}; the key itself when missing. */
    public String get(Lang lang, String key, Object... args) {
        return find(lang, key, args).orElse(key);
    }

    /** The text of {@code key}, if the bundle has it. */
    public Optional<String> find(Lang lang, String key, Object... args) {
        try {
            ResourceBundle b = ResourceBundle.getBundle(BASE, lang.locale, BilingualText.class.getClassLoader(), NO_FALLBACK);
            if (!b.containsKey(key)) {
                return Optional.empty();
            }
            String pattern = b.getString(key);
            return Optional.of(args.length == 0 ? pattern : new MessageFormat(pattern, lang.locale).format(args));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** A mail subject: {@code 中文 / English}. */
    public String subject(String zh, String en) {
        return zh + " / " + en;
    }

    /** A mail body: the Chinese text, a rule, the English text. */
    public String body(String zh, String en) {
        return zh.strip() + "\n\n----------------------------------------\n\n" + en.strip() + "\n";
    }
}
