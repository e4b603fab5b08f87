package cn.dayi.marketplace.importing.dayicsv;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code country} column (country of manufacture) as an ISO 3166-1 alpha-2 code. Accepts the
 * alpha-2 or alpha-3 code, the English name or the simplified Chinese name as the JDK's locale
 * data writes them (US, USA, United States, 美国; 德国, 日本, 英国, 瑞士 ...), and common
 * variants (UK, Britain, England, America, Korea, 南韩, 中国大陆, 香港, 台湾, Czech Republic ...).
 * Case, spaces, dots and hyphens are ignored. Code {@code UNKNOWN_CODE}.
 */
final class Countries {

    private static final Map<String, String> BY_NAME = build();

    private Countries() {
    }

    static String code(String text) throws BadValue {
        String code = BY_NAME.get(key(text));
        if (code == null) {
            throw new BadValue("UNKNOWN_CODE", "Country '" + text.strip()
                    + "' is unknown: write an ISO code (e.g. JP, DE, US) or a name such as 日本 or Germany.");
        }
        return code;
    }

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        String[] codes = Locale.getISOCountries();
        for (String code : codes) {
            m.putIfAbsent(key(code), code);
        }
        for (String code : codes) {
            Locale country = Locale.of("", code);
            try {
                m.putIfAbsent(key(country.getISO3Country()), code);
            } catch (java.util.MissingResourceException e) {
                // no alpha-3 code known
            }
            m.putIfAbsent(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            m.putIfAbsent(key(country.getDisplayCountry(Locale.SIMPLIFIED_CHINESE)), code);
        }
        String[][] aliases = {
                {"America", "US"}, {"United States of America", "US"}, {"美國", "US"},
                {"UK", "GB"}, {"Great Britain", "GB"}, {"Britain", "GB"}, {"England", "GB"}, {"Scotland", "GB"},
                {"Wales", "GB"}, {"United Kingdom", "GB"}, {"英國", "GB"},
                {"Korea", "KR"}, {"Republic of Korea", "KR"}, {"南韩", "KR"}, {"南朝鲜", "KR"},
                {"中国大陆", "CN"}, {"中华人民共和国", "CN"}, {"PRC", "CN"}, {"People's Republic of China", "CN"},
                {"香港", "HK"}, {"中国香港", "HK"}, {"台湾", "TW"}, {"中国台湾", "TW"}, {"Taiwan", "TW"},
                {"Czech Republic", "CZ"}, {"Russia", "RU"}, {"Holland", "NL"}, {"The Netherlands", "NL"},
                {"德國", "DE"}, {"West Germany", "DE"}, {"意大利", "IT"}, {"新加坡", "SG"}};
        for (String[] alias : aliases) {
            m.put(key(alias[0]), alias[1]);
        }
        return Map.copyOf(m);
    }

    private static String key(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s.'’\\-_]", "");
    }
}
