package cn.dayi.marketplace.catalogue.web.pages;

import java.util.Locale;
import java.util.Optional;

/**
 * The two page languages. zh-CN is the default; English is chosen with {@code ?lang=en} (and
 * back with {@code ?lang=zh}), remembered in the cookie {@value #COOKIE}.
 */
public enum Language {
    /** Simplified Chinese, the default. */
    ZH("zh", "zh-CN", Locale.SIMPLIFIED_CHINESE),
    /** English. */
    EN("en", "en", Locale.ENGLISH);

    /** Query parameter that switches the language. */
    public static final String PARAM = "lang";
    /** Cookie that remembers the choice. */
    public static final String COOKIE = "lang";

    private final String code;
    private final String htmlLang;
    private final Locale locale;

    Language(String code, String htmlLang, Locale locale) {
        this.code = code;
        this.htmlLang = htmlLang;
        this.locale = locale;
    }

    /** Value of {@code ?lang=} and of the cookie: {@code zh} or {@code en}. */
    public String code() {
        return code;
    }

    /** Value of the HTML {@code lang} attribute (BCP 47). */
    public String htmlLang() {
        return htmlLang;
    }

    public Locale locale() {
        return locale;
    }

    /** The language a switch link offers. */
    public Language other() {
        return this == ZH ? EN : ZH;
    }

    /** {@code zh}, {@code zh-CN}, {@code zh_CN}, {@code en}, {@code en-GB} …; empty for anything else. */
    public static Optional<Language> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("zh") || t.startsWith("zh-") || t.startsWith("zh_")) {
            return Optional.of(ZH);
        }
        if (t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }

    /** The page language of a resolved locale: English for {@code en*}, else Chinese. */
    public static Language of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
    }
}
