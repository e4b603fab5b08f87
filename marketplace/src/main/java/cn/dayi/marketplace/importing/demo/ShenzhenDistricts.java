package cn.dayi.marketplace.importing.demo;

import java.util.List;

/**
 * Shenzhen's ten districts as the {@code region} table seeds them (V1__catalogue.sql: code, name,
 * centre), with the demo's instrument weight per district ({@link Calibration}) and a few
 * <em>zones</em> per district: a named anchor (campus, industrial park, town centre) with a radius
 * small enough that the whole disc lies inside the district. Every demo owner sits in one zone of
 * its district and every instrument within {@link Calibration#CAMPUS_JITTER_KM} of its owner, so
 * each coordinate lies inside a zone of its own district. Coordinates are approximate WGS 84
 * (not the GCJ-02 offsets of Chinese web maps), good to a few hundred metres.
 */
final class ShenzhenDistricts {

    private ShenzhenDistricts() {
    }

    /** Mean kilometres per degree of latitude. */
    private static final double KM_PER_DEG_LAT = 111.2;

    /**
     * A zone: anchor point, radius in km, the address stem (district + street/sub-district + road
     * or park) used for organisations placed there, and whether generated enterprises may be placed
     * there (not on a university campus or a nuclear plant).
     */
    record Zone(String name, double lat, double lon, double radiusKm, String addressStem,
                boolean openToEnterprises) {

        boolean contains(double pointLat, double pointLon) {
            return distanceKm(lat, lon, pointLat, pointLon) <= radiusKm;
        }
    }

    /**
     * A district: GB/T 2260 code (大鹏新区 has none and uses the platform's {@code 440300DP}), names,
     * centre from V1__catalogue.sql, demo instrument weight, and its zones.
     */
    record District(String code, String slug, String nameZh, String nameEn, double centreLat, double centreLon,
                    double instrumentWeight, List<Zone> zones) {

        /** The zone containing the point, or null. */
        Zone zoneContaining(double lat, double lon) {
            for (Zone z : zones) {
                if (z.contains(lat, lon)) {
                    return z;
                }
            }
            return null;
        }
    }

    private static Zone z(String name, double lat, double lon, double radiusKm, String addressStem) {
        return new Zone(name, lat, lon, radiusKm, addressStem, true);
    }

    /** A zone reserved for the institutions placed there by name (campus, hospital, plant). */
    private static Zone campus(String name, double lat, double lon, double radiusKm, String addressStem) {
        return new Zone(name, lat, lon, radiusKm, addressStem, false);
    }

    static final District LUOHU = new District("440303", "luohu", "罗湖区", "Luohu", 22.548400, 114.131600,
            Calibration.OTHER_DISTRICT_INSTRUMENTS, List.of(
            z("东门", 22.5520, 114.1230, 1.0, "深圳市罗湖区东门街道东门北路"),
            z("水贝·翠竹", 22.5690, 114.1230, 0.8, "深圳市罗湖区翠竹街道贝丽北路"),
            z("莲塘", 22.5560, 114.1650, 0.8, "深圳市罗湖区莲塘街道国威路"),
            z("清水河", 22.5800, 114.1050, 0.8, "深圳市罗湖区清水河街道清水河一路")));

    static final District FUTIAN = new District("440304", "futian", "福田区", "Futian", 22.521500, 114.055300,
            Calibration.OTHER_DISTRICT_INSTRUMENTS, List.of(
            z("福田中心区", 22.5420, 114.0580, 1.2, "深圳市福田区福田街道益田路"),
            z("莲花·景田", 22.5560, 114.0430, 1.0, "深圳市福田区莲花街道莲花路"),
            z("华强·笋岗", 22.5500, 114.0850, 1.3, "深圳市福田区华强北街道华强北路"),
            z("车公庙", 22.5370, 114.0200, 1.0, "深圳市福田区沙头街道泰然九路"),
            campus("侨香·海园", 22.5260, 114.0040, 0.6, "深圳市福田区沙头街道海园一路"),
            z("河套·福保", 22.5180, 114.0700, 0.9, "深圳市福田区福保街道桂花路")));

    static final District NANSHAN = new District("440305", "nanshan", "南山区", "Nanshan", 22.533200, 113.930400,
            Calibration.NANSHAN_INSTRUMENTS, List.of(
            z("粤海·深圳湾科技园", 22.5400, 113.9450, 1.8, "深圳市南山区粤海街道高新区科技园"),
            campus("西丽大学城", 22.5890, 113.9700, 1.2, "深圳市南山区西丽街道深圳大学城"),
            campus("西丽·南科大", 22.5960, 113.9960, 0.9, "深圳市南山区桃源街道学苑大道"),
            z("留仙洞", 22.5800, 113.9400, 1.2, "深圳市南山区西丽街道留仙大道"),
            z("南头·桃园", 22.5400, 113.9200, 1.0, "深圳市南山区南头街道桃园路"),
            z("蛇口", 22.4980, 113.9200, 0.9, "深圳市南山区招商街道蛇口工业区"),
            z("桃源·龙珠", 22.5700, 113.9600, 0.8, "深圳市南山区桃源街道龙珠大道")));

    static final District BAOAN = new District("440306", "baoan", "宝安区", "Bao'an", 22.555300, 113.883100,
            Calibration.BAOAN_INSTRUMENTS, List.of(
            z("新安", 22.5600, 113.8850, 1.5, "深圳市宝安区新安街道创业一路"),
            z("西乡", 22.5800, 113.8650, 1.2, "深圳市宝安区西乡街道宝源路"),
            z("福永·福海", 22.6750, 113.8250, 1.2, "深圳市宝安区福海街道福园一路"),
            z("石岩", 22.6800, 113.9300, 1.0, "深圳市宝安区石岩街道宝石南路"),
            z("沙井·松岗", 22.7300, 113.8300, 1.2, "深圳市宝安区沙井街道新沙路"),
            z("兴东", 22.5790, 113.9020, 0.7, "深圳市宝安区新安街道兴东社区")));

    static final District LONGGANG = new District("440307", "longgang", "龙岗区", "Longgang", 22.720700, 114.247900,
            Calibration.LONGGANG_INSTRUMENTS, List.of(
            z("大运新城", 22.6970, 114.2100, 1.2, "深圳市龙岗区龙城街道龙翔大道"),
            z("龙岗中心城", 22.7210, 114.2480, 1.2, "深圳市龙岗区龙城街道龙岗大道"),
            z("坂田", 22.6520, 114.0600, 1.0, "深圳市龙岗区坂田街道五和大道"),
            z("布吉", 22.6100, 114.1200, 1.0, "深圳市龙岗区布吉街道布澜路"),
            z("横岗", 22.6450, 114.2050, 1.0, "深圳市龙岗区横岗街道深惠路"),
            z("平湖", 22.6900, 114.1250, 1.0, "深圳市龙岗区平湖街道平湖大街")));

    static final District YANTIAN = new District("440308", "yantian", "盐田区", "Yantian", 22.557400, 114.236700,
            Calibration.OTHER_DISTRICT_INSTRUMENTS, List.of(
            z("沙头角", 22.5580, 114.2360, 1.0, "深圳市盐田区沙头角街道深盐路"),
            z("北山", 22.5700, 114.2550, 0.8, "深圳市盐田区盐田街道北山道"),
            z("大梅沙", 22.5990, 114.3040, 0.6, "深圳市盐田区梅沙街道大梅沙")));

    static final District LONGHUA = new District("440309", "longhua", "龙华区", "Longhua", 22.696900, 114.044900,
            Calibration.OTHER_DISTRICT_INSTRUMENTS, List.of(
            z("龙华中心", 22.6570, 114.0250, 1.2, "深圳市龙华区龙华街道人民路"),
            z("龙华科技园", 22.6620, 114.0400, 0.6, "深圳市龙华区龙华街道东环二路"),
            z("观澜", 22.7200, 114.0600, 1.2, "深圳市龙华区观澜街道观澜大道"),
            z("民治", 22.6200, 114.0350, 0.8, "深圳市龙华区民治街道民治大道"),
            z("大浪·观湖", 22.6969, 114.0449, 1.0, "深圳市龙华区大浪街道华繁路")));

    static final District PINGSHAN = new District("440310", "pingshan", "坪山区", "Pingshan", 22.690700, 114.346400,
            Calibration.OTHER_DISTRICT_INSTRUMENTS, List.of(
            z("坪山中心", 22.6910, 114.3460, 1.2, "深圳市坪山区坪山街道东门北路"),
            campus("石井·兰田", 22.7010, 114.3960, 0.8, "深圳市坪山区石井街道兰田路"),
            z("比亚迪", 22.6880, 114.3580, 0.8, "深圳市坪山区龙田街道比亚迪路"),
            z("坑梓", 22.7450, 114.3850, 1.0, "深圳市坪山区坑梓街道丹梓大道")));

    static final District GUANGMING = new District("440311", "guangming", "光明区", "Guangming", 22.748800, 113.935900,
            Calibration.OTHER_DISTRICT_INSTRUMENTS, List.of(
            z("光明中心", 22.7490, 113.9360, 1.2, "深圳市光明区光明街道华夏路"),
            z("光明科学城", 22.7700, 113.9450, 1.5, "深圳市光明区新湖街道科裕路"),
            z("凤凰·塘明", 22.7600, 113.9100, 1.0, "深圳市光明区凤凰街道塘明大道"),
            z("公明", 22.7780, 113.8950, 0.8, "深圳市光明区公明街道松白路")));

    static final District DAPENG = new District("440300DP", "dapeng", "大鹏新区", "Dapeng", 22.594800, 114.479600,
            Calibration.OTHER_DISTRICT_INSTRUMENTS, List.of(
            z("大鹏", 22.5950, 114.4800, 1.0, "深圳市大鹏新区大鹏街道中山路"),
            z("葵涌", 22.6330, 114.4200, 1.0, "深圳市大鹏新区葵涌街道葵新北路"),
            campus("大亚湾核电基地", 22.6010, 114.5420, 0.5, "深圳市大鹏新区大鹏街道大亚湾核电基地"),
            z("南澳", 22.5320, 114.4780, 0.6, "深圳市大鹏新区南澳街道南隆路")));

    /** All ten districts in code order. */
    static final List<District> ALL = List.of(
            LUOHU, FUTIAN, NANSHAN, BAOAN, LONGGANG, YANTIAN, LONGHUA, PINGSHAN, GUANGMING, DAPENG);

    /** The district with this region code; throws for an unknown code. */
    static District byCode(String code) {
        for (District d : ALL) {
            if (d.code().equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a Shenzhen district: " + code);
    }

    /** Index of the district in {@link #ALL}. */
    static int indexOf(District district) {
        return ALL.indexOf(district);
    }

    /**
     * Distance in km between two points, equirectangular approximation (exact enough within a
     * city). Uses {@link StrictMath} so results are identical on every machine.
     */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat2 - lat1) * KM_PER_DEG_LAT;
        double dx = (lon2 - lon1) * kmPerDegLon((lat1 + lat2) / 2);
        return StrictMath.sqrt(dx * dx + dy * dy);
    }

    /** Kilometres per degree of longitude at a latitude. */
    static double kmPerDegLon(double lat) {
        return 111.32 * StrictMath.cos(StrictMath.toRadians(lat));
    }

    /** Kilometres per degree of latitude. */
    static double kmPerDegLat() {
        return KM_PER_DEG_LAT;
    }
}
