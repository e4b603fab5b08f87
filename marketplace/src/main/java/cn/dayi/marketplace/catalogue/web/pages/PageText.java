package cn.dayi.marketplace.catalogue.web.pages;

import io.micronaut.context.MessageSource;
import java.util.Optional;

/**
 * The message bundle ({@code i18n/messages*.properties}) in one page language. Arguments fill
 * {@code {0}}, {@code {1}} …; a missing key shows as itself so it is noticed, never as an error.
 */
public final class PageText {

    private final MessageSource messages;
    private final Language language;

    public PageText(MessageSource messages, Language language) {
        this.messages = messages;
        this.language = language;
    }

    public Language language() {
        return language;
    }

    /** The message for {@code key}, or the key itself when the bundle lacks it. */
    public String get(String key, Object... args) {
        return find(key, args).orElse(key);
    }

    /**
     * A message about {@code n} things, {@code n} formatted with separators as {@code {0}}. English
     * has a singular form under {@code <key>.one}; Chinese needs none (and must not look for one:
     * the JDK would answer a key missing from the Chinese bundle from the English one).
     */
    public String count(String key, long n) {
        String formatted = Formats.count(n, language);
        if (n == 1 && language == Language.EN) {
            return find(key + ".one", formatted).orElseGet(() -> get(key, formatted));
        }
        return get(key, formatted);
    }

    /** The message for {@code key}, when the bundle has it. */
    public Optional<String> find(String key, Object... args) {
        return messages.getMessage(key, language.locale(), args);
    }
}
