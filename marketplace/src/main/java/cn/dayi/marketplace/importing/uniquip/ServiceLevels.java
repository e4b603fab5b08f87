package cn.dayi.marketplace.importing.uniquip;

import cn.dayi.marketplace.catalogue.SharingMode;
import java.util.List;
import java.util.Locale;

/**
 * Reads the free-text {@code Service Level} column as a sharing mode. Checked in order:
 * unavailable wording ("not available", "unavailable", "not shared", "no access", "none")
 * → {@link SharingMode#NOT_SHARED}; a mention of external, commercial, public or open access →
 * {@link SharingMode#EXTERNAL}; internal-only wording ("internal", "in-house", "staff only",
 * "university only", "institution only") → {@link SharingMode#INTERNAL_ONLY}; anything else,
 * or blank → {@link SharingMode#EXTERNAL} (a feed to the national equipment service lists what
 * others may ask to use).
 */
final class ServiceLevels {

    private static final List<String> NOT_SHARED = List.of(
            "not available", "unavailable", "not shared", "no access", "no external", "not open", "none");
    private static final List<String> EXTERNAL = List.of(
            "external", "commercial", "public", "open access", "open to", "industry");
    private static final List<String> INTERNAL = List.of(
            "internal", "in-house", "in house", "staff only", "university only", "institution only",
            "department only", "members only");

    private ServiceLevels() {
    }

    static SharingMode sharingMode(String serviceLevel) {
        if (serviceLevel == null || serviceLevel.isBlank()) {
            return SharingMode.EXTERNAL;
        }
        String s = serviceLevel.toLowerCase(Locale.ROOT);
        if (NOT_SHARED.stream().anyMatch(s::contains)) {
            return SharingMode.NOT_SHARED;
        }
        if (EXTERNAL.stream().anyMatch(s::contains)) {
            return SharingMode.EXTERNAL;
        }
        if (INTERNAL.stream().anyMatch(s::contains)) {
            return SharingMode.INTERNAL_ONLY;
        }
        return SharingMode.EXTERNAL;
    }
}
