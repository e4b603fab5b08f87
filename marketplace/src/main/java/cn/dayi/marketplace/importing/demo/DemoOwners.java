package cn.dayi.marketplace.importing.demo;

import static cn.dayi.marketplace.catalogue.NationalCategory.ANALYTICAL;
import static cn.dayi.marketplace.catalogue.NationalCategory.ATMOSPHERIC;
import static cn.dayi.marketplace.catalogue.NationalCategory.COMPUTING;
import static cn.dayi.marketplace.catalogue.NationalCategory.ELECTRONIC_MEASURING;
import static cn.dayi.marketplace.catalogue.NationalCategory.LASER;
import static cn.dayi.marketplace.catalogue.NationalCategory.MARINE;
import static cn.dayi.marketplace.catalogue.NationalCategory.MEDICAL_DIAGNOSTIC;
import static cn.dayi.marketplace.catalogue.NationalCategory.METROLOGY;
import static cn.dayi.marketplace.catalogue.NationalCategory.NUCLEAR;
import static cn.dayi.marketplace.catalogue.NationalCategory.OTHER;
import static cn.dayi.marketplace.catalogue.NationalCategory.PHYSICAL_PROPERTY;
import static cn.dayi.marketplace.catalogue.NationalCategory.PROCESS_TEST;
import static cn.dayi.marketplace.catalogue.NationalCategory.SPECIAL_INSPECTION;
import static cn.dayi.marketplace.catalogue.OrganisationKind.ENTERPRISE;
import static cn.dayi.marketplace.catalogue.OrganisationKind.HOSPITAL;
import static cn.dayi.marketplace.catalogue.OrganisationKind.RESEARCH_INSTITUTE;
import static cn.dayi.marketplace.catalogue.OrganisationKind.TESTING_AGENCY;
import static cn.dayi.marketplace.catalogue.OrganisationKind.UNIVERSITY;

import cn.dayi.marketplace.catalogue.NationalCategory;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.importing.InstrumentRow.OwnerRef;
import cn.dayi.marketplace.importing.demo.ShenzhenDistricts.District;
import cn.dayi.marketplace.importing.demo.ShenzhenDistricts.Zone;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The owning organisations of the demo catalogue.
 *
 * <p><b>Real institutions</b> (62): the universities, institutes, hospitals, testing agencies and
 * enterprises the Shenzhen paper names (003 §二, §六, appendix: 深圳大学, 南方科技大学, 香港中文大学（深圳）,
 * 哈尔滨工业大学（深圳）, 清华大学深圳国际研究生院 and its 材料与器件检测中心, 北京大学深圳研究生院, 中国科学院深圳先进技术研究院,
 * 深圳光启高等理工研究院, 华测检测, 深圳市通信检测/北测/一通/环通检测, 大疆创新, 中兴通讯, 富士康), plus other well-known
 * Shenzhen institutions, each in its real district at an approximate campus coordinate with its
 * real (or street-level) address. Their weights are rough guesses of their instrument holdings.
 *
 * <p><b>Generated research enterprises</b> (200, marked "(demo)" in their English name and with
 * source ids {@code ent-<district>-<nnn>}): plausible names built deterministically from name
 * parts ("深圳市" + two characters + an industry + "有限公司"); any likeness to a real company is
 * accidental. They make three quarters of all owners research enterprises, as on the Shenzhen
 * platform (76.2 % of 462 organisations), while each holds few instruments.
 *
 * <p>Instruments are assigned to owners by district first, then by
 * {@code weight × kind affinity for the category × specialty boost} (see {@link Calibration}), so
 * universities and institutes hold about half of all instruments, hospitals most medical ones.
 */
final class DemoOwners {

    private DemoOwners() {
    }

    /** OwnerRef source of every demo organisation. */
    static final String SOURCE = "demo";

    /**
     * A demo organisation: its {@link OwnerRef}, where it sits, its address, its instrument weight,
     * the categories it specialises in, and the names of its central facilities (used as the
     * department of about half its instruments).
     */
    record DemoOwner(OwnerRef ref, District district, Zone zone, double lat, double lon, String address,
                     double weight, Set<NationalCategory> specialties, List<String> facilities, boolean generated) {

        OrganisationKind kind() {
            return ref.kind();
        }
    }

    private static final List<DemoOwner> OWNERS = new ArrayList<>();

    /** All owners: the real institutions first, then the generated enterprises; stable order. */
    static List<DemoOwner> all() {
        return ALL;
    }

    /** The owner with this source id, or null. */
    static DemoOwner bySourceId(String sourceId) {
        for (DemoOwner o : ALL) {
            if (o.ref().sourceId().equals(sourceId)) {
                return o;
            }
        }
        return null;
    }

    private static void real(String slug, String nameZh, String nameEn, OrganisationKind kind, District district,
                             double lat, double lon, String address, double weight, Set<NationalCategory> specialties,
                             String... facilities) {
        Zone zone = zoneFor(district, lat, lon, slug);
        String addr = address == null ? zone.addressStem() : address;
        OWNERS.add(new DemoOwner(new OwnerRef(SOURCE, slug, nameZh, nameEn, kind, district.code()), district, zone,
                lat, lon, addr, weight, specialties, List.of(facilities), false));
    }

    /** The zone of the district whose disc holds the point with room for the campus jitter. */
    private static Zone zoneFor(District district, double lat, double lon, String who) {
        for (Zone z : district.zones()) {
            if (ShenzhenDistricts.distanceKm(z.lat(), z.lon(), lat, lon)
                    <= z.radiusKm() - Calibration.CAMPUS_JITTER_KM - 0.05) {
                return z;
            }
        }
        throw new IllegalStateException(who + " lies in no zone of " + district.nameZh());
    }

    private static Set<NationalCategory> of(NationalCategory... categories) {
        return categories.length == 0 ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.of(categories[0], categories));
    }

    private static final Set<NationalCategory> NONE = of();

    static {
        District ns = ShenzhenDistricts.NANSHAN;
        real("szu", "深圳大学", "Shenzhen University", UNIVERSITY, ns, 22.5355, 113.9360,
                "深圳市南山区南海大道3688号", 36, NONE, "分析测试中心");
        real("sustech", "南方科技大学", "Southern University of Science and Technology", UNIVERSITY, ns,
                22.5965, 113.9980, "深圳市南山区学苑大道1088号", 36, NONE,
                "分析测试中心电镜平台", "分析测试中心理化测量与表征平台", "分析测试中心洁净间与微纳加工平台",
                "分析测试中心生命科学平台");
        real("tsinghua-sigs", "清华大学深圳国际研究生院", "Tsinghua Shenzhen International Graduate School", UNIVERSITY,
                ns, 22.5895, 113.9705, "深圳市南山区西丽街道深圳大学城清华校区", 26, NONE,
                "材料与器件检测中心微区分析平台", "材料与器件检测中心谱学分析平台", "材料与器件检测中心理化分析平台",
                "材料与器件检测中心电池测试平台");
        real("pku-sz", "北京大学深圳研究生院", "Peking University Shenzhen Graduate School", UNIVERSITY, ns,
                22.5925, 113.9660, "深圳市南山区西丽街道深圳大学城北大校区", 18, NONE, "公共仪器平台");
        real("hitsz", "哈尔滨工业大学（深圳）", "Harbin Institute of Technology, Shenzhen", UNIVERSITY, ns,
                22.5860, 113.9730, "深圳市南山区桃源街道深圳大学城哈工大校区", 24, NONE, "分析测试中心");
        real("siat", "中国科学院深圳先进技术研究院", "Shenzhen Institutes of Advanced Technology, Chinese Academy of Sciences",
                RESEARCH_INSTITUTE, ns, 22.5960, 113.9930, "深圳市南山区西丽深圳大学城学苑大道1068号", 34, NONE,
                "公共技术服务中心");
        real("szpu", "深圳职业技术大学", "Shenzhen Polytechnic University", UNIVERSITY, ns, 22.5830, 113.9450,
                "深圳市南山区西丽街道沙河西路7098号", 6, NONE);
        real("kuang-chi", "深圳光启高等理工研究院", "Shenzhen Kuang-Chi Institute of Advanced Technology",
                RESEARCH_INSTITUTE, ns, 22.5430, 113.9500, "深圳市南山区粤海街道高新区高新中一道", 6,
                of(ELECTRONIC_MEASURING, PROCESS_TEST));
        real("rits", "深圳清华大学研究院", "Research Institute of Tsinghua University in Shenzhen", RESEARCH_INSTITUTE, ns,
                22.5330, 113.9560, "深圳市南山区高新技术产业园南区高新南七道19号", 8, NONE);
        real("zte", "中兴通讯股份有限公司", "ZTE Corporation", ENTERPRISE, ns, 22.5385, 113.9445,
                "深圳市南山区科技南路55号中兴通讯大厦", 6, of(ELECTRONIC_MEASURING, COMPUTING));
        real("mindray", "深圳迈瑞生物医疗电子股份有限公司", "Shenzhen Mindray Bio-Medical Electronics Co., Ltd.", ENTERPRISE,
                ns, 22.5355, 113.9470, "深圳市南山区高新技术产业园区科技南十二路迈瑞大厦", 6,
                of(MEDICAL_DIAGNOSTIC, ELECTRONIC_MEASURING, ANALYTICAL));
        real("dji", "深圳市大疆创新科技有限公司", "SZ DJI Technology Co., Ltd.", ENTERPRISE, ns, 22.5790, 113.9380,
                "深圳市南山区西丽街道仙茶路与兴科路交叉口大疆天空之城", 5,
                of(ELECTRONIC_MEASURING, PHYSICAL_PROPERTY, PROCESS_TEST));
        real("hans-laser", "大族激光科技产业集团股份有限公司", "Han's Laser Technology Industry Group Co., Ltd.", ENTERPRISE,
                ns, 22.5415, 113.9555, "深圳市南山区深南大道9988号", 5, of(LASER, PROCESS_TEST));
        real("tencent", "深圳市腾讯计算机系统有限公司", "Shenzhen Tencent Computer Systems Co., Ltd.", ENTERPRISE, ns,
                22.5405, 113.9345, "深圳市南山区深南大道10000号腾讯大厦", 2, of(COMPUTING));
        real("nanshan-hospital", "深圳市南山区人民医院", "Shenzhen Nanshan People's Hospital", HOSPITAL, ns,
                22.5370, 113.9190, "深圳市南山区桃园路89号", 4, NONE);
        real("sz-cdc", "深圳市疾病预防控制中心", "Shenzhen Center for Disease Control and Prevention",
                OrganisationKind.OTHER, ns, 22.5440, 113.9240, "深圳市南山区龙苑路8号", 3, of(ANALYTICAL, OTHER));
        real("smq", "深圳市计量质量检测研究院", "Shenzhen Academy of Metrology and Quality Inspection", TESTING_AGENCY, ns,
                22.5720, 113.9580, "深圳市南山区龙珠大道4号", 10, of(METROLOGY, ELECTRONIC_MEASURING));
        real("sz-ctt", "深圳市通信检测技术有限公司", "Shenzhen Communication Testing Technology Co., Ltd.", TESTING_AGENCY,
                ns, 22.5450, 113.9390, null, 3, of(ELECTRONIC_MEASURING));

        District ft = ShenzhenDistricts.FUTIAN;
        real("pku-sz-hospital", "北京大学深圳医院", "Peking University Shenzhen Hospital", HOSPITAL, ft,
                22.5565, 114.0470, "深圳市福田区莲花路1120号", 6, NONE);
        real("sz-second-hospital", "深圳市第二人民医院", "Shenzhen Second People's Hospital", HOSPITAL, ft,
                22.5585, 114.0845, "深圳市福田区笋岗西路3002号", 6, NONE);
        real("hku-sz-hospital", "香港大学深圳医院", "The University of Hong Kong-Shenzhen Hospital", HOSPITAL, ft,
                22.5260, 114.0040, "深圳市福田区海园一路1号", 5, NONE);
        real("cgn", "中国广核集团有限公司", "China General Nuclear Power Group", ENTERPRISE, ft, 22.5420, 114.0870,
                "深圳市福田区深南大道2002号中广核大厦", 4, of(NUCLEAR, SPECIAL_INSPECTION));
        real("sist", "深圳市标准技术研究院", "Shenzhen Institute of Standards and Technology", RESEARCH_INSTITUTE, ft,
                22.5480, 114.0600, null, 3, of(METROLOGY, ELECTRONIC_MEASURING));
        real("sz-meteorology", "深圳市气象局", "Shenzhen Meteorological Bureau", OrganisationKind.OTHER, ft,
                22.5400, 114.0150, null, 2, of(ATMOSPHERIC));
        real("sz-eco-monitoring", "深圳市生态环境监测站", "Shenzhen Ecological and Environmental Monitoring Station",
                OrganisationKind.OTHER, ft, 22.5350, 114.0250, null, 2, of(ANALYTICAL, ATMOSPHERIC));
        real("idea", "粤港澳大湾区数字经济研究院", "International Digital Economy Academy", RESEARCH_INSTITUTE, ft,
                22.5210, 114.0680, null, 3, of(COMPUTING));
        real("sz-customs-lab", "深圳海关食品检验检疫技术中心", "Shenzhen Customs Food Inspection and Quarantine Technology Center",
                TESTING_AGENCY, ft, 22.5190, 114.0650, null, 4, of(ANALYTICAL, OTHER));

        District lh = ShenzhenDistricts.LUOHU;
        real("sz-peoples-hospital", "深圳市人民医院", "Shenzhen People's Hospital", HOSPITAL, lh, 22.5575, 114.1255,
                "深圳市罗湖区东门北路1017号", 6, NONE);
        real("luohu-hospital", "深圳市罗湖区人民医院", "Shenzhen Luohu People's Hospital", HOSPITAL, lh,
                22.5475, 114.1210, "深圳市罗湖区友谊路47号", 3, NONE);
        real("ngtc-sz", "国家珠宝玉石质量检验检测中心深圳实验室", "NGTC Shenzhen Laboratory", TESTING_AGENCY, lh,
                22.5695, 114.1200, null, 2, of(ANALYTICAL, SPECIAL_INSPECTION));

        District ba = ShenzhenDistricts.BAOAN;
        real("cti", "华测检测认证集团股份有限公司", "Centre Testing International Group Co., Ltd.", TESTING_AGENCY, ba,
                22.5800, 113.9030, "深圳市宝安区新安街道兴东社区华测检测大楼", 12,
                of(ANALYTICAL, PHYSICAL_PROPERTY, ELECTRONIC_MEASURING, SPECIAL_INSPECTION), "宝安公共检测中心");
        real("baoan-hospital", "深圳市宝安区人民医院", "Shenzhen Bao'an People's Hospital", HOSPITAL, ba,
                22.5630, 113.8900, "深圳市宝安区新安街道龙井二路118号", 4, NONE);
        real("inovance", "深圳市汇川技术股份有限公司", "Shenzhen Inovance Technology Co., Ltd.", ENTERPRISE, ba,
                22.5650, 113.8800, "深圳市宝安区新安街道留仙二路鸿威工业区", 4,
                of(ELECTRONIC_MEASURING, PROCESS_TEST, OTHER));
        real("sunwoda", "欣旺达电子股份有限公司", "Sunwoda Electronic Co., Ltd.", ENTERPRISE, ba, 22.6820, 113.9320,
                "深圳市宝安区石岩街道石龙社区颐和路2号", 4, of(ELECTRONIC_MEASURING, PROCESS_TEST, PHYSICAL_PROPERTY));
        real("ntek", "深圳市北测检测技术有限公司", "Shenzhen NTEK Testing Technology Co., Ltd.", TESTING_AGENCY, ba,
                22.5820, 113.8640, null, 3, of(ELECTRONIC_MEASURING, SPECIAL_INSPECTION));
        real("yitong", "深圳市一通检测技术有限公司", "Shenzhen Yitong Testing Technology Co., Ltd.", TESTING_AGENCY, ba,
                22.5770, 113.8700, null, 3, of(ELECTRONIC_MEASURING, PHYSICAL_PROPERTY));

        District lg = ShenzhenDistricts.LONGGANG;
        real("cuhk-sz", "香港中文大学（深圳）", "The Chinese University of Hong Kong, Shenzhen", UNIVERSITY, lg,
                22.6960, 114.2090, "深圳市龙岗区龙翔大道2001号", 24, NONE, "理工学院公共实验平台");
        real("smbu", "深圳北理莫斯科大学", "Shenzhen MSU-BIT University", UNIVERSITY, lg, 22.6915, 114.2150,
                "深圳市龙岗区大运新城国际大学园路1号", 4, NONE);
        real("sziit", "深圳信息职业技术学院", "Shenzhen Institute of Information Technology", UNIVERSITY, lg,
                22.6990, 114.2180, "深圳市龙岗区龙翔大道2188号", 3, of(ELECTRONIC_MEASURING, COMPUTING));
        real("huawei", "华为技术有限公司", "Huawei Technologies Co., Ltd.", ENTERPRISE, lg, 22.6535, 114.0585,
                "深圳市龙岗区坂田街道华为基地", 12, of(ELECTRONIC_MEASURING, COMPUTING, PROCESS_TEST));
        real("lg-central-hospital", "深圳市龙岗中心医院", "Shenzhen Longgang Central Hospital", HOSPITAL, lg,
                22.7250, 114.2440, "深圳市龙岗区龙岗大道6082号", 3, NONE);
        real("cancer-hospital-sz", "中国医学科学院肿瘤医院深圳医院",
                "Cancer Hospital, Chinese Academy of Medical Sciences, Shenzhen Center", HOSPITAL, lg, 22.7180, 114.2560,
                "深圳市龙岗区宝荷路113号", 4, NONE);
        real("sz-third-hospital", "深圳市第三人民医院", "Shenzhen Third People's Hospital", HOSPITAL, lg,
                22.6120, 114.1250, "深圳市龙岗区布澜路29号", 3, NONE);

        District yt = ShenzhenDistricts.YANTIAN;
        real("bgi", "深圳华大基因股份有限公司", "BGI Genomics Co., Ltd.", ENTERPRISE, yt, 22.5700, 114.2550,
                "深圳市盐田区北山工业区综合楼", 10, of(ANALYTICAL, OTHER, COMPUTING));
        real("yantian-hospital", "深圳市盐田区人民医院", "Shenzhen Yantian District People's Hospital", HOSPITAL, yt,
                22.5580, 114.2330, "深圳市盐田区梧桐路2010号", 3, NONE);

        District lhua = ShenzhenDistricts.LONGHUA;
        real("foxconn", "鸿富锦精密工业（深圳）有限公司", "Hongfujin Precision Industry (Shenzhen) Co., Ltd. (Foxconn)",
                ENTERPRISE, lhua, 22.6620, 114.0400, "深圳市龙华区东环二路2号", 6,
                of(PROCESS_TEST, METROLOGY, ELECTRONIC_MEASURING));
        real("longhua-hospital", "深圳市龙华区人民医院", "Shenzhen Longhua District People's Hospital", HOSPITAL, lhua,
                22.6550, 114.0280, null, 3, NONE);
        real("huantong", "深圳市环通检测技术有限公司", "Shenzhen Huantong Testing Technology Co., Ltd.", TESTING_AGENCY,
                lhua, 22.6200, 114.0350, null, 2, of(ELECTRONIC_MEASURING));

        District ps = ShenzhenDistricts.PINGSHAN;
        real("byd", "比亚迪股份有限公司", "BYD Company Limited", ENTERPRISE, ps, 22.6870, 114.3600,
                "深圳市坪山区比亚迪路3009号", 10, of(PROCESS_TEST, PHYSICAL_PROPERTY, ELECTRONIC_MEASURING));
        real("sztu", "深圳技术大学", "Shenzhen Technology University", UNIVERSITY, ps, 22.7010, 114.3960,
                "深圳市坪山区石井街道兰田路3002号", 10, NONE, "公共实验平台");
        real("pingshan-hospital", "深圳市坪山区人民医院", "Shenzhen Pingshan District People's Hospital", HOSPITAL, ps,
                22.6950, 114.3420, "深圳市坪山区东门北路19号", 3, NONE);
        real("szbl-pingshan", "深圳湾实验室坪山生物医药研发转化中心",
                "Shenzhen Bay Laboratory Pingshan Biomedical R&D and Translation Center", RESEARCH_INSTITUTE, ps,
                22.6980, 114.3480, null, 5, of(ANALYTICAL, OTHER));

        District gm = ShenzhenDistricts.GUANGMING;
        real("sysu-sz", "中山大学（深圳校区）", "Sun Yat-sen University, Shenzhen Campus", UNIVERSITY, gm,
                22.7760, 113.9520, "深圳市光明区公常路66号", 22, NONE, "分析测试中心");
        real("suat", "中国科学院深圳理工大学", "Shenzhen University of Advanced Technology", UNIVERSITY, gm,
                22.7680, 113.9380, null, 8, NONE);
        real("szbl", "深圳湾实验室", "Shenzhen Bay Laboratory", RESEARCH_INSTITUTE, gm, 22.7640, 113.9420, null, 12,
                of(ANALYTICAL, OTHER), "公共技术平台");
        real("smart", "深圳医学科学院", "Shenzhen Medical Academy of Research and Translation", RESEARCH_INSTITUTE, gm,
                22.7720, 113.9380, null, 5, of(ANALYTICAL, MEDICAL_DIAGNOSTIC, OTHER));
        real("sysu-7th-hospital", "中山大学附属第七医院", "The Seventh Affiliated Hospital, Sun Yat-sen University", HOSPITAL,
                gm, 22.7520, 113.9320, null, 4, NONE);
        real("csot", "TCL华星光电技术有限公司", "TCL China Star Optoelectronics Technology Co., Ltd.", ENTERPRISE, gm,
                22.7620, 113.9120, "深圳市光明区塘明大道9-2号", 6, of(PROCESS_TEST, ANALYTICAL, ELECTRONIC_MEASURING));

        District dp = ShenzhenDistricts.DAPENG;
        real("cngb", "深圳国家基因库", "China National GeneBank", RESEARCH_INSTITUTE, dp, 22.5960, 114.4830, null, 8,
                of(ANALYTICAL, OTHER, COMPUTING));
        real("daya-bay-npp", "大亚湾核电运营管理有限责任公司", "Daya Bay Nuclear Power Operations and Management Co., Ltd.",
                ENTERPRISE, dp, 22.6010, 114.5420, null, 3, of(NUCLEAR, SPECIAL_INSPECTION, ATMOSPHERIC));
        real("scsio-daya-bay", "中国科学院南海海洋研究所大亚湾海洋生物综合实验站",
                "Daya Bay Marine Biology Research Station, South China Sea Institute of Oceanology, CAS",
                RESEARCH_INSTITUTE, dp, 22.5930, 114.4780, null, 3, of(MARINE, ANALYTICAL));
        real("kuichong-hospital", "深圳市大鹏新区葵涌人民医院", "Shenzhen Dapeng New District Kuichong People's Hospital",
                HOSPITAL, dp, 22.6330, 114.4180, null, 2, NONE);
    }

    // ---------------------------------------------------------------- generated research enterprises

    /** An industry of a generated enterprise: name parts, kind, weight and specialties. */
    private record Industry(String zh, String en, OrganisationKind kind, double frequency, double weight,
                            Set<NationalCategory> specialties) {
    }

    private static final List<Industry> INDUSTRIES = List.of(
            new Industry("电子科技", "Electronic Technology", ENTERPRISE, 1, 0.2, of(ELECTRONIC_MEASURING, PROCESS_TEST)),
            new Industry("生物科技", "Biotechnology", ENTERPRISE, 1, 0.2, of(ANALYTICAL, OTHER)),
            new Industry("新材料科技", "New Materials Technology", ENTERPRISE, 1, 0.2, of(ANALYTICAL, PHYSICAL_PROPERTY)),
            new Industry("精密仪器", "Precision Instruments", ENTERPRISE, 1, 0.2, of(METROLOGY, PHYSICAL_PROPERTY)),
            new Industry("光电技术", "Optoelectronic Technology", ENTERPRISE, 1, 0.2,
                    of(LASER, PROCESS_TEST, ELECTRONIC_MEASURING)),
            new Industry("医疗器械", "Medical Devices", ENTERPRISE, 1, 0.2, of(MEDICAL_DIAGNOSTIC, OTHER)),
            new Industry("半导体", "Semiconductor", ENTERPRISE, 1, 0.2, of(PROCESS_TEST, ELECTRONIC_MEASURING)),
            new Industry("智能装备", "Intelligent Equipment", ENTERPRISE, 1, 0.2, of(PROCESS_TEST, OTHER, METROLOGY)),
            new Industry("新能源科技", "New Energy Technology", ENTERPRISE, 1, 0.2,
                    of(ELECTRONIC_MEASURING, PHYSICAL_PROPERTY, OTHER)),
            new Industry("通信技术", "Communication Technology", ENTERPRISE, 1, 0.2, of(ELECTRONIC_MEASURING, COMPUTING)),
            new Industry("环境科技", "Environmental Technology", ENTERPRISE, 1, 0.2, of(ANALYTICAL, ATMOSPHERIC)),
            new Industry("数据科技", "Data Technology", ENTERPRISE, 1, 0.2, of(COMPUTING)),
            new Industry("海洋科技", "Marine Technology", ENTERPRISE, 0.5, 0.2, of(MARINE, ANALYTICAL)),
            new Industry("检测技术", "Testing Technology", TESTING_AGENCY, 0.6, 0.5,
                    of(ANALYTICAL, PHYSICAL_PROPERTY, SPECIAL_INSPECTION)),
            new Industry("计量校准技术", "Metrology and Calibration Technology", TESTING_AGENCY, 0.4, 0.5,
                    of(METROLOGY, ELECTRONIC_MEASURING)));

    /** Generated enterprises per district (200 in all), more where industry is. */
    private static final Map<District, Integer> GENERATED_PER_DISTRICT = new java.util.LinkedHashMap<>();

    static {
        GENERATED_PER_DISTRICT.put(ShenzhenDistricts.NANSHAN, 55);
        GENERATED_PER_DISTRICT.put(ShenzhenDistricts.FUTIAN, 15);
        GENERATED_PER_DISTRICT.put(ShenzhenDistricts.LUOHU, 12);
        GENERATED_PER_DISTRICT.put(ShenzhenDistricts.BAOAN, 32);
        GENERATED_PER_DISTRICT.put(ShenzhenDistricts.LONGGANG, 25);
        GENERATED_PER_DISTRICT.put(ShenzhenDistricts.YANTIAN, 8);
        GENERATED_PER_DISTRICT.put(ShenzhenDistricts.LONGHUA, 20);
        GENERATED_PER_DISTRICT.put(ShenzhenDistricts.PINGSHAN, 12);
        GENERATED_PER_DISTRICT.put(ShenzhenDistricts.GUANGMING, 13);
        GENERATED_PER_DISTRICT.put(ShenzhenDistricts.DAPENG, 8);
    }

    /** Characters for trade names, with pinyin for the English name. */
    private static final String[][] NAME_CHARS = {
            {"瑞", "Rui"}, {"泰", "Tai"}, {"华", "Hua"}, {"恒", "Heng"}, {"联", "Lian"}, {"创", "Chuang"},
            {"新", "Xin"}, {"科", "Ke"}, {"达", "Da"}, {"源", "Yuan"}, {"宏", "Hong"}, {"信", "Xin"},
            {"安", "An"}, {"康", "Kang"}, {"博", "Bo"}, {"海", "Hai"}, {"汇", "Hui"}, {"通", "Tong"},
            {"晶", "Jing"}, {"微", "Wei"}, {"芯", "Xin"}, {"光", "Guang"}, {"智", "Zhi"}, {"精", "Jing"},
            {"锐", "Rui"}, {"德", "De"}, {"启", "Qi"}, {"航", "Hang"}, {"鑫", "Xin"}, {"赛", "Sai"},
            {"英", "Ying"}, {"迈", "Mai"}, {"拓", "Tuo"}, {"盛", "Sheng"}, {"天", "Tian"}, {"磐", "Pan"},
            {"明", "Ming"}, {"诺", "Nuo"}, {"峰", "Feng"}, {"卓", "Zhuo"}, {"越", "Yue"}, {"嘉", "Jia"},
            {"睿", "Rui"}, {"铭", "Ming"}, {"昊", "Hao"}, {"宇", "Yu"}, {"元", "Yuan"}, {"澜", "Lan"}};

    /** Pairs that would spell a well-known company's trade name. */
    private static final Set<String> AVOID = Set.of("迈瑞", "光启", "海康", "华通", "天马", "康达", "信达", "华信",
            "宇通", "汇川", "海信", "科达", "华安", "恒安");

    private static final String[] SUFFIX_BUILDINGS = {"A栋", "B栋", "C栋", "1栋", "2栋", "3栋", "研发楼", "创新大厦"};

    static {
        SplittableRandom r = new SplittableRandom(Calibration.SEED ^ 0x4F57_4E45_5253L);
        Set<String> used = new HashSet<>();
        double[] industryWeights = INDUSTRIES.stream().mapToDouble(Industry::frequency).toArray();
        Weighted industryPick = new Weighted(industryWeights);
        for (Map.Entry<District, Integer> e : GENERATED_PER_DISTRICT.entrySet()) {
            District d = e.getKey();
            List<Zone> zones = d.zones().stream().filter(Zone::openToEnterprises).toList();
            for (int i = 1; i <= e.getValue(); i++) {
                Industry ind = INDUSTRIES.get(industryPick.pick(r.nextDouble()));
                String zh;
                String en;
                do {
                    String[] a = NAME_CHARS[r.nextInt(NAME_CHARS.length)];
                    String[] b = NAME_CHARS[r.nextInt(NAME_CHARS.length)];
                    zh = a[0] + b[0];
                    en = a[1] + b[1].toLowerCase(java.util.Locale.ROOT);
                    if (a == b || AVOID.contains(zh)) {
                        zh = null;
                    }
                } while (zh == null || !used.add(zh + ind.zh()));
                Zone zone = zones.get(r.nextInt(zones.size()));
                double reach = zone.radiusKm() - Calibration.CAMPUS_JITTER_KM - 0.05;
                double rho = reach * StrictMath.sqrt(r.nextDouble());
                double theta = 2 * StrictMath.PI * r.nextDouble();
                double lat = round6(zone.lat() + rho * StrictMath.cos(theta) / ShenzhenDistricts.kmPerDegLat());
                double lon = round6(zone.lon() + rho * StrictMath.sin(theta) / ShenzhenDistricts.kmPerDegLon(zone.lat()));
                String address = zone.addressStem() + (1 + r.nextInt(398)) + "号"
                        + SUFFIX_BUILDINGS[r.nextInt(SUFFIX_BUILDINGS.length)];
                String slug = String.format(java.util.Locale.ROOT, "ent-%s-%03d", d.slug(), i);
                OwnerRef ref = new OwnerRef(SOURCE, slug, "深圳市" + zh + ind.zh() + "有限公司",
                        "Shenzhen " + en + " " + ind.en() + " Co., Ltd. (demo)", ind.kind(), d.code());
                OWNERS.add(new DemoOwner(ref, d, zone, lat, lon, address, ind.weight(), ind.specialties(), List.of(),
                        true));
            }
        }
    }

    private static final List<DemoOwner> ALL = List.copyOf(OWNERS);

    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    // ---------------------------------------------------------------- departments and rooms

    /** Department names per kind, indexed by category ordinal (01..15); empty = use the kind's default. */
    private static final Map<OrganisationKind, String[][]> DEPARTMENTS = new EnumMap<>(OrganisationKind.class);

    static {
        DEPARTMENTS.put(UNIVERSITY, new String[][]{
                {"化学系", "材料科学与工程学院", "生命科学学院", "环境科学与工程学院", "药学院"},
                {"材料科学与工程学院", "物理系", "机电工程学院", "土木与交通工程学院"},
                {"机电工程学院", "精密仪器系"},
                {"电子与信息工程学院", "微电子学院", "电子与电气工程系"},
                {"海洋科学与工程系"},
                {"地球与空间科学系"},
                {"环境科学与工程学院"},
                {"物理系"},
                {"医学院", "生物医学工程学院"},
                {"物理系", "核科学与技术研究中心"},
                {"机电工程学院", "材料科学与工程学院"},
                {"物理与光电工程学院"},
                {"微纳加工平台", "材料科学与工程学院", "电子与电气工程系"},
                {"信息中心", "计算机科学与技术学院"},
                {"生命科学学院", "医学院", "化学系", "公共实验平台"}});
        DEPARTMENTS.put(RESEARCH_INSTITUTE, new String[][]{
                {"分析测试中心", "材料研究所", "生物医学研究所"},
                {"材料研究所"},
                {"计量测试中心"},
                {"电子信息研究所"},
                {"海洋生态研究室"},
                {"地球物理研究室"},
                {"大气环境研究室"},
                {"天文观测站"},
                {"医学影像研究中心"},
                {"核技术应用研究室"},
                {"无损检测研究室"},
                {"光电研究所"},
                {"微纳加工平台"},
                {"高性能计算中心"},
                {"生物医学研究所", "公共技术平台"}});
        DEPARTMENTS.put(HOSPITAL, new String[][]{
                {"中心实验室", "医学检验科"}, {"中心实验室"}, {"医学工程部"}, {"医学工程部"}, {"中心实验室"},
                {"中心实验室"}, {"中心实验室"}, {"中心实验室"},
                {"放射科", "超声医学科", "核医学科", "医学检验科"},
                {"核医学科"}, {"医学工程部"}, {"眼科", "皮肤科"}, {"中心实验室"}, {"信息中心"},
                {"中心实验室", "病理科", "临床医学研究中心"}});
        DEPARTMENTS.put(ENTERPRISE, new String[][]{
                {"中央研究院", "分析实验室"}, {"可靠性实验室", "材料实验室"}, {"质量部计量室"}, {"硬件测试实验室", "研发中心"},
                {"海洋工程事业部"}, {"勘测事业部"}, {"环境监测事业部"}, {"研发中心"}, {"临床研究部", "研发中心"},
                {"辐射防护部"}, {"质量部"}, {"激光应用实验室"}, {"工艺开发部", "中试车间"}, {"数据中心"},
                {"研发中心", "中央研究院"}});
        DEPARTMENTS.put(TESTING_AGENCY, new String[][]{
                {"化学分析实验室", "食品与环境实验室"}, {"材料与力学实验室"}, {"计量校准中心"}, {"电磁兼容实验室", "电子电气实验室"},
                {"综合实验室"}, {"综合实验室"}, {"环境监测实验室"}, {"综合实验室"}, {"医疗器械检测室"},
                {"放射性检测室"}, {"无损检测实验室"}, {"光学实验室"}, {"可靠性实验室"}, {"信息中心"},
                {"综合实验室", "生物安全实验室"}});
        DEPARTMENTS.put(OrganisationKind.OTHER, new String[][]{
                {"理化检验所", "监测实验室"}, {"监测实验室"}, {"监测实验室"}, {"监测实验室"}, {"监测实验室"},
                {"监测实验室"}, {"大气探测中心", "监测实验室"}, {"监测实验室"}, {"监测实验室"}, {"放射卫生所"},
                {"监测实验室"}, {"监测实验室"}, {"监测实验室"}, {"信息中心"}, {"微生物检验所", "监测实验室"}});
    }

    private static final Map<OrganisationKind, String[]> LAB_BUILDINGS = new EnumMap<>(OrganisationKind.class);

    static {
        LAB_BUILDINGS.put(UNIVERSITY, new String[]{"实验楼", "科研楼", "理科楼", "工科楼", "公共实验平台楼"});
        LAB_BUILDINGS.put(RESEARCH_INSTITUTE, new String[]{"科研楼", "实验楼", "公共技术平台楼"});
        LAB_BUILDINGS.put(HOSPITAL, new String[]{"医技楼", "科研楼", "门诊医技楼"});
        LAB_BUILDINGS.put(ENTERPRISE, new String[]{"研发楼", "实验楼", "厂房"});
        LAB_BUILDINGS.put(TESTING_AGENCY, new String[]{"检测楼", "实验楼"});
        LAB_BUILDINGS.put(OrganisationKind.OTHER, new String[]{"实验楼", "业务楼"});
    }

    private static final String[] WINGS = {"", "", "A座", "B座", "C座"};

    /** Departments of a small generated enterprise. */
    private static final List<String> SMALL_ENTERPRISE_DEPARTMENTS = List.of("研发中心", "技术中心", "实验室", "质量部");

    /** The department of an instrument of {@code category}, from two uniform draws. */
    static String department(DemoOwner owner, NationalCategory category, double u1, double u2) {
        if (!owner.facilities().isEmpty() && u1 < 0.5) {
            return pick(owner.facilities(), u2);
        }
        if (owner.generated() && owner.kind() == ENTERPRISE) {
            return pick(SMALL_ENTERPRISE_DEPARTMENTS, u2);
        }
        String[] names = DEPARTMENTS.get(owner.kind())[category.ordinal()];
        return names[(int) (u2 * names.length)];
    }

    /** Where on the owner's campus the instrument stands: building, floor and room. */
    static String room(DemoOwner owner, SplittableRandom r) {
        String[] buildings = LAB_BUILDINGS.get(owner.kind());
        int floor = 1 + r.nextInt(8);
        int room = floor * 100 + 1 + r.nextInt(30);
        return owner.address() + " " + buildings[r.nextInt(buildings.length)] + WINGS[r.nextInt(WINGS.length)]
                + floor + "层" + room + "室";
    }

    private static String pick(List<String> list, double u) {
        return list.get((int) (u * list.size()));
    }
}
