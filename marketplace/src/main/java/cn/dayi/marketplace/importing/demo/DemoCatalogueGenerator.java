package cn.dayi.marketplace.importing.demo;

import cn.dayi.marketplace.catalogue.FundingSource;
import cn.dayi.marketplace.catalogue.InstrumentStatus;
import cn.dayi.marketplace.catalogue.NationalCategory;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.catalogue.SharingMode;
import cn.dayi.marketplace.importing.InstrumentRow;
import cn.dayi.marketplace.importing.demo.Calibration.ValueBand;
import cn.dayi.marketplace.importing.demo.DemoOwners.DemoOwner;
import cn.dayi.marketplace.importing.demo.InstrumentTypes.Model;
import cn.dayi.marketplace.importing.demo.InstrumentTypes.Type;
import cn.dayi.marketplace.importing.demo.ShenzhenDistricts.District;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Generates the demo catalogue: Shenzhen-like instruments calibrated to the published statistics
 * ({@link Calibration}), with real instrument types and models ({@link InstrumentTypes}) held by
 * real and generated Shenzhen organisations ({@link DemoOwners}) at coordinates inside their
 * district ({@link ShenzhenDistricts}).
 *
 * <p><b>Deterministic.</b> Row {@code i} is a pure function of {@code i}: it draws from its own
 * {@link SplittableRandom} seeded with a hash of ({@link Calibration#SEED}, {@code i}), and every
 * table is built in a fixed order with {@link StrictMath}, never iterating hash-ordered
 * collections. The same index gives the same row in every run, on every machine, whatever the
 * requested count; a catalogue of {@code n} rows is a prefix of one of {@code n + k} rows.
 *
 * <p><b>Lazy.</b> {@link #rows(int)} is a stream that builds each row when it is consumed, so
 * 100,000 rows never sit in memory; generation is a few microseconds per row.
 *
 * <p><b>Drawing one row.</b> Category (Shenzhen mix) → value band (Shenzhen strata, Yangtze split)
 * → (type, model) of that category that reaches the band, weighted by type frequency × model share
 * (country mix fitted) × the share of the model's value range inside the band → value inside both
 * → district (Shenzhen mix) → owner in that district, weighted by size × kind affinity for the
 * category × specialty → funding source given the owner's kind (fitted to the survey) → sharing
 * mode, status, purchase date within the model's market life, a point on the owner's campus.
 *
 * <p>Thread-safe and immutable after construction; {@link #instance()} is built once.
 */
public final class DemoCatalogueGenerator {

    /** Source of every demo row and owner. */
    public static final String SOURCE = "demo";

    /** Rows generated when the caller asks for none. */
    public static final int DEFAULT_COUNT = Calibration.DEFAULT_COUNT;

    private static final NationalCategory[] CATEGORIES = NationalCategory.values();
    /** Owner kinds of the demo catalogue (the calibrated ones; operators and authorities own no demo instruments). */
    private static final OrganisationKind[] KINDS = Calibration.FUNDING_PRIOR_BY_KIND.keySet()
            .toArray(new OrganisationKind[0]);
    private static final FundingSource[] FUNDING = FundingSource.values();
    private static final SharingMode[] SHARING = SharingMode.values();
    private static final List<ValueBand> BANDS = Calibration.VALUE_BANDS;
    private static final List<String> COUNTRY_GROUPS = List.copyOf(Calibration.COUNTRY_PCT.keySet());
    private static final long FEN_PER_HUNDRED_YUAN = 10_000L;

    /** A (type, model) pair offered for a category and band, with the value interval to draw in. */
    record Offer(Type type, Model model, long minHundreds, long maxHundredsExclusive, double skew,
                 boolean outsideBand) {

        long drawFen(double u) {
            long span = maxHundredsExclusive - minHundreds;
            long h = minHundreds + (long) (span * StrictMath.pow(u, skew));
            if (h >= maxHundredsExclusive) {
                h = maxHundredsExclusive - 1;
            }
            return h * FEN_PER_HUNDRED_YUAN;
        }
    }

    /** One model of one type, indexed within its category. */
    private record Product(Type type, Model model, int group) {
    }

    private final Weighted categoryPick;
    private final Weighted bandPick;
    private final Offer[][][] offers;
    private final Weighted[][] offerPick;
    private final Weighted districtPick;
    private final DemoOwner[][] ownersByDistrict;
    private final Weighted[][] ownerPick;
    private final Weighted[] fundingPick;
    private final Weighted sharingPick;
    private final double[] expectedCountry;
    private final double[] expectedKind;
    private final double[] expectedFunding;
    private final double expectedOutsideBand;

    private static final class Holder {
        static final DemoCatalogueGenerator INSTANCE = new DemoCatalogueGenerator();
    }

    /** The generator (its tables are built once, in a few milliseconds). */
    public static DemoCatalogueGenerator instance() {
        return Holder.INSTANCE;
    }

    private DemoCatalogueGenerator() {
        validateTypes();
        double[] categoryWeights = new double[CATEGORIES.length];
        for (NationalCategory c : CATEGORIES) {
            categoryWeights[c.ordinal()] = Calibration.CATEGORY_INSTRUMENTS.get(c);
        }
        categoryPick = new Weighted(categoryWeights);
        bandPick = new Weighted(BANDS.stream().mapToDouble(ValueBand::share).toArray());

        // ---- instrument offers: products per category, country factors fitted to the survey mix
        List<List<Product>> products = new ArrayList<>();
        for (NationalCategory c : CATEGORIES) {
            List<Product> list = new ArrayList<>();
            for (Type t : InstrumentTypes.all()) {
                if (t.category() == c) {
                    for (Model m : t.models()) {
                        list.add(new Product(t, m, countryGroup(m.countryCode())));
                    }
                }
            }
            products.add(list);
        }
        double[] target = COUNTRY_GROUPS.stream().mapToDouble(g -> Calibration.COUNTRY_PCT.get(g) / 100).toArray();
        double[] factors = new double[COUNTRY_GROUPS.size()];
        java.util.Arrays.fill(factors, 1.0);
        double[] shares = null;
        for (int iteration = 0; iteration < 2000; iteration++) {
            shares = countryShares(products, factors, categoryWeights);
            double worst = 0;
            for (int g = 0; g < factors.length; g++) {
                worst = Math.max(worst, Math.abs(shares[g] - target[g]));
                factors[g] *= target[g] / shares[g];
            }
            if (worst < 1e-9) {
                break;
            }
        }
        shares = countryShares(products, factors, categoryWeights);
        expectedCountry = shares;

        offers = new Offer[CATEGORIES.length][BANDS.size()][];
        offerPick = new Weighted[CATEGORIES.length][BANDS.size()];
        double outside = 0;
        for (int c = 0; c < CATEGORIES.length; c++) {
            if (categoryWeights[c] == 0) {
                continue;
            }
            for (int b = 0; b < BANDS.size(); b++) {
                double[] w = offerWeights(products.get(c), factors, BANDS.get(b));
                boolean outsideBand = sum(w) == 0;
                if (outsideBand) {
                    w = offerWeights(products.get(c), factors, null);
                    outside += categoryPick.probability(c) * bandPick.probability(b);
                }
                List<Product> ps = products.get(c);
                Offer[] o = new Offer[ps.size()];
                for (int i = 0; i < o.length; i++) {
                    o[i] = offer(ps.get(i), outsideBand ? null : BANDS.get(b));
                }
                offers[c][b] = o;
                offerPick[c][b] = new Weighted(w);
            }
        }
        expectedOutsideBand = outside;

        // ---- owners per district and category
        List<District> districts = ShenzhenDistricts.ALL;
        districtPick = new Weighted(districts.stream().mapToDouble(District::instrumentWeight).toArray());
        ownersByDistrict = new DemoOwner[districts.size()][];
        ownerPick = new Weighted[districts.size()][CATEGORIES.length];
        double[] kindShares = new double[KINDS.length];
        for (int d = 0; d < districts.size(); d++) {
            District district = districts.get(d);
            DemoOwner[] owners = DemoOwners.all().stream().filter(o -> o.district() == district)
                    .toArray(DemoOwner[]::new);
            ownersByDistrict[d] = owners;
            for (int c = 0; c < CATEGORIES.length; c++) {
                double[] w = new double[owners.length];
                for (int i = 0; i < owners.length; i++) {
                    DemoOwner o = owners[i];
                    w[i] = o.weight() * Calibration.KIND_CATEGORY_AFFINITY.get(o.kind())[c]
                            * (o.specialties().contains(CATEGORIES[c]) ? Calibration.SPECIALTY_BOOST : 1.0);
                }
                Weighted pick = new Weighted(w);
                ownerPick[d][c] = pick;
                double pdc = districtPick.probability(d) * categoryPick.probability(c);
                for (int i = 0; i < owners.length; i++) {
                    kindShares[owners[i].kind().ordinal()] += pdc * pick.probability(i);
                }
            }
        }
        expectedKind = kindShares;

        // ---- funding source given the owner's kind, fitted to the survey mix
        double[] fundingTarget = new double[FUNDING.length];
        for (FundingSource f : FUNDING) {
            fundingTarget[f.ordinal()] = Calibration.FUNDING_PCT.get(f) / 100;
        }
        double[] g = new double[FUNDING.length];
        java.util.Arrays.fill(g, 1.0);
        double[] fundingShares = null;
        for (int iteration = 0; iteration < 2000; iteration++) {
            fundingShares = fundingShares(g, kindShares);
            double worst = 0;
            for (int f = 0; f < g.length; f++) {
                worst = Math.max(worst, Math.abs(fundingShares[f] - fundingTarget[f]));
                g[f] *= fundingTarget[f] / fundingShares[f];
            }
            if (worst < 1e-9) {
                break;
            }
        }
        expectedFunding = fundingShares(g, kindShares);
        fundingPick = new Weighted[KINDS.length];
        for (OrganisationKind k : KINDS) {
            fundingPick[k.ordinal()] = new Weighted(fundingWeights(k, g));
        }

        double[] sharing = new double[SHARING.length];
        for (SharingMode s : SHARING) {
            sharing[s.ordinal()] = Calibration.SHARING_INSTRUMENTS.get(s);
        }
        sharingPick = new Weighted(sharing);
    }

    // ------------------------------------------------------------------------------------- rows

    /** {@code count} rows ({@link #DEFAULT_COUNT} when count ≤ 0), generated lazily in index order. */
    public Stream<InstrumentRow> rows(int count) {
        int n = count <= 0 ? DEFAULT_COUNT : count;
        return LongStream.rangeClosed(1, n).mapToObj(this::row);
    }

    /** The source id of row {@code index}: {@code demo-000001}, … */
    public static String sourceId(long index) {
        String digits = Long.toString(index);
        return digits.length() >= 6 ? "demo-" + digits : "demo-" + "000000".substring(digits.length()) + digits;
    }

    /** Row {@code index} (1-based) of the demo catalogue. */
    public InstrumentRow row(long index) {
        if (index < 1) {
            throw new IllegalArgumentException("row index starts at 1: " + index);
        }
        SplittableRandom r = new SplittableRandom(mix64(Calibration.SEED + index * 0x9E37_79B9_7F4A_7C15L));
        int c = categoryPick.pick(r.nextDouble());
        int b = bandPick.pick(r.nextDouble());
        Offer offer = offers[c][b][offerPick[c][b].pick(r.nextDouble())];
        long valueFen = offer.drawFen(r.nextDouble());
        int d = districtPick.pick(r.nextDouble());
        DemoOwner owner = ownersByDistrict[d][ownerPick[d][c].pick(r.nextDouble())];
        FundingSource funding = FUNDING[fundingPick[owner.kind().ordinal()].pick(r.nextDouble())];
        SharingMode sharing = SHARING[sharingPick.pick(r.nextDouble())];
        InstrumentStatus status = r.nextDouble() < Calibration.UNDER_MAINTENANCE_SHARE
                ? InstrumentStatus.UNDER_MAINTENANCE : InstrumentStatus.IN_SERVICE;
        LocalDate purchased = purchaseDate(offer.model(), r);
        double rho = Calibration.CAMPUS_JITTER_KM * StrictMath.sqrt(r.nextDouble());
        double theta = 2 * StrictMath.PI * r.nextDouble();
        double lat = DemoOwners.round6(owner.lat() + rho * StrictMath.cos(theta) / ShenzhenDistricts.kmPerDegLat());
        double lon = DemoOwners.round6(owner.lon()
                + rho * StrictMath.sin(theta) / ShenzhenDistricts.kmPerDegLon(owner.lat()));
        String department = DemoOwners.department(owner, CATEGORIES[c], r.nextDouble(), r.nextDouble());
        String address = DemoOwners.room(owner, r);
        Type type = offer.type();
        Model model = offer.model();
        return new InstrumentRow(SOURCE, sourceId(index), type.nameZh(), type.nameEn(), model.model(),
                model.manufacturer(), model.countryCode(), valueFen, "CNY", purchased, funding, owner.ref(),
                department, address, owner.district().code(), lat, lon, CATEGORIES[c].code(),
                type.technicalParameters(), type.sampleRequirements(), type.serviceDescription(), sharing, status,
                null, null, null, null, null, true);
    }

    private static LocalDate purchaseDate(Model model, SplittableRandom r) {
        int first = Math.max(Calibration.FIRST_PURCHASE_YEAR, model.sinceYear());
        int last = Math.min(Calibration.LAST_PURCHASE_YEAR, model.untilYear());
        double total = 0;
        for (int y = first; y <= last; y++) {
            total += Calibration.purchaseYearWeight(y);
        }
        double x = r.nextDouble() * total;
        int year = last;
        for (int y = first; y <= last; y++) {
            x -= Calibration.purchaseYearWeight(y);
            if (x < 0) {
                year = y;
                break;
            }
        }
        return LocalDate.ofYearDay(year, 1 + r.nextInt(Year.of(year).length()));
    }

    /** Stafford variant 13 of the MurmurHash3 finaliser: spreads consecutive indices over the seed space. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------------- expected mixes

    /** Expected country-of-manufacture shares (US, CN, DE, JP, GB, other) after fitting. */
    Map<String, Double> expectedCountryShares() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int g = 0; g < COUNTRY_GROUPS.size(); g++) {
            m.put(COUNTRY_GROUPS.get(g), expectedCountry[g]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Expected share of instruments per owner kind. */
    Map<OrganisationKind, Double> expectedKindShares() {
        Map<OrganisationKind, Double> m = new EnumMap<>(OrganisationKind.class);
        for (OrganisationKind k : KINDS) {
            m.put(k, expectedKind[k.ordinal()]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Expected funding-source shares after fitting. */
    Map<FundingSource, Double> expectedFundingShares() {
        Map<FundingSource, Double> m = new EnumMap<>(FundingSource.class);
        for (FundingSource f : FUNDING) {
            m.put(f, expectedFunding[f.ordinal()]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Expected share of rows whose category has no model reaching the drawn band. */
    double expectedOutsideBandShare() {
        return expectedOutsideBand;
    }

    /** Country group of an ISO code: its own group if listed in the survey, else "other". */
    static String countryGroupOf(String countryCode) {
        return COUNTRY_GROUPS.get(countryGroup(countryCode));
    }

    // ------------------------------------------------------------------------- table building

    private static int countryGroup(String code) {
        int i = COUNTRY_GROUPS.indexOf(code);
        return i >= 0 ? i : COUNTRY_GROUPS.indexOf(Calibration.OTHER_COUNTRIES);
    }

    /**
     * Weights of the products of a category for a band: type weight × model share within its type
     * (with country factors) × share of the model's log value range inside the band. A null band
     * means "ignore the band".
     */
    private static double[] offerWeights(List<Product> products, double[] factors, ValueBand band) {
        double[] w = new double[products.size()];
        Map<Type, Double> typeTotals = new java.util.IdentityHashMap<>();
        for (Product p : products) {
            typeTotals.merge(p.type(), p.model().weight() * factors[p.group()], Double::sum);
        }
        for (int i = 0; i < w.length; i++) {
            Product p = products.get(i);
            double share = p.model().weight() * factors[p.group()] / typeTotals.get(p.type());
            double inBand = band == null ? 1.0 : logOverlap(p.model(), band);
            w[i] = p.type().weight() * share * inBand;
        }
        return w;
    }

    private static double logOverlap(Model m, ValueBand band) {
        double lo = Math.max(m.minYuan(), band.minYuan());
        double hi = Math.min(m.maxYuan(), band.maxYuanExclusive());
        if (hi <= lo) {
            return 0;
        }
        return StrictMath.log(hi / lo) / StrictMath.log((double) m.maxYuan() / m.minYuan());
    }

    private static Offer offer(Product p, ValueBand band) {
        Model m = p.model();
        if (band == null) {
            return new Offer(p.type(), m, m.minYuan() / 100, m.maxYuan() / 100, 1.0, true);
        }
        long lo = Math.max(m.minYuan(), band.minYuan());
        long hi = Math.min(m.maxYuan(), band.maxYuanExclusive());
        if (hi <= lo) { // never picked (weight 0); keep a valid interval
            lo = m.minYuan();
            hi = m.maxYuan();
        }
        return new Offer(p.type(), m, lo / 100, hi / 100, band.skew(), false);
    }

    private double[] countryShares(List<List<Product>> products, double[] factors, double[] categoryWeights) {
        double[] shares = new double[factors.length];
        double categoryTotal = sum(categoryWeights);
        for (int c = 0; c < CATEGORIES.length; c++) {
            if (categoryWeights[c] == 0) {
                continue;
            }
            double pc = categoryWeights[c] / categoryTotal;
            for (ValueBand band : BANDS) {
                double[] w = offerWeights(products.get(c), factors, band);
                double total = sum(w);
                if (total == 0) {
                    w = offerWeights(products.get(c), factors, null);
                    total = sum(w);
                }
                for (int i = 0; i < w.length; i++) {
                    shares[products.get(c).get(i).group()] += pc * band.share() * w[i] / total;
                }
            }
        }
        double all = sum(shares);
        for (int g = 0; g < shares.length; g++) {
            shares[g] /= all;
        }
        return shares;
    }

    private static double[] fundingWeights(OrganisationKind kind, double[] g) {
        double[] prior = Calibration.FUNDING_PRIOR_BY_KIND.get(kind);
        double[] w = new double[prior.length];
        for (int f = 0; f < w.length; f++) {
            w[f] = prior[f] * g[f];
        }
        return w;
    }

    private static double[] fundingShares(double[] g, double[] kindShares) {
        double[] shares = new double[g.length];
        for (OrganisationKind k : KINDS) {
            double[] w = fundingWeights(k, g);
            double total = sum(w);
            for (int f = 0; f < w.length; f++) {
                shares[f] += kindShares[k.ordinal()] * w[f] / total;
            }
        }
        return shares;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static void validateTypes() {
        for (Type t : InstrumentTypes.all()) {
            if (t.models().isEmpty()) {
                throw new IllegalStateException(t.key() + " has no model");
            }
            for (Model m : t.models()) {
                if (m.minYuan() <= 0 || m.maxYuan() <= m.minYuan() || m.sinceYear() > m.untilYear()
                        || m.sinceYear() > Calibration.LAST_PURCHASE_YEAR
                        || m.untilYear() < Calibration.FIRST_PURCHASE_YEAR) {
                    throw new IllegalStateException("bad model " + m + " of " + t.key());
                }
            }
        }
    }
}
