package cn.dayi.marketplace.importing.demo;

import cn.dayi.marketplace.catalogue.FundingSource;
import cn.dayi.marketplace.catalogue.NationalCategory;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.catalogue.SharingMode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every number the demo catalogue is calibrated to, in one place, with its source; and, clearly
 * separated, the few modelling assumptions that fill the gaps between the published figures.
 *
 * <p>Sources (the papers in {@code shared/seeds}, figures transcribed in
 * {@code shared/data/published-statistics.json}):
 * <ul>
 *   <li><b>Shenzhen</b> — 003_dde8fae05685a9b2.txt §二 (block {@code shenzhen_platform_2020}): the
 *       Shenzhen science and technology resource sharing platform, June 2020: 8,843 instruments,
 *       76.44 亿 CNY original value, 6,864 worth more than 300k and 3,915 more than 500k; instruments
 *       per national category; instruments per district (南山 4,284, 龙岗 498, 宝安 421, the other
 *       seven districts roughly equal shares of the rest); 462 service organisations, of which
 *       76.2 % research enterprises, 9.7 % institutes, 2.8 % universities, 2.6 % medical.</li>
 *   <li><b>Yangtze belt</b> — 002_62c0b952dea8c87c.txt tables 1–6 (block {@code yangtze_belt_2016}):
 *       instruments ≥ 500k per value band with the band's total value; country of manufacture;
 *       funding source; sharing mode.</li>
 * </ul>
 *
 * <h2>How the published figures are reconciled</h2>
 * <ul>
 *   <li><b>Categories.</b> The Shenzhen category counts add up to 8,832, eleven fewer than the
 *       8,843 total; shares are taken over the 8,832 classified instruments. 天文仪器 has none, so
 *       the demo has none. The platform spells category 13 工艺实验设备; it is 工艺试验设备.</li>
 *   <li><b>Value.</b> The Yangtze bands only cover instruments ≥ 500k, but 4,928 of Shenzhen's 8,843
 *       (55.7 %) are below 500k. The value band is therefore drawn in two steps: first the three
 *       Shenzhen strata (&lt; 300k: 22.4 %, 300k–500k: 33.3 %, ≥ 500k: 44.3 %), then, inside
 *       ≥ 500k, the Yangtze split (500k–2m 84.6 %, 2m–5m 12.6 %, 5m–8m 1.6 %, &gt; 8m 1.2 %). The
 *       lowest stratum starts at 100k (Zhejiang registers from 300k, Shenzhen publishes no floor;
 *       100k keeps bench instruments out). Inside a Yangtze band the value follows
 *       {@code lo + (hi − lo)·u^k} with {@code k} chosen so the band's mean equals the published
 *       mean (band value ÷ band instruments, e.g. 906k for 500k–2m); the open top band is capped at
 *       60m (a 300 kV cryo-TEM). Below 500k there are no published means: uniform below 300k,
 *       {@code k = 1.5} between 300k and 500k. The resulting average is about 0.8m per instrument,
 *       close to Shenzhen's 76.44 亿 ÷ 8,843 = 0.86m.</li>
 *   <li><b>Type versus band.</b> Each instrument type and model has a realistic value range of its
 *       own (a TEM is never 400k). Category and band are drawn first; then a (type, model) pair of
 *       that category with weight {@code typeWeight × modelShare × f}, where {@code f} is the share
 *       of the model's value range (on a log scale) that falls in the band; the value is drawn in
 *       the intersection. Where no model of the category reaches the band (e.g. a nuclear
 *       instrument above 5m) the band is ignored and the value drawn in the model's own range; this
 *       concerns well under 0.5 % of rows.</li>
 *   <li><b>Country of manufacture</b> is a property of the model (a Talos is made in the
 *       Netherlands, an Agilent ICP-MS in Japan). The Yangtze shares are met by one multiplier per
 *       country group (US, CN, DE, JP, GB, all others) on the model weights, fitted once by
 *       iterative proportional scaling so the <em>expected</em> mix equals the survey.</li>
 *   <li><b>Funding source</b> depends on the owner's kind (an enterprise rarely holds central
 *       fiscal instruments): a prior per kind ({@link #FUNDING_PRIOR_BY_KIND}), scaled by one
 *       multiplier per source fitted the same way, so the marginal mix equals the survey.</li>
 *   <li><b>Sharing mode</b> follows the Yangtze survey (47.9 % external, 44.1 % internal, 8.0 % not
 *       shared), independent of the owner. Shenzhen reports 5,234 of 8,843 (59 %) "shared", which
 *       counts external and some internal sharing; the brief asks for the survey mix.</li>
 * </ul>
 */
final class Calibration {

    private Calibration() {
    }

    /** Seed of every random choice; changing it changes the whole demo catalogue. */
    static final long SEED = 0x6461_7969_2D64_656DL; // "dayi-dem"

    /** Instruments generated when the caller asks for none: about the size of Shenzhen's platform. */
    static final int DEFAULT_COUNT = 9_000;

    // ---------------------------------------------------------------- Shenzhen platform, June 2020

    /** Instruments on the Shenzhen platform (003 §二). */
    static final int SHENZHEN_INSTRUMENTS = 8_843;
    /** Instruments worth more than 300k CNY (003 §二). */
    static final int SHENZHEN_OVER_300K = 6_864;
    /** Instruments worth more than 500k CNY (003 §二). */
    static final int SHENZHEN_OVER_500K = 3_915;
    /** Total original value, CNY (76.44 亿, 003 §二). */
    static final long SHENZHEN_ORIGINAL_VALUE_YUAN = 7_644_000_000L;

    /**
     * Instruments per national category on the Shenzhen platform (003 §二,
     * {@code shenzhen_platform_2020.category_instruments}; 工艺实验设备 = 13 工艺试验设备). Sum 8,832.
     */
    static final Map<NationalCategory, Integer> CATEGORY_INSTRUMENTS;

    static {
        Map<NationalCategory, Integer> m = new EnumMap<>(NationalCategory.class);
        m.put(NationalCategory.ANALYTICAL, 3290);
        m.put(NationalCategory.PHYSICAL_PROPERTY, 640);
        m.put(NationalCategory.METROLOGY, 193);
        m.put(NationalCategory.ELECTRONIC_MEASURING, 728);
        m.put(NationalCategory.MARINE, 11);
        m.put(NationalCategory.EARTH_EXPLORATION, 10);
        m.put(NationalCategory.ATMOSPHERIC, 7);
        m.put(NationalCategory.ASTRONOMICAL, 0);
        m.put(NationalCategory.MEDICAL_DIAGNOSTIC, 223);
        m.put(NationalCategory.NUCLEAR, 5);
        m.put(NationalCategory.SPECIAL_INSPECTION, 107);
        m.put(NationalCategory.LASER, 105);
        m.put(NationalCategory.PROCESS_TEST, 1012);
        m.put(NationalCategory.COMPUTING, 723);
        m.put(NationalCategory.OTHER, 1778);
        CATEGORY_INSTRUMENTS = Collections.unmodifiableMap(m);
    }

    /** 南山区 instruments (003 §二). */
    static final int NANSHAN_INSTRUMENTS = 4_284;
    /** 龙岗区 instruments (003 §二). */
    static final int LONGGANG_INSTRUMENTS = 498;
    /** 宝安区 instruments (003 §二). */
    static final int BAOAN_INSTRUMENTS = 421;
    /**
     * Each of the other seven districts (福田, 罗湖, 盐田, 龙华, 坪山, 光明, 大鹏): "roughly equal shares
     * of the remainder" = (8,843 − 4,284 − 498 − 421) / 7 = 520.
     */
    static final double OTHER_DISTRICT_INSTRUMENTS =
            (SHENZHEN_INSTRUMENTS - NANSHAN_INSTRUMENTS - LONGGANG_INSTRUMENTS - BAOAN_INSTRUMENTS) / 7.0;

    /**
     * Service organisations on the Shenzhen platform by kind, per cent of 462 (003 §二 fig. 2-2).
     * This is a mix of <em>organisations</em>; the demo's owner list follows it (most owners are
     * small research enterprises), while instruments are weighted towards universities and
     * institutes, where large instruments concentrate (see {@link #KIND_CATEGORY_AFFINITY}).
     */
    static final Map<String, Double> SERVICE_ORGANISATION_MIX_PCT = ordered(
            "research_enterprise", 76.2, "research_institute", 9.7, "university", 2.8, "medical", 2.6,
            "other", 8.7);

    // ---------------------------------------------------------------- Yangtze belt survey, 2016

    /**
     * Value bands. The first two strata come from Shenzhen (below 300k, 300k–500k); the rest split
     * Shenzhen's ≥ 500k share by the Yangtze belt survey (002 table 1,
     * {@code yangtze_belt_2016.value_band}): 28,622 / 4,256 / 541 / 398 instruments worth
     * 259.4 / 123.8 / 32.8 / 56.2 亿.
     */
    static final List<ValueBand> VALUE_BANDS = List.of(
            new ValueBand("<300k", 100_000, 300_000,
                    (SHENZHEN_INSTRUMENTS - SHENZHEN_OVER_300K) / (double) SHENZHEN_INSTRUMENTS, 1.0),
            new ValueBand("300k-500k", 300_000, 500_000,
                    (SHENZHEN_OVER_300K - SHENZHEN_OVER_500K) / (double) SHENZHEN_INSTRUMENTS, 1.5),
            yangtze("500k-2m", 500_000, 2_000_000, 28_622, 259.4),
            yangtze("2m-5m", 2_000_000, 5_000_000, 4_256, 123.8),
            yangtze("5m-8m", 5_000_000, 8_000_000, 541, 32.8),
            yangtze(">8m", 8_000_000, 60_000_000, 398, 56.2));

    /** Yangtze belt instruments ≥ 500k in all four bands (002 table 1). */
    static final int YANGTZE_OVER_500K = 28_622 + 4_256 + 541 + 398;

    /** Groups of countries the country mix is fitted to; {@link #OTHER_COUNTRIES} collects the rest. */
    static final String OTHER_COUNTRIES = "other";

    /**
     * Country of manufacture, per cent (002, {@code yangtze_belt_2016.country_of_manufacture_pct}):
     * 美国 37.7, 中国 23.4, 德国 13.3, 日本 8.6, 英国 3.8, 其他 13.2.
     */
    static final Map<String, Double> COUNTRY_PCT = ordered(
            "US", 37.7, "CN", 23.4, "DE", 13.3, "JP", 8.6, "GB", 3.8, OTHER_COUNTRIES, 13.2);

    /**
     * Funding source, per cent (002, {@code yangtze_belt_2016.funding_source_pct}): 中央财政资金 38.6,
     * 地方财政资金 21.8, 自筹 25.7, 其他 13.9.
     */
    static final Map<FundingSource, Double> FUNDING_PCT;

    static {
        Map<FundingSource, Double> m = new EnumMap<>(FundingSource.class);
        m.put(FundingSource.CENTRAL_FISCAL, 38.6);
        m.put(FundingSource.LOCAL_FISCAL, 21.8);
        m.put(FundingSource.SELF_FUNDED, 25.7);
        m.put(FundingSource.OTHER, 13.9);
        FUNDING_PCT = Collections.unmodifiableMap(m);
    }

    /**
     * Sharing mode, instruments (002, {@code yangtze_belt_2016.sharing_mode_instruments}): 外部共享
     * 16,187, 内部共享 14,909, 不共享 2,721.
     */
    static final Map<SharingMode, Integer> SHARING_INSTRUMENTS;

    static {
        Map<SharingMode, Integer> m = new EnumMap<>(SharingMode.class);
        m.put(SharingMode.EXTERNAL, 16_187);
        m.put(SharingMode.INTERNAL_ONLY, 14_909);
        m.put(SharingMode.NOT_SHARED, 2_721);
        SHARING_INSTRUMENTS = Collections.unmodifiableMap(m);
    }

    // ---------------------------------------------------------------- assumptions (not published)

    /** Share of instruments under maintenance on a given day (assumption; the rest are in service). */
    static final double UNDER_MAINTENANCE_SHARE = 0.03;

    /** First and last purchase year (brief: purchases between 2008 and 2024). */
    static final int FIRST_PURCHASE_YEAR = 2008;
    static final int LAST_PURCHASE_YEAR = 2024;

    /**
     * Relative weight of a purchase year (assumption): purchases grow linearly from 1 in 2008 to 2
     * in 2024, as platform registrations grew. Years outside a model's market life are excluded.
     */
    static double purchaseYearWeight(int year) {
        return 1.0 + (year - FIRST_PURCHASE_YEAR) / (double) (LAST_PURCHASE_YEAR - FIRST_PURCHASE_YEAR);
    }

    /** An instrument lies within this distance of its owner's campus anchor, km (assumption). */
    static final double CAMPUS_JITTER_KM = 0.15;

    /** Multiplier on an owner's weight for the categories it specialises in (assumption). */
    static final double SPECIALTY_BOOST = 4.0;

    /**
     * How likely an organisation of a kind is to hold an instrument of a category, relative to a
     * university (assumption). Universities and institutes hold everything; hospitals hold medical
     * diagnostics; enterprises lean to electronics, process equipment and computing; testing
     * agencies to metrology, inspection and analysis. Together with the owner weights in
     * {@link DemoOwners} this puts roughly half of all instruments in universities and institutes
     * although three quarters of the owners are enterprises (Shenzhen's organisation mix).
     * Categories in the order 01..15.
     */
    static final Map<OrganisationKind, double[]> KIND_CATEGORY_AFFINITY;

    static {
        Map<OrganisationKind, double[]> m = new EnumMap<>(OrganisationKind.class);
        //                                              01   02   03   04   05   06   07   08   09   10   11   12   13   14   15
        m.put(OrganisationKind.UNIVERSITY, new double[]{1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.4, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0});
        m.put(OrganisationKind.RESEARCH_INSTITUTE,
                new double[]{1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.4, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0});
        m.put(OrganisationKind.HOSPITAL, new double[]{0.6, .02, .02, .05, .02, .02, .02, .02, 12, 0.3, .05, .05, .02, 0.3, 1.0});
        m.put(OrganisationKind.ENTERPRISE, new double[]{0.5, 1.0, 1.2, 1.5, 0.1, 0.1, 0.1, 0.1, 0.3, 0.1, 1.2, 1.2, 1.8, 1.2, 0.8});
        m.put(OrganisationKind.TESTING_AGENCY,
                new double[]{1.5, 1.5, 2.5, 1.5, 0.2, 0.2, 0.5, 0.1, 0.1, 0.5, 2.5, 0.3, 0.6, 0.3, 0.6});
        m.put(OrganisationKind.OTHER, new double[]{1.0, 0.3, 0.3, 0.3, 0.3, 0.3, 5.0, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.5});
        KIND_CATEGORY_AFFINITY = Collections.unmodifiableMap(m);
    }

    /**
     * Funding source prior per owner kind, before fitting to {@link #FUNDING_PCT} (assumption):
     * universities and institutes buy mostly with central and local fiscal money, hospitals with
     * local money and their own, enterprises and testing agencies mostly with their own. Order:
     * CENTRAL_FISCAL, LOCAL_FISCAL, SELF_FUNDED, OTHER.
     */
    static final Map<OrganisationKind, double[]> FUNDING_PRIOR_BY_KIND;

    static {
        Map<OrganisationKind, double[]> m = new EnumMap<>(OrganisationKind.class);
        m.put(OrganisationKind.UNIVERSITY, new double[]{0.60, 0.24, 0.05, 0.11});
        m.put(OrganisationKind.RESEARCH_INSTITUTE, new double[]{0.50, 0.34, 0.05, 0.11});
        m.put(OrganisationKind.HOSPITAL, new double[]{0.10, 0.45, 0.35, 0.10});
        m.put(OrganisationKind.ENTERPRISE, new double[]{0.03, 0.10, 0.75, 0.12});
        m.put(OrganisationKind.TESTING_AGENCY, new double[]{0.03, 0.15, 0.72, 0.10});
        m.put(OrganisationKind.OTHER, new double[]{0.20, 0.50, 0.10, 0.20});
        FUNDING_PRIOR_BY_KIND = Collections.unmodifiableMap(m);
    }

    // ---------------------------------------------------------------- types

    /**
     * A value band: {@code [minYuan, maxYuanExclusive)}, its share of all instruments, and the
     * exponent {@code skew} of {@code lo + (hi − lo)·u^skew} used to draw values inside it.
     */
    record ValueBand(String label, long minYuan, long maxYuanExclusive, double share, double skew) {
    }

    /** A Yangtze band, its share of Shenzhen's ≥ 500k stratum and a skew matching its mean. */
    private static ValueBand yangtze(String label, long lo, long hi, int instruments, double valueYi) {
        double share = SHENZHEN_OVER_500K / (double) SHENZHEN_INSTRUMENTS
                * instruments / (double) (28_622 + 4_256 + 541 + 398);
        double mean = valueYi * 1e8 / instruments;
        // mean of lo + (hi - lo) u^k for uniform u is lo + (hi - lo) / (k + 1)
        double skew = (hi - lo) / (mean - lo) - 1.0;
        return new ValueBand(label, lo, hi, share, skew);
    }

    private static <K> Map<K, Double> ordered(Object... keysAndValues) {
        Map<K, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            K key = (K) keysAndValues[i];
            m.put(key, ((Number) keysAndValues[i + 1]).doubleValue());
        }
        return Collections.unmodifiableMap(m);
    }
}
