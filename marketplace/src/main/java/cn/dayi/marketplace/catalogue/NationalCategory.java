package cn.dayi.marketplace.catalogue;

import java.util.Locale;
import java.util.Optional;

/**
 * Top level of the national classification of large scientific instruments (domain.md). Mirrors
 * the {@code category} table seeded by Flyway {@code V1__catalogue.sql}; codes 01..15.
 */
public enum NationalCategory {
    ANALYTICAL("01", "分析仪器", "Analytical instruments"),
    PHYSICAL_PROPERTY("02", "物理性能测试仪器", "Physical property testing instruments"),
    METROLOGY("03", "计量仪器", "Metrology instruments"),
    ELECTRONIC_MEASURING("04", "电子测量仪器", "Electronic measuring instruments"),
    MARINE("05", "海洋仪器", "Marine instruments"),
    EARTH_EXPLORATION("06", "地球探测仪器", "Earth exploration instruments"),
    ATMOSPHERIC("07", "大气探测仪器", "Atmospheric sounding instruments"),
    ASTRONOMICAL("08", "天文仪器", "Astronomical instruments"),
    MEDICAL_DIAGNOSTIC("09", "医学诊断仪器", "Medical diagnostic instruments"),
    NUCLEAR("10", "核仪器", "Nuclear instruments"),
    SPECIAL_INSPECTION("11", "特种检测仪器", "Special inspection instruments"),
    LASER("12", "激光器", "Lasers"),
    PROCESS_TEST("13", "工艺试验设备", "Process test equipment"),
    COMPUTING("14", "计算机及其配套设备", "Computers and peripherals"),
    OTHER("15", "其他", "Other");

    private final String code;
    private final String nameZh;
    private final String nameEn;

    NationalCategory(String code, String nameZh, String nameEn) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /**
     * Resolves a code ({@code 01}), a Chinese name ({@code 分析仪器}; also the variant spelling
     * 工艺实验设备), an English name, or the enum name, ignoring case and surrounding space.
     */
    public static Optional<NationalCategory> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if ("工艺实验设备".equals(t)) {
            return Optional.of(PROCESS_TEST);
        }
        for (NationalCategory c : values()) {
            if (c.code.equals(t) || c.nameZh.equals(t) || c.nameEn.equalsIgnoreCase(t)
                    || c.name().equalsIgnoreCase(t.replace(' ', '_').toUpperCase(Locale.ROOT))
                    || (t.length() == 1 && c.code.equals("0" + t))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
