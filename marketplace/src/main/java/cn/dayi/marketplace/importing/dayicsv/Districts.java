package cn.dayi.marketplace.importing.dayicsv;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code district} and {@code owner_district} columns as a region code. Accepts a code
 * shaped like a GB/T 2260 code ({@code 440305}, or {@code 440300DP} for a functional district)
 * or an ISO 3166-2 code ({@code GB-FIF}), which the importer then checks against the
 * {@code region} table; or the name of a Shenzhen district in Chinese or pinyin, with or without
 * 区/新区/District and a 深圳市/广东省 prefix (南山区, 南山, 深圳市南山区, Nanshan, Nanshan District).
 * Code {@code UNKNOWN_CODE}. The names mirror the regions seeded by {@code V1__catalogue.sql}.
 */
final class Districts {

    private static final Pattern CODE = Pattern.compile("\\d{6}([A-Z]{2})?|[A-Z]{2}-[A-Z0-9]{1,3}");

    private static final Map<String, String> SHENZHEN = build();

    private Districts() {
    }

    static String code(String text) throws BadValue {
        String t = text.strip();
        String upper = t.toUpperCase(Locale.ROOT);
        if (CODE.matcher(upper).matches()) {
            return upper;
        }
        String code = SHENZHEN.get(key(t));
        if (code == null) {
            throw new BadValue("UNKNOWN_CODE", "District '" + t
                    + "' is neither a region code (e.g. 440305) nor a Shenzhen district name (e.g. 南山区).");
        }
        return code;
    }

    private static Map<String, String> build() {
        String[][] rows = {
                {"440303", "罗湖", "luohu"}, {"440304", "福田", "futian"}, {"440305", "南山", "nanshan"},
                {"440306", "宝安", "baoan"}, {"440307", "龙岗", "longgang"}, {"440308", "盐田", "yantian"},
                {"440309", "龙华", "longhua"}, {"440310", "坪山", "pingshan"}, {"440311", "光明", "guangming"},
                {"440300DP", "大鹏", "dapeng"}};
        Map<String, String> m = new HashMap<>();
        for (String[] r : rows) {
            m.put(r[1], r[0]);
            m.put(r[2], r[0]);
        }
        return Map.copyOf(m);
    }

    /** {@code "深圳市 南山区"} → {@code 南山}; {@code "Bao'an District"} → {@code baoan}. */
    private static String key(String name) {
        String k = name.toLowerCase(Locale.ROOT).replaceAll("[\\s'’\\-_.]", "");
        k = k.replaceFirst("^广东省", "").replaceFirst("^深圳市", "").replaceFirst("^深圳", "");
        k = k.replaceFirst("(新区|区|newdistrict|district)$", "");
        return k;
    }
}
