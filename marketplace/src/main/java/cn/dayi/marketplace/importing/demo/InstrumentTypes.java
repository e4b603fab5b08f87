package cn.dayi.marketplace.importing.demo;

import static cn.dayi.marketplace.catalogue.NationalCategory.ANALYTICAL;
import static cn.dayi.marketplace.catalogue.NationalCategory.ATMOSPHERIC;
import static cn.dayi.marketplace.catalogue.NationalCategory.COMPUTING;
import static cn.dayi.marketplace.catalogue.NationalCategory.EARTH_EXPLORATION;
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

import cn.dayi.marketplace.catalogue.NationalCategory;
import java.util.ArrayList;
import java.util.List;

/**
 * The instrument types of the demo catalogue: real kinds of large instrument with real
 * manufacturers and model names, each with a Chinese and English name, a national category,
 * typical technical parameters, sample requirements, services, and a value range per model
 * (original value in CNY as Chinese buyers paid it, configuration included). The country is where
 * the model is made, which is not always the manufacturer's home (Thermo Fisher's electron
 * microscopes are built in the Netherlands and Czechia, Agilent's ICP-MS in Japan, Waters' mass
 * spectrometers in the UK). Years bound the model's market life so purchase dates stay plausible.
 *
 * <p>Type weights are relative frequencies within a category; model weights are relative market
 * shares within a type (before the country mix is fitted, see {@link Calibration}).
 */
final class InstrumentTypes {

    private InstrumentTypes() {
    }

    /**
     * One model of a type: original value {@code [minYuan, maxYuan)} in CNY.
     */
    record Model(String manufacturer, String model, String countryCode, double weight, int sinceYear,
                 int untilYear, long minYuan, long maxYuan) {
    }

    /** One instrument type. */
    record Type(String key, String nameZh, String nameEn, NationalCategory category, double weight,
                String technicalParameters, String sampleRequirements, String serviceDescription,
                List<Model> models) {
    }

    /** A model as written in the table: range in 万元 (10,000 CNY), or null for the type's range. */
    private record M(String manufacturer, String model, String country, double weight, int since, int until,
                     Integer minWan, Integer maxWan) {
    }

    private static M m(String manufacturer, String model, String country, double weight, int since, int until) {
        return new M(manufacturer, model, country, weight, since, until, null, null);
    }

    private static M m(String manufacturer, String model, String country, double weight, int since, int until,
                       int minWan, int maxWan) {
        return new M(manufacturer, model, country, weight, since, until, minWan, maxWan);
    }

    private static final List<Type> TYPES = new ArrayList<>();

    private static void t(String key, String zh, String en, NationalCategory category, double weight, int minWan,
                          int maxWan, String params, String sample, String service, M... models) {
        List<Model> resolved = new ArrayList<>();
        for (M x : models) {
            int lo = x.minWan() == null ? minWan : x.minWan();
            int hi = x.maxWan() == null ? maxWan : x.maxWan();
            resolved.add(new Model(x.manufacturer(), x.model(), x.country(), x.weight(), x.since(), x.until(),
                    lo * 10_000L, hi * 10_000L));
        }
        TYPES.add(new Type(key, zh, en, category, weight, params, sample, service, List.copyOf(resolved)));
    }

    private static final int NOW = 2024;

    static {
        // ================================================================ 01 分析仪器
        t("tem", "透射电子显微镜", "Transmission electron microscope", ANALYTICAL, 3, 300, 1500,
                "加速电压 80–200 kV；点分辨率 ≤ 0.24 nm；线分辨率 0.14 nm；STEM-HAADF 分辨率 ≤ 0.16 nm；"
                        + "双倾样品杆倾转 ±35°；配 X 射线能谱仪（EDS）与 4k × 4k CMOS 相机",
                "粉末样品须可在乙醇中超声分散并滴于铜网；块体或薄膜样品须预先减薄至 100 nm 以下（可委托 FIB 或离子减薄制样）；"
                        + "样品无磁性或弱磁性；不接受含挥发物、放射性或未灭活生物样品",
                "纳米材料形貌与结构表征、高分辨晶格像、选区电子衍射、STEM 成像与 EDS 元素面分布",
                m("JEOL", "JEM-2100F", "JP", 3, 2008, 2020, 400, 900),
                m("Thermo Fisher Scientific", "Talos F200X", "NL", 3, 2014, NOW, 800, 1500),
                m("Hitachi", "HT7800", "JP", 2, 2017, NOW, 300, 600),
                m("JEOL", "JEM-F200", "JP", 2, 2017, NOW, 800, 1400));
        t("ac-tem", "球差校正透射电子显微镜", "Aberration-corrected transmission electron microscope", ANALYTICAL, 0.5,
                1500, 4500,
                "加速电压 60–300 kV；配探针球差校正器；STEM-HAADF 分辨率 ≤ 0.06 nm（300 kV）；信息分辨率 ≤ 0.07 nm；"
                        + "高立体角能谱探测器；电子能量损失谱（EELS）能量分辨率 ≤ 0.3 eV（配单色器）",
                "同透射电镜；样品须高度洁净、无有机污染（必要时等离子清洗）；原子分辨观察建议薄区厚度 < 50 nm；"
                        + "须提前提交样品信息与研究目标以便排机",
                "原子分辨 HAADF/ABF 成像、原子级 EDS/EELS 元素与价态分析、界面与缺陷结构研究",
                m("Thermo Fisher Scientific", "Spectra 300", "NL", 2, 2020, NOW, 2500, 4500),
                m("FEI", "Titan Themis G2", "NL", 2, 2014, 2019, 2000, 3500),
                m("JEOL", "JEM-ARM300F2", "JP", 1, 2019, NOW, 2500, 4000),
                m("JEOL", "JEM-ARM200F", "JP", 1, 2010, 2020, 1500, 3000));
        t("cryo-em", "冷冻透射电子显微镜", "Cryo-transmission electron microscope", ANALYTICAL, 0.3, 1200, 6000,
                "加速电压 200/300 kV；自动上样系统（12 个载网）；直接电子探测器与能量过滤器；单颗粒重构分辨率优于 0.3 nm；"
                        + "低剂量成像与自动数据采集",
                "生物大分子纯度 > 90%，浓度 0.5–5 mg/mL；须自行或委托平台制备冷冻载网；样品须在液氮条件下运输",
                "冷冻电镜单颗粒三维重构、冷冻电子断层成像（cryo-ET）、载网筛选",
                m("Thermo Fisher Scientific", "Titan Krios G4", "NL", 2, 2020, NOW, 4000, 6000),
                m("Thermo Fisher Scientific", "Glacios 2", "NL", 2, 2021, NOW, 1200, 2000),
                m("JEOL", "CRYO ARM 300 II", "JP", 1, 2020, NOW, 3000, 4500));
        t("sem", "扫描电子显微镜", "Scanning electron microscope", ANALYTICAL, 8, 60, 600,
                "分辨率 0.8 nm @15 kV、1.2 nm @1 kV（场发射）；加速电压 0.02–30 kV；放大倍数 12–2,000,000×；"
                        + "配二次电子、背散射电子探测器及能谱仪（EDS），可选电子背散射衍射（EBSD）",
                "固体样品尺寸一般不大于 Φ50 mm × 20 mm；须干燥、无油污；非导电样品须喷金或喷碳；磁性样品须提前说明；"
                        + "粉末样品须牢固粘附于导电胶",
                "表面形貌观察、断口分析、微区成分（EDS）分析、晶体取向（EBSD）分析",
                m("ZEISS", "GeminiSEM 500", "DE", 3, 2015, NOW, 300, 600),
                m("Hitachi", "SU8010", "JP", 3, 2009, 2018, 250, 450),
                m("FEI", "Quanta 250", "CZ", 2, 2010, 2018, 150, 300),
                m("国仪量子", "SEM3200", "CN", 2, 2021, NOW, 60, 120),
                m("JEOL", "JSM-IT800", "JP", 1, 2020, NOW, 300, 550));
        t("fib-sem", "聚焦离子束-电子束双束系统", "Focused ion beam scanning electron microscope (FIB-SEM)", ANALYTICAL, 1,
                500, 1500,
                "电子束分辨率 0.6 nm @15 kV；Ga⁺ 离子束分辨率 2.5 nm @30 kV；离子束流 1 pA–65 nA；"
                        + "配气体注入系统（Pt/C 沉积）、纳米机械手与 EDS",
                "块体样品尺寸 ≤ Φ50 mm × 10 mm，须导电或经喷镀处理；TEM 制样须标明目标区域坐标；不接受含液体或易挥发样品",
                "TEM 薄片制备、截面加工与观察、切片成像三维重构、微纳结构加工",
                m("Thermo Fisher Scientific", "Helios 5 UX", "CZ", 2, 2019, NOW, 900, 1500),
                m("ZEISS", "Crossbeam 550", "DE", 2, 2016, NOW, 700, 1200),
                m("TESCAN", "AMBER X", "CZ", 1, 2020, NOW, 600, 1000),
                m("FEI", "Helios NanoLab 600i", "CZ", 1, 2010, 2018, 600, 1000));
        t("nmr", "核磁共振波谱仪", "Nuclear magnetic resonance spectrometer", ANALYTICAL, 3, 150, 2500,
                "磁场强度 400–800 MHz（1H）；宽带多核探头（15N–31P 及 19F）；变温范围 −150 ~ +150 °C；梯度场强度 ≥ 50 G/cm；"
                        + "可做一维及 COSY、HSQC、HMBC、NOESY 等二维实验",
                "溶液样品 ≥ 5 mg（1H）或 ≥ 20 mg（13C），溶于 0.5–0.6 mL 氘代试剂并装入 5 mm 核磁管；"
                        + "须注明溶剂、预期结构及是否含氟、磷；不接受顺磁性样品",
                "有机化合物结构鉴定、定量核磁、二维谱解析、变温与反应动力学实验",
                m("Bruker", "AVANCE NEO 600", "CH", 3, 2017, NOW, 600, 1000),
                m("Bruker", "AVANCE III HD 400", "CH", 3, 2012, 2019, 200, 350),
                m("JEOL", "JNM-ECZ500R", "JP", 2, 2015, NOW, 300, 500),
                m("Bruker", "AVANCE NEO 800", "CH", 0.5, 2018, NOW, 1500, 2500));
        t("xrd", "X射线衍射仪", "X-ray diffractometer", ANALYTICAL, 6, 40, 400,
                "Cu 靶 X 射线管，最大功率 3 kW；测角仪半径 ≥ 240 mm；2θ 范围 −3° ~ 160°；角度重现性 ±0.0001°；"
                        + "一维阵列探测器；可选高温、掠入射与小角散射附件",
                "粉末样品 ≥ 0.5 g，粒度 < 45 μm（过 325 目筛）；块体或薄膜样品表面平整，尺寸不大于 50 mm × 50 mm × 10 mm；"
                        + "须注明是否含毒性或放射性成分",
                "物相定性定量分析、晶粒尺寸与结晶度、残余应力、织构、薄膜掠入射及 X 射线反射率测试",
                m("Rigaku", "SmartLab", "JP", 3, 2008, NOW, 150, 400),
                m("Bruker", "D8 ADVANCE", "DE", 3, 2008, NOW, 100, 300),
                m("Malvern Panalytical", "Empyrean", "NL", 2, 2011, NOW, 150, 350),
                m("丹东浩元", "DX-2700", "CN", 2, 2010, NOW, 40, 80));
        t("sc-xrd", "单晶X射线衍射仪", "Single-crystal X-ray diffractometer", ANALYTICAL, 1, 200, 600,
                "微焦斑 Mo/Cu 双光源；光子计数或 CMOS 面探测器；四圆 Kappa 测角仪；低温系统 100–400 K；最小可测晶体约 0.05 mm",
                "单晶尺寸 0.05–0.5 mm，外形完整、无孪晶；对空气敏感样品须提前告知并以惰性油保护；须附分子式与合成路线简述",
                "小分子及金属有机框架晶体结构测定、绝对构型确定、变温结构研究",
                m("Bruker", "D8 VENTURE", "DE", 2, 2012, NOW),
                m("Rigaku", "XtaLAB Synergy", "JP", 2, 2016, NOW),
                m("Bruker", "SMART APEX II", "DE", 1, 2008, 2014, 200, 350));
        t("xps", "X射线光电子能谱仪", "X-ray photoelectron spectrometer", ANALYTICAL, 1.5, 350, 1000,
                "单色化 Al Kα 射线源，束斑 30–900 μm 可调；能量分辨率 ≤ 0.45 eV（Ag 3d5/2）；分析室真空优于 5×10⁻¹⁰ mbar；"
                        + "配 Ar 离子/团簇离子枪深度剖析、紫外光电子能谱（UPS）与电荷中和",
                "固体样品尺寸 ≤ 10 mm × 10 mm × 3 mm，粉末 ≥ 10 mg；须干燥、无挥发、不放气；磁性样品须提前说明；表面避免手触污染",
                "表面元素组成与化学态分析、深度剖析、价带与功函数测试、XPS 成像",
                m("Thermo Fisher Scientific", "ESCALAB Xi+", "GB", 3, 2015, NOW, 450, 800),
                m("Kratos Analytical", "AXIS SUPRA", "GB", 2, 2015, NOW, 500, 900),
                m("ULVAC-PHI", "PHI VersaProbe III", "JP", 2, 2016, NOW, 500, 900),
                m("Thermo Fisher Scientific", "ESCALAB 250Xi", "GB", 2, 2010, 2016, 350, 600));
        t("xrf", "X射线荧光光谱仪", "X-ray fluorescence spectrometer", ANALYTICAL, 1.5, 60, 300,
                "波长色散型，端窗铑靶 X 光管 3–4 kW；元素分析范围 Be(4)–U(92)；含量范围 ppm–100%；分光晶体 ≥ 6 块；真空/氦气光路",
                "粉末样品 ≥ 5 g（压片或熔片）；块状样品须平整，直径 30–50 mm；液体样品须使用专用样品杯并提前说明",
                "矿物、合金、陶瓷、土壤中主次量元素定量分析，RoHS 有害元素筛查",
                m("Rigaku", "ZSX Primus IV", "JP", 2, 2016, NOW),
                m("Malvern Panalytical", "Zetium", "NL", 2, 2014, NOW),
                m("Bruker", "S8 TIGER", "DE", 2, 2010, NOW));
        t("icp-ms", "电感耦合等离子体质谱仪", "Inductively coupled plasma mass spectrometer", ANALYTICAL, 3, 80, 300,
                "质量数范围 2–260 amu；检出限 ≤ 0.1 ng/L（In、U）；碰撞/反应池（He/H2 模式）；丰度灵敏度 ≤ 1×10⁻⁷；"
                        + "可联用液相色谱、气相色谱与激光剥蚀进样",
                "液体样品 ≥ 10 mL，须经消解，总溶解固体 < 0.2%，酸度 2–5% HNO3；固体样品须注明基体并提供消解方法；"
                        + "不接受未赶尽 HF 的样品",
                "痕量与超痕量元素分析、同位素比值测定、元素形态分析（联用）",
                m("Agilent Technologies", "7900 ICP-MS", "JP", 3, 2013, NOW, 150, 250),
                m("Thermo Fisher Scientific", "iCAP RQ", "DE", 2, 2016, NOW, 130, 220),
                m("PerkinElmer", "NexION 2000", "US", 2, 2017, NOW, 130, 220),
                m("钢研纳克", "Plasma MS 300", "CN", 1, 2018, NOW, 80, 150));
        t("icp-oes", "电感耦合等离子体发射光谱仪", "Inductively coupled plasma optical emission spectrometer", ANALYTICAL,
                2.5, 40, 120,
                "波长范围 167–785 nm；中阶梯光栅与 CCD/CID 检测器；垂直双向观测；多数元素检出限 < 1 μg/L；线性范围 6 个数量级",
                "液体样品 ≥ 20 mL，经消解、澄清无颗粒，酸度 ≤ 5%；含有机溶剂样品须提前说明",
                "金属材料、土壤、食品与环境水样中多元素同时测定",
                m("Agilent Technologies", "5110 ICP-OES", "AU", 3, 2014, NOW),
                m("Thermo Fisher Scientific", "iCAP PRO", "US", 2, 2019, NOW),
                m("PerkinElmer", "Avio 500", "US", 2, 2017, NOW),
                m("Shimadzu", "ICPE-9820", "JP", 1, 2014, NOW));
        t("lc-msms", "液相色谱-质谱联用仪", "Liquid chromatography–tandem mass spectrometer", ANALYTICAL, 4, 150, 600,
                "三重四极杆质谱，质量范围 2–2000 m/z；ESI/APCI 离子源；单次 MRM 通道 ≥ 4000 个；正负离子切换 ≤ 5 ms；"
                        + "配超高效液相色谱，耐压 ≥ 1000 bar",
                "液体样品 ≥ 1 mL，经 0.22 μm 滤膜过滤；定量分析须提供目标化合物名单与标准品；不接受含非挥发性盐或表面活性剂的样品",
                "药物与代谢物定量、农兽药残留、环境新污染物筛查与定量",
                m("Waters", "Xevo TQ-XS", "GB", 3, 2017, NOW, 350, 550),
                m("SCIEX", "Triple Quad 6500+", "SG", 3, 2016, NOW, 400, 600),
                m("Agilent Technologies", "6470B", "US", 2, 2019, NOW, 250, 400),
                m("Thermo Fisher Scientific", "TSQ Altis", "US", 2, 2017, NOW, 300, 500),
                m("SCIEX", "QTRAP 5500", "SG", 2, 2010, 2017, 200, 350));
        t("hr-lcms", "高分辨液相色谱-质谱联用仪", "High-resolution liquid chromatography–mass spectrometer", ANALYTICAL, 2,
                250, 900,
                "分辨率 ≥ 240,000 FWHM（m/z 200）；质量精度 < 1 ppm（内标）；扫描速率 ≥ 40 Hz；支持 DDA/DIA 采集；"
                        + "配纳升或超高效液相色谱",
                "蛋白/肽段样品须脱盐，含量 ≥ 1 μg；小分子样品 ≥ 1 mg 或溶液 ≥ 0.5 mL；不接受含 SDS、PEG 或高浓度盐的样品",
                "蛋白质组学、代谢组学、未知物鉴定与高分辨精确质量测定",
                m("Thermo Fisher Scientific", "Orbitrap Exploris 480", "DE", 3, 2019, NOW, 500, 800),
                m("Thermo Fisher Scientific", "Q Exactive Plus", "DE", 3, 2013, 2021, 300, 500),
                m("Bruker", "timsTOF Pro 2", "DE", 2, 2020, NOW, 600, 900),
                m("Waters", "Xevo G2-XS QTof", "GB", 2, 2015, NOW, 250, 400));
        t("gc-ms", "气相色谱-质谱联用仪", "Gas chromatograph–mass spectrometer", ANALYTICAL, 4, 40, 200,
                "质量范围 1.6–1050 m/z；EI/CI 离子源；EI 灵敏度 1 pg OFN S/N ≥ 1500:1；柱温箱室温 +4 ~ 450 °C；"
                        + "配自动进样器与 NIST 谱库",
                "液体样品 ≥ 1 mL，溶于易挥发有机溶剂；固体样品须提供前处理方法；样品须无强酸强碱，沸点低于 450 °C",
                "挥发性与半挥发性有机物定性定量、VOCs、农药残留及香精香料分析",
                m("Agilent Technologies", "8890-5977B", "US", 3, 2019, NOW, 60, 120),
                m("Shimadzu", "GCMS-QP2020 NX", "JP", 3, 2019, NOW, 50, 100),
                m("Thermo Fisher Scientific", "TSQ 9000", "US", 1, 2017, NOW, 120, 200),
                m("Agilent Technologies", "7890B-5977A", "US", 2, 2013, 2019, 50, 100));
        t("gc", "气相色谱仪", "Gas chromatograph", ANALYTICAL, 4, 20, 60,
                "柱温箱室温 +4 ~ 450 °C，升温速率 ≤ 120 °C/min；FID 检出限 ≤ 1.5 pg C/s；可选 ECD、TCD、FPD 检测器；"
                        + "电子压力控制精度 0.001 psi",
                "气体或液体样品，液体 ≥ 1 mL；固体样品须提供顶空或热解吸前处理方法；样品须可气化且不含强腐蚀性物质",
                "有机溶剂残留、气体成分、油品与化工原料纯度分析",
                m("Agilent Technologies", "8890", "US", 3, 2019, NOW),
                m("Shimadzu", "GC-2030", "JP", 2, 2017, NOW),
                m("福立仪器", "GC9790Plus", "CN", 3, 2012, NOW, 20, 35),
                m("Agilent Technologies", "7890B", "US", 2, 2013, 2019));
        t("uhplc", "超高效液相色谱仪", "Ultra-high-performance liquid chromatograph", ANALYTICAL, 4, 20, 90,
                "系统耐压 ≥ 1300 bar；流速范围 0.001–5 mL/min；梯度精度 ±0.15%；二极管阵列检测器波长 190–640 nm；柱温箱 4–90 °C",
                "液体样品 ≥ 1 mL，经 0.22 μm 滤膜过滤；须提供色谱条件或参考标准；不接受含颗粒或强腐蚀性溶剂的样品",
                "药物含量与杂质分析、天然产物分离、食品添加剂检测",
                m("Waters", "ACQUITY UPLC H-Class", "US", 3, 2010, NOW),
                m("Agilent Technologies", "1290 Infinity II", "DE", 3, 2015, NOW),
                m("Shimadzu", "Nexera LC-40", "JP", 2, 2020, NOW),
                m("大连依利特", "iChrom 5100", "CN", 1, 2014, NOW, 20, 40));
        t("clsm", "激光扫描共聚焦显微镜", "Confocal laser scanning microscope", ANALYTICAL, 3, 150, 800,
                "激光线 405/488/561/640 nm；光谱检测器 ≥ 32 通道；扫描分辨率最高 8192 × 8192；超分辨模式横向分辨率约 120 nm；"
                        + "配活细胞培养系统",
                "固定或活细胞样品置于玻底皿或载玻片，须标记荧光探针并注明激发/发射波长；组织切片厚度 ≤ 100 μm；活体样品须提前预约培养环境",
                "多色荧光成像、三维重构、活细胞时间序列、FRAP/FRET 分析",
                m("ZEISS", "LSM 980", "DE", 3, 2019, NOW, 400, 800),
                m("Leica Microsystems", "STELLARIS 5", "DE", 2, 2020, NOW, 300, 600),
                m("Olympus", "FV3000", "JP", 2, 2016, NOW, 250, 450),
                m("Nikon", "AX R", "JP", 1, 2021, NOW, 300, 600),
                m("ZEISS", "LSM 880", "DE", 2, 2014, 2019, 300, 600));
        t("afm", "原子力显微镜", "Atomic force microscope", ANALYTICAL, 2, 60, 400,
                "扫描范围 90 μm × 90 μm × 10 μm；Z 向噪声 < 30 pm；模式：轻敲、接触、PeakForce 定量纳米力学、导电 AFM、KPFM、MFM；闭环扫描",
                "样品直径 ≤ 150 mm，厚度 ≤ 15 mm；表面起伏 < 5 μm；须干燥洁净，液相测试须提前说明",
                "表面形貌与粗糙度、纳米力学性能、表面电势与磁畴成像",
                m("Bruker", "Dimension Icon", "US", 3, 2010, NOW, 200, 400),
                m("Oxford Instruments Asylum Research", "Cypher ES", "US", 1, 2013, NOW, 250, 400),
                m("Park Systems", "NX10", "KR", 2, 2011, NOW, 100, 250),
                m("本原纳米", "CSPM5500", "CN", 1, 2010, NOW, 60, 100));
        t("raman", "激光显微拉曼光谱仪", "Confocal Raman microscope", ANALYTICAL, 2, 60, 250,
                "激发波长 532/633/785 nm；光谱范围 50–4000 cm⁻¹；光谱分辨率 ≤ 1 cm⁻¹；共聚焦横向空间分辨率 ≤ 1 μm；配自动平台面扫描成像",
                "固体、粉末、液体均可，固体尺寸 ≤ 50 mm；荧光强的样品须说明；深色样品须降低激光功率以免烧蚀",
                "分子结构与物相鉴定、应力分析、二维材料层数判别、拉曼成像",
                m("Renishaw", "inVia Qontor", "GB", 3, 2016, NOW),
                m("HORIBA", "LabRAM HR Evolution", "FR", 3, 2013, NOW),
                m("WITec", "alpha300 R", "DE", 1, 2008, NOW),
                m("Renishaw", "inVia", "GB", 2, 2008, 2016));
        t("ftir", "傅里叶变换红外光谱仪", "Fourier-transform infrared spectrometer", ANALYTICAL, 3, 15, 150,
                "光谱范围 7800–350 cm⁻¹（可扩展至远红外）；分辨率优于 0.09 cm⁻¹；信噪比 ≥ 50,000:1；配 ATR、漫反射与红外显微镜附件",
                "固体粉末 ≥ 5 mg，液体 ≥ 0.5 mL；样品须干燥，含水样品须提前说明",
                "官能团鉴定、聚合物与未知物分析、红外显微成像",
                m("Thermo Fisher Scientific", "Nicolet iS50", "US", 3, 2012, NOW, 40, 120),
                m("Bruker", "VERTEX 70v", "DE", 2, 2008, NOW, 60, 150),
                m("Shimadzu", "IRTracer-100", "JP", 2, 2014, NOW, 25, 60),
                m("天津港东", "FTIR-650", "CN", 1, 2012, NOW, 15, 25));
        t("flow", "流式细胞仪", "Flow cytometer", ANALYTICAL, 2, 60, 600,
                "激光器 3–5 根（355/405/488/561/640 nm）；荧光通道 ≥ 14 色；分选速度 ≥ 70,000 events/s，纯度 > 98%；"
                        + "分析速度 ≥ 100,000 events/s",
                "单细胞悬液，浓度 1×10⁶–1×10⁷ 个/mL，体积 ≥ 0.5 mL，经 40 μm 滤网过滤；分选样品须注明生物安全等级，BSL-2 以上不接受",
                "细胞表型分析、细胞周期与凋亡检测、无菌细胞分选",
                m("BD Biosciences", "FACSAria III", "US", 3, 2009, NOW, 300, 600),
                m("Beckman Coulter", "CytoFLEX LX", "CN", 2, 2017, NOW, 100, 250),
                m("BD Biosciences", "FACSCelesta", "US", 2, 2015, NOW, 80, 150),
                m("Beckman Coulter", "MoFlo Astrios EQ", "US", 1, 2014, NOW, 300, 550));
        t("uv-vis-nir", "紫外-可见-近红外分光光度计", "UV-Vis-NIR spectrophotometer", ANALYTICAL, 2, 15, 100,
                "波长范围 175–3300 nm；分辨率 ≤ 0.05 nm（紫外-可见区）；杂散光 < 0.00005 %T；配积分球（漫反射/透射）与变角附件",
                "液体样品 ≥ 3 mL；固体薄膜或块体尺寸 10–50 mm；粉末 ≥ 0.5 g（漫反射）",
                "吸收、透射与反射光谱测定，禁带宽度计算，光学薄膜表征",
                m("Agilent Technologies", "Cary 5000", "AU", 3, 2008, NOW, 40, 80),
                m("PerkinElmer", "LAMBDA 1050+", "US", 2, 2016, NOW, 50, 100),
                m("Shimadzu", "UV-3600i Plus", "JP", 2, 2019, NOW, 30, 60),
                m("上海元析", "UV-5500PC", "CN", 1, 2012, NOW, 15, 25));
        t("bet", "比表面积及孔径分析仪", "Surface area and porosity analyser", ANALYTICAL, 2, 15, 80,
                "比表面积测试下限 0.0005 m²/g；孔径分析范围 0.35–500 nm；3–6 个独立分析站；P/P0 最低 10⁻⁸；可选化学吸附",
                "粉末或颗粒样品 ≥ 0.2 g（比表面积低者须加量）；须提前说明脱气温度上限；不接受易分解、易升华样品",
                "BET 比表面积、介孔与微孔孔径分布、化学吸附（TPR/TPD）",
                m("Micromeritics", "ASAP 2460", "US", 3, 2014, NOW),
                m("Quantachrome", "Autosorb-iQ", "US", 2, 2009, 2019),
                m("贝士德仪器", "BSD-660", "CN", 2, 2015, NOW, 15, 30));
        t("sta", "同步热分析仪", "Simultaneous thermal analyser (TGA-DSC)", ANALYTICAL, 2, 25, 120,
                "温度范围室温–1600 °C；天平分辨率 0.025 μg；DSC 灵敏度 < 1 μW；升温速率 0.001–50 K/min；可联用 FTIR/MS 逸出气分析",
                "固体或液体样品 5–30 mg；须注明最高测试温度及是否含卤素、硫等腐蚀性成分；不接受爆炸性样品",
                "热重、差示扫描量热、热稳定性与分解动力学、逸出气分析",
                m("NETZSCH", "STA 449 F5 Jupiter", "DE", 3, 2014, NOW),
                m("TA Instruments", "SDT 650", "US", 2, 2017, NOW),
                m("Mettler Toledo", "TGA/DSC 3+", "CH", 2, 2015, NOW));
        t("epma", "电子探针显微分析仪", "Electron probe microanalyser", ANALYTICAL, 0.5, 500, 1200,
                "场发射电子枪，二次电子像分辨率 3 nm；波谱仪 5 道；元素分析范围 B(5)–U(92)；定量检出限约 100 ppm；束流 10⁻¹²–5×10⁻⁷ A",
                "块体或光薄片直径 ≤ 25 mm，须抛光至镜面并喷碳；地质样品须提供岩相描述",
                "微区元素定量分析、元素面分布、矿物与合金相成分测定",
                m("JEOL", "JXA-8530F Plus", "JP", 3, 2016, NOW),
                m("Shimadzu", "EPMA-1720", "JP", 1, 2014, NOW),
                m("CAMECA", "SXFive", "FR", 2, 2011, NOW));
        t("tof-sims", "飞行时间二次离子质谱仪", "Time-of-flight secondary ion mass spectrometer", ANALYTICAL, 0.3, 600, 1500,
                "Bi 团簇液态金属离子枪，横向分辨率 < 80 nm；质量分辨率 > 16,000；Cs/O2/Ar 团簇溅射枪深度剖析；检出限 ppm–ppb",
                "固体样品尺寸 ≤ 10 mm × 10 mm，表面洁净并兼容超高真空；不接受含油或含挥发物样品",
                "表面分子与元素成像、深度剖析、薄膜与界面污染分析",
                m("IONTOF", "TOF.SIMS 5", "DE", 2, 2010, NOW),
                m("Physical Electronics", "PHI nanoTOF II", "US", 1, 2014, NOW));
        t("fluorescence", "稳态瞬态荧光光谱仪", "Steady-state and time-resolved fluorescence spectrometer", ANALYTICAL, 1.5,
                30, 200,
                "450 W 氙灯及皮秒脉冲激光、微秒闪光灯；波长范围 200–1700 nm（配近红外探测器）；荧光寿命测量范围 5 ps–10 s；"
                        + "信噪比 ≥ 30,000:1",
                "液体样品 ≥ 3 mL；固体粉末 ≥ 50 mg；薄膜尺寸 10–25 mm；须注明激发与发射波长范围",
                "荧光与磷光光谱、荧光寿命、绝对量子产率（积分球）、变温荧光",
                m("Edinburgh Instruments", "FLS1000", "GB", 3, 2018, NOW, 100, 200),
                m("HORIBA", "Fluorolog-3", "US", 2, 2008, NOW, 80, 180),
                m("Hitachi", "F-7100", "JP", 2, 2013, NOW, 30, 50));
        t("particle", "纳米粒度及Zeta电位分析仪", "Particle size and zeta potential analyser", ANALYTICAL, 2, 15, 80,
                "动态光散射粒径范围 0.3 nm–10 μm；Zeta 电位范围 ±500 mV；激光衍射粒径范围 0.01–3500 μm；温度控制 0–120 °C",
                "分散液 ≥ 1 mL，浓度 0.1–1 mg/mL；须提供分散介质折射率与黏度；粉末样品 ≥ 1 g",
                "纳米颗粒粒径分布、Zeta 电位、分子量与粉体粒度分析",
                m("Malvern Panalytical", "Zetasizer Ultra", "GB", 3, 2018, NOW),
                m("Malvern Panalytical", "Mastersizer 3000", "GB", 3, 2012, NOW),
                m("丹东百特", "Bettersize2600", "CN", 2, 2014, NOW, 15, 30),
                m("Malvern Instruments", "Zetasizer Nano ZS", "GB", 2, 2008, 2018));
        t("sequencer", "高通量基因测序仪", "High-throughput DNA sequencer", ANALYTICAL, 2, 100, 1200,
                "单次运行通量最高 6 Tb；读长 PE150；Q30 ≥ 85%；运行时间 13–44 h；支持全基因组、转录组与单细胞测序文库",
                "DNA 总量 ≥ 1 μg，浓度 ≥ 20 ng/μL，OD260/280 为 1.8–2.0 且无明显降解；文库须附 Qubit 与片段分布质检报告",
                "全基因组重测序、转录组测序、宏基因组与单细胞测序",
                m("Illumina", "NovaSeq 6000", "US", 2, 2017, NOW, 600, 1000),
                m("华大智造", "DNBSEQ-T7", "CN", 2, 2019, NOW, 700, 1200),
                m("华大智造", "MGISEQ-2000", "CN", 2, 2018, NOW, 250, 400),
                m("Illumina", "MiSeq", "US", 2, 2011, NOW, 100, 150));
        t("electrochem", "电化学工作站", "Electrochemical workstation", ANALYTICAL, 2, 10, 60,
                "电位范围 ±10 V；电流范围 ±2 A，最小电流分辨率 0.76 fA；阻抗测试频率 10 μHz–7 MHz；多通道（4–16 通道）",
                "用户自备电极与电解液；须注明体系是否含挥发性有毒物质；经培训后自主上机",
                "循环伏安、交流阻抗、恒电流充放电与腐蚀电化学测试",
                m("BioLogic", "VMP-300", "FR", 2, 2013, NOW, 20, 60),
                m("Gamry Instruments", "Reference 3000", "US", 2, 2010, NOW, 15, 30),
                m("上海辰华", "CHI760E", "CN", 2, 2012, NOW, 10, 15),
                m("Metrohm Autolab", "PGSTAT302N", "NL", 1, 2010, NOW, 15, 30));

        // ================================================================ 02 物理性能测试仪器
        t("ppms", "综合物性测量系统", "Physical property measurement system", PHYSICAL_PROPERTY, 1.5, 300, 800,
                "温度范围 1.8–400 K（可选 He-3 插件至 0.5 K）；磁场 ±9 T 或 ±14 T；测量选件：电输运、比热、振动样品磁强计（VSM）、热输运；"
                        + "无液氦循环制冷",
                "块体或薄膜样品尺寸 ≤ 5 mm × 5 mm × 1 mm；须提前说明测量选件、温区与磁场范围；电输运样品须自备电极引线",
                "低温强磁场下电阻、霍尔效应、比热与磁化强度测量",
                m("Quantum Design", "PPMS DynaCool-9", "US", 3, 2012, NOW, 300, 550),
                m("Quantum Design", "PPMS DynaCool-14", "US", 1, 2012, NOW, 500, 800),
                m("Quantum Design", "MPMS3", "US", 2, 2013, NOW, 350, 550),
                m("Cryogenic Limited", "CFMS", "GB", 1, 2010, NOW, 300, 600));
        t("dilution", "稀释制冷机", "Dilution refrigerator", PHYSICAL_PROPERTY, 0.5, 400, 1200,
                "最低温度 < 10 mK；100 mK 处制冷功率 ≥ 400 μW；无液氦干式脉管预冷；样品空间直径 ≥ 300 mm；可集成 9 T 超导磁体",
                "用户器件须预先封装于兼容样品托；须提前两周提交测量方案与布线需求；降温周期约 2–3 天",
                "量子器件、超导量子比特与极低温电输运测量",
                m("Oxford Instruments", "Triton XL", "GB", 2, 2013, NOW),
                m("Bluefors", "LD400", "FI", 3, 2015, NOW, 400, 800),
                m("Bluefors", "XLD1000sl", "FI", 1, 2019, NOW, 800, 1200));
        t("utm", "万能材料试验机", "Universal testing machine", PHYSICAL_PROPERTY, 4, 15, 150,
                "最大试验力 100 kN（可选 5–300 kN）；力值精度 ±0.5% 示值；位移分辨率 0.02 μm；横梁速度 0.001–1000 mm/min；"
                        + "配高低温环境箱（−70 ~ +350 °C）与视频引伸计",
                "按 GB/T 228.1、GB/T 1040、ASTM D638 等标准制备试样；须注明试验标准、试样数量与夹具要求",
                "拉伸、压缩、弯曲、剥离及高低温力学性能测试",
                m("Instron", "5985", "US", 3, 2011, NOW, 80, 150),
                m("三思纵横", "UTM5105", "CN", 3, 2013, NOW, 15, 40),
                m("ZwickRoell", "Z100", "DE", 2, 2008, NOW, 50, 120),
                m("MTS Systems", "Criterion C45", "US", 2, 2014, NOW, 30, 80));
        t("fatigue", "电液伺服疲劳试验机", "Servo-hydraulic fatigue testing system", PHYSICAL_PROPERTY, 2, 80, 500,
                "动态载荷 ±100 kN（可选 ±250 kN）；试验频率 0.01–100 Hz；作动器行程 ±75 mm；控制器 19 位分辨率；"
                        + "波形：正弦、三角、方波与谱加载",
                "按 GB/T 3075、ASTM E466 等标准加工试样；须提供材料牌号、预估疲劳强度与加载谱",
                "高周与低周疲劳、断裂韧性、疲劳裂纹扩展速率测试",
                m("MTS Systems", "Landmark 370", "US", 3, 2009, NOW),
                m("Instron", "8801", "GB", 2, 2008, NOW),
                m("Shimadzu", "Servopulser EHF-L", "JP", 1, 2012, NOW));
        t("dma", "动态热机械分析仪", "Dynamic mechanical analyser", PHYSICAL_PROPERTY, 2, 30, 100,
                "温度范围 −150 ~ 600 °C；频率 0.01–200 Hz；力值范围 0.0001–18 N；形变模式：拉伸、三点弯曲、单/双悬臂、剪切、压缩",
                "条形试样约 35 mm × 10 mm × 2 mm，薄膜 ≥ 20 mm × 5 mm；须注明玻璃化转变预期范围",
                "储能与损耗模量、损耗因子、玻璃化转变温度、蠕变与应力松弛",
                m("TA Instruments", "DMA 850", "US", 3, 2017, NOW),
                m("NETZSCH", "DMA 242 E Artemis", "DE", 2, 2012, NOW),
                m("Mettler Toledo", "DMA 1", "CH", 1, 2012, NOW));
        t("rheometer", "旋转流变仪", "Rotational rheometer", PHYSICAL_PROPERTY, 2, 40, 150,
                "扭矩范围 1 nN·m–230 mN·m；角速度 10⁻⁹–314 rad/s；法向力 0.005–50 N；温控 −150 ~ 1000 °C（多种温控附件）；"
                        + "锥板、平板与同心圆筒夹具",
                "液体、熔体与凝胶样品 ≥ 5 mL；固体片材直径 25 mm；须注明测试温度及样品是否会固化",
                "稳态与动态流变、黏温曲线、触变性与固化过程监测",
                m("Anton Paar", "MCR 302e", "AT", 3, 2018, NOW),
                m("TA Instruments", "DHR-2", "US", 2, 2012, NOW),
                m("Thermo Fisher Scientific", "HAAKE MARS 60", "DE", 1, 2014, NOW));
        t("nanoindenter", "纳米压痕仪", "Nanoindenter", PHYSICAL_PROPERTY, 1, 100, 400,
                "最大载荷 10–500 mN；载荷分辨率 < 1 nN；位移分辨率 0.006 nm；具备原位 SPM 成像、纳米划痕与动态力学（nanoDMA）模式",
                "样品表面粗糙度 Ra < 50 nm，尺寸 ≤ 50 mm × 50 mm × 20 mm；须牢固粘附；薄膜样品须注明厚度",
                "纳米硬度与弹性模量、薄膜结合力、蠕变与微区力学成像",
                m("Bruker", "Hysitron TI 980", "US", 2, 2017, NOW),
                m("KLA", "iNano", "US", 2, 2017, NOW, 100, 200),
                m("Anton Paar", "UNHT3", "CH", 1, 2014, NOW));
        t("shaker", "电动振动试验系统", "Electrodynamic vibration test system", PHYSICAL_PROPERTY, 2, 30, 300,
                "额定正弦推力 20–60 kN；频率范围 5–3000 Hz；最大加速度 100 g；最大位移 51 mm（p-p）；配水平滑台与多通道振动控制器",
                "受试产品须提供安装夹具图纸与质量；须注明试验标准（GB/T 2423、IEC 60068）与振动谱",
                "正弦、随机、冲击等振动环境可靠性试验",
                m("苏试试验", "DC-6000", "CN", 3, 2010, NOW, 30, 150),
                m("Brüel & Kjær", "LDS V875", "GB", 1, 2008, NOW, 150, 300),
                m("东菱振动", "ES-50", "CN", 2, 2008, NOW, 50, 150));
        t("laser-flash", "激光导热仪", "Laser flash thermal diffusivity analyser", PHYSICAL_PROPERTY, 1.5, 60, 200,
                "温度范围 −100 ~ 1250 °C；热扩散系数 0.01–2000 mm²/s；导热系数 0.1–4000 W/(m·K)；多样品自动进样（最多 16 个）",
                "圆片直径 12.7 mm 或 25.4 mm，厚度 0.1–6 mm，两面平行；须提供比热或参比样；须喷涂石墨",
                "热扩散系数、比热容与导热系数测试",
                m("NETZSCH", "LFA 467 HyperFlash", "DE", 3, 2014, NOW),
                m("Linseis", "LFA 1000", "DE", 1, 2012, NOW),
                m("TA Instruments", "Discovery Xenon Flash", "US", 1, 2017, NOW));

        // ================================================================ 03 计量仪器
        t("cmm", "三坐标测量机", "Coordinate measuring machine", METROLOGY, 3, 40, 500,
                "测量范围 700 mm × 1000 mm × 600 mm；示值误差 MPE_E ≤ (1.5 + L/350) μm；扫描测头；适用温度 18–22 °C；"
                        + "配 CALYPSO/PC-DMIS 测量软件",
                "工件尺寸与质量须在行程与承重范围内；须提供图纸与检测项目；工件须恒温 4 h 以上",
                "几何尺寸与形位公差检测、逆向工程、首件检验",
                m("ZEISS", "CONTURA", "DE", 3, 2011, NOW, 80, 200),
                m("海克斯康", "Global S", "CN", 3, 2014, NOW, 40, 150),
                m("Mitutoyo", "CRYSTA-Apex V", "JP", 2, 2016, NOW, 60, 150),
                m("ZEISS", "PRISMO", "DE", 1, 2008, NOW, 200, 500));
        t("laser-tracker", "激光跟踪仪", "Laser tracker", METROLOGY, 1.5, 80, 250,
                "测量半径 ≥ 20 m（配 6DoF 测头）；空间坐标精度 ±(15 μm + 6 μm/m)；绝对测距精度 ±10 μm；采样率 1000 点/s",
                "大型工件或装配现场测量，须提供现场环境、基准与测点布置方案",
                "大尺寸部件装配检测、机床与机器人标定、工装校准",
                m("Leica Geosystems", "Absolute Tracker AT960", "CH", 3, 2015, NOW),
                m("FARO", "Vantage S6", "US", 2, 2017, NOW),
                m("API", "Radian", "US", 1, 2014, NOW));
        t("vision-cmm", "影像测量仪", "Vision measuring system", METROLOGY, 2, 10, 80,
                "行程 300 mm × 200 mm × 200 mm；示值误差 (1.8 + L/200) μm；0.5–7× 变倍镜头；同轴与环形分区 LED 照明；可选激光测头",
                "平面或浅台阶工件，须提供图纸与测量要素；透明件须提前说明",
                "二维尺寸、轮廓与形位公差快速测量",
                m("天准科技", "VMQ322", "CN", 3, 2012, NOW, 10, 30),
                m("Mitutoyo", "Quick Vision Apex", "JP", 2, 2010, NOW, 40, 80),
                m("KEYENCE", "IM-8000", "JP", 2, 2019, NOW, 30, 60));
        t("optical-profiler", "白光干涉三维表面轮廓仪", "White-light interferometric optical profiler", METROLOGY, 1.5, 80,
                300,
                "垂直分辨率 < 0.1 nm；垂直扫描范围 20 mm；横向分辨率 0.36 μm（100× 物镜）；台阶高度重复性 0.1%",
                "样品尺寸 ≤ 150 mm × 150 mm，高度 ≤ 100 mm；表面须有一定反射率；透明多层膜须提前说明",
                "表面粗糙度、台阶高度、三维形貌与缺陷测量",
                m("ZYGO", "NewView 9000", "US", 2, 2017, NOW),
                m("Bruker", "ContourX-500", "US", 2, 2020, NOW),
                m("Taylor Hobson", "Talysurf CCI HD", "GB", 2, 2012, NOW));
        t("laser-interferometer", "激光干涉仪", "Laser interferometer calibration system", METROLOGY, 1.5, 15, 80,
                "线性测量精度 ±0.5 ppm；分辨率 1 nm；最大测量距离 80 m；动态采样率 50 kHz；配角度、直线度与回转轴校准组件",
                "现场校准机床或运动平台，须提供行程与环境条件",
                "数控机床定位精度、直线度、角度与回转轴校准",
                m("Renishaw", "XL-80", "GB", 3, 2008, NOW, 25, 60),
                m("Keysight Technologies", "5530", "US", 1, 2008, 2020, 40, 80),
                m("中图仪器", "SJ6000", "CN", 2, 2015, NOW, 15, 30));

        // ================================================================ 04 电子测量仪器
        t("vna", "矢量网络分析仪", "Vector network analyser", ELECTRONIC_MEASURING, 3, 30, 800,
                "频率范围 10 MHz–67 GHz（可扩展至太赫兹）；动态范围 ≥ 120 dB；迹线噪声 < 0.002 dB rms；4 端口，"
                        + "支持混频器、噪声系数与脉冲 S 参数测量",
                "被测件须注明接口类型（2.4/1.85 mm、波导等）与最大输入功率；在片测试须同时预约探针台",
                "S 参数、阻抗、噪声系数、天线与材料介电特性测试",
                m("Keysight Technologies", "N5227B PNA", "US", 3, 2018, NOW, 300, 800),
                m("Rohde & Schwarz", "ZNA", "DE", 2, 2019, NOW, 250, 700),
                m("中电科思仪", "3672E", "CN", 2, 2018, NOW, 60, 200),
                m("Keysight Technologies", "E5080B ENA", "MY", 2, 2019, NOW, 30, 90));
        t("oscilloscope", "数字示波器", "Digital oscilloscope", ELECTRONIC_MEASURING, 3, 10, 1000,
                "带宽 1–8 GHz（高端机型 ≥ 33 GHz）；采样率 25–50 GS/s；垂直分辨率 12 bit；存储深度 ≥ 500 Mpts；支持协议解码与抖动分析",
                "须说明被测信号带宽、幅度、接口与探头要求；高压测量须自备隔离探头",
                "高速信号完整性、电源纹波、协议解码与眼图分析",
                m("Tektronix", "MSO64", "US", 3, 2017, NOW, 30, 100),
                m("Keysight Technologies", "UXR0334A", "US", 1, 2018, NOW, 500, 1000),
                m("鼎阳科技", "SDS7000A", "CN", 2, 2021, NOW, 10, 30),
                m("Rohde & Schwarz", "RTP164", "DE", 1, 2016, NOW, 150, 400));
        t("spectrum-analyser", "信号与频谱分析仪", "Signal and spectrum analyser", ELECTRONIC_MEASURING, 2.5, 20, 500,
                "频率范围 2 Hz–50 GHz；显示平均噪声电平 ≤ −165 dBm/Hz；相位噪声 −136 dBc/Hz（1 GHz，10 kHz 偏置）；分析带宽最高 1 GHz",
                "须说明被测信号频段、功率与调制制式；大功率信号须自备衰减器",
                "频谱与杂散、相位噪声、调制质量及 EMI 预兼容测试",
                m("Keysight Technologies", "N9040B UXA", "US", 2, 2016, NOW, 150, 500),
                m("Rohde & Schwarz", "FSW", "DE", 2, 2012, NOW, 150, 500),
                m("中电科思仪", "4051", "CN", 2, 2016, NOW, 50, 150),
                m("普源精电", "RSA5065", "CN", 1, 2017, NOW, 20, 40));
        t("param-analyser", "半导体参数分析仪", "Semiconductor parameter analyser", ELECTRONIC_MEASURING, 1.5, 50, 300,
                "源测量单元 ≥ 4 路，电流分辨率 0.1 fA，电压范围 ±200 V；C-V 测量频率 1 kHz–5 MHz；脉冲 I-V 最小脉宽 10 ns",
                "在片器件须配合探针台；封装器件须提供引脚定义与电压/电流上限",
                "半导体器件 I-V、C-V、脉冲 I-V 与可靠性测试",
                m("Keysight Technologies", "B1500A", "US", 3, 2008, NOW),
                m("Keithley", "4200A-SCS", "US", 3, 2016, NOW));
        t("probe-station", "探针台", "Wafer probe station", ELECTRONIC_MEASURING, 1.5, 50, 600,
                "晶圆尺寸 ≤ 300 mm；载物台温控 −60 ~ +300 °C；定位精度 ±1 μm；屏蔽暗箱，漏电流 < 10 fA；兼容射频、直流与光电探针",
                "晶圆或芯片须提供版图与测试焊盘坐标；须说明是否需要高低温与射频测试",
                "在片直流、射频与高低温电学测试",
                m("FormFactor", "CM300xi", "US", 2, 2016, NOW, 150, 600),
                m("Cascade Microtech", "Summit 12000", "US", 1, 2008, 2016, 80, 200),
                m("Lake Shore Cryotronics", "CRX-VF", "US", 1, 2012, NOW, 100, 300));
        t("ate", "集成电路测试系统", "Automatic test equipment for integrated circuits", ELECTRONIC_MEASURING, 1, 100, 3000,
                "数字通道 ≥ 512，数据率 1.6 Gbps；模拟、混合信号与射频测试板卡；参数测量单元精度 ±0.05%；支持晶圆测试与成品测试",
                "须提供测试程序或测试规范、负载板与探针卡；芯片须注明封装形式与数量",
                "芯片功能与参数测试、特性分析、量产测试程序开发",
                m("Advantest", "V93000", "DE", 2, 2008, NOW, 800, 3000),
                m("Teradyne", "UltraFLEX", "US", 1, 2008, NOW, 800, 3000),
                m("华峰测控", "STS8200", "CN", 2, 2013, NOW, 100, 300));
        t("emc", "电磁兼容测试系统", "Electromagnetic compatibility test system", ELECTRONIC_MEASURING, 1, 200, 2000,
                "3 m 法半电波暗室，频率范围 30 MHz–18 GHz；场均匀性符合 IEC 61000-4-3；EMI 测试接收机 9 kHz–26.5 GHz；"
                        + "传导、辐射发射与抗扰度测试",
                "受试设备须提供工作模式说明与供电要求；须注明执行标准（GB/T 9254、CISPR 32 等）",
                "辐射与传导发射、辐射与传导抗扰度、静电放电及浪涌测试",
                m("Rohde & Schwarz", "ESW26 EMI 测试系统", "DE", 2, 2016, NOW),
                m("ETS-Lindgren", "FACT 3", "US", 2, 2008, NOW));
        t("signal-generator", "矢量信号发生器", "Vector signal generator", ELECTRONIC_MEASURING, 1.5, 20, 300,
                "频率范围 100 kHz–44 GHz；输出功率 ≥ +18 dBm；相位噪声 −139 dBc/Hz（1 GHz，20 kHz 偏置）；内部基带调制带宽 2 GHz",
                "须说明所需频段、调制方式与功率；被测件须提供最大输入功率",
                "接收机灵敏度测试、射频器件激励、衰落与信道模拟",
                m("Keysight Technologies", "E8267D PSG", "US", 2, 2008, NOW),
                m("Rohde & Schwarz", "SMW200A", "DE", 2, 2013, NOW),
                m("中电科思仪", "1465", "CN", 2, 2016, NOW, 20, 80));
        t("battery-tester", "电池测试系统", "Battery testing system", ELECTRONIC_MEASURING, 2, 10, 100,
                "通道数 8–512；电压范围 0–5 V（可选 0–100 V 模组）；电流精度 ±0.05% FS；最小采样间隔 10 ms；支持 EIS 与温箱联动",
                "电芯或模组须注明化学体系、额定容量与充放电截止条件；须通过安全评估方可上机",
                "电池循环寿命、倍率性能、直流内阻与充放电测试",
                m("新威尔", "BTS-4000", "CN", 3, 2012, NOW, 10, 50),
                m("Arbin Instruments", "LBT21084", "US", 2, 2012, NOW, 40, 100),
                m("武汉蓝电", "CT3002A", "CN", 2, 2010, NOW, 10, 20),
                m("Maccor", "Series 4000", "US", 1, 2008, NOW, 40, 100));

        // ================================================================ 05 海洋仪器
        t("ctd", "温盐深剖面仪", "CTD profiler", MARINE, 1, 15, 150,
                "电导率 0–7 S/m，精度 ±0.0003 S/m；温度 −5 ~ +35 °C，精度 ±0.001 °C；深度量程 6800 m；"
                        + "可挂载溶解氧、叶绿素、浊度传感器与采水器",
                "随船出海作业，须提前一个月提交航次计划与站位",
                "海洋温盐深剖面观测、水团分析与分层采水",
                m("Sea-Bird Scientific", "SBE 911plus", "US", 3, 2008, NOW, 80, 150),
                m("RBR", "concerto3", "CA", 2, 2015, NOW, 15, 40));
        t("adcp", "声学多普勒流速剖面仪", "Acoustic Doppler current profiler", MARINE, 1, 25, 150,
                "工作频率 300/600/1200 kHz；剖面范围 1–165 m；流速精度 ±0.3% ± 0.3 cm/s；单元数最多 255 个；具备底跟踪功能",
                "坐底、锚系或走航观测，须提供布放位置与观测时长",
                "海流剖面、波浪与断面流量观测",
                m("Teledyne RD Instruments", "Workhorse Sentinel 600", "US", 3, 2008, NOW),
                m("Nortek", "Signature1000", "NO", 2, 2015, NOW));
        t("multibeam", "多波束测深系统", "Multibeam echosounder", MARINE, 0.7, 200, 1000,
                "工作频率 200–400 kHz；波束数 ≥ 512；覆盖宽度可达水深 5.5 倍；测深精度满足 IHO S-44 特等；集成姿态与定位系统",
                "须提供测区范围、水深与航次计划",
                "海底地形测绘、水下工程与航道测量",
                m("Kongsberg Maritime", "EM 2040", "NO", 2, 2010, NOW),
                m("R2Sonic", "Sonic 2024", "US", 2, 2010, NOW, 200, 500));

        // ================================================================ 06 地球探测仪器
        t("seismometer", "宽频带地震计", "Broadband seismometer", EARTH_EXPLORATION, 1, 15, 150,
                "频带 120 s–50 Hz；自噪声低于全球低噪声模型（NLNM）；动态范围 > 140 dB；三分量；配 24 位数据采集器",
                "野外台站或流动观测，须提供台址与观测周期",
                "天然地震与微震监测、场地响应与背景噪声研究",
                m("Güralp Systems", "CMG-3T", "GB", 2, 2008, NOW),
                m("Nanometrics", "Trillium 120", "CA", 2, 2008, NOW),
                m("北京港震", "BBVS-120", "CN", 2, 2010, NOW, 15, 40));
        t("gpr", "探地雷达", "Ground-penetrating radar", EARTH_EXPLORATION, 1, 20, 150,
                "天线中心频率 100 MHz–2.6 GHz；探测深度 0.3–30 m（视介质而定）；采样率 ≥ 800 扫描/s；配 GPS 定位与三维成像软件",
                "现场探测，须提供测区、目标深度与介质情况",
                "地下管线、空洞、路面与隧道衬砌无损探测",
                m("GSSI", "SIR-4000", "US", 3, 2016, NOW),
                m("MALÅ", "GX", "SE", 2, 2016, NOW),
                m("中国电波传播研究所", "LTD-2600", "CN", 1, 2010, NOW, 20, 50));
        t("gravimeter", "相对重力仪", "Relative gravimeter", EARTH_EXPLORATION, 0.6, 80, 250,
                "测量范围 8000 mGal；读数分辨率 0.1 μGal；重复性 < 5 μGal；零漂 < 20 μGal/天；内置 GPS 与倾斜补偿",
                "野外或固定台站测量，须提供测线布置",
                "重力勘探、地壳形变与重力固体潮观测",
                m("Scintrex", "CG-6", "CA", 3, 2016, NOW),
                m("Micro-g LaCoste", "gPhoneX", "US", 1, 2013, NOW));

        // ================================================================ 07 大气探测仪器
        t("wind-lidar", "测风激光雷达", "Doppler wind lidar", ATMOSPHERIC, 1, 80, 400,
                "探测距离 40–6000 m；距离分辨率 25–75 m；风速精度 0.1 m/s；风向精度 2°；扫描方式 PPI/RHI/DBS",
                "固定站点或车载观测，须提供站点与观测周期",
                "三维风场、边界层高度与风切变观测",
                m("Vaisala", "WindCube Scan", "FR", 2, 2015, NOW, 200, 400),
                m("南京牧镭激光", "Molas 3D", "CN", 2, 2017, NOW, 80, 200));
        t("pm-monitor", "大气颗粒物监测仪", "Ambient particulate matter monitor", ATMOSPHERIC, 1, 15, 60,
                "测量原理 β 射线吸收与光散射；量程 0–10 mg/m³；分辨率 0.1 μg/m³；PM10/PM2.5 切割头；数据每分钟更新",
                "固定点位连续监测，须提供站房与供电条件",
                "PM2.5/PM10 质量浓度连续监测与污染过程研究",
                m("Thermo Fisher Scientific", "5030i SHARP", "US", 2, 2010, NOW),
                m("Met One Instruments", "BAM-1020", "US", 2, 2008, NOW));
        t("weather-station", "自动气象站", "Automatic weather station", ATMOSPHERIC, 1, 10, 50,
                "气温 −50 ~ +60 °C（±0.1 °C）；相对湿度 0–100%；风速 0–75 m/s；气压 500–1100 hPa；雨量、辐射与能见度传感器可选",
                "固定站点观测，须提供站址与通信条件",
                "地面气象要素连续观测与微气象研究",
                m("Vaisala", "AWS310", "FI", 2, 2010, NOW),
                m("华云升达", "CAWS600", "CN", 2, 2010, NOW, 10, 30));

        // ================================================================ 09 医学诊断仪器
        t("mri", "磁共振成像系统", "Magnetic resonance imaging system", MEDICAL_DIAGNOSTIC, 1.5, 600, 3000,
                "场强 1.5 T/3.0 T；梯度场强 80 mT/m，切换率 200 T/m/s；孔径 60–70 cm；多通道射频接收（≥ 64 通道）；"
                        + "支持功能成像、弥散张量与波谱成像",
                "受检者须无心脏起搏器等磁共振禁忌；科研扫描须经伦理审批；离体样本或动物须提前沟通线圈与固定方式",
                "临床科研成像、脑功能与弥散成像、磁共振波谱分析",
                m("Siemens Healthineers", "MAGNETOM Prisma", "DE", 2, 2014, NOW, 1500, 3000),
                m("GE HealthCare", "SIGNA Premier", "US", 1, 2018, NOW, 1500, 3000),
                m("联影医疗", "uMR 790", "CN", 2, 2017, NOW, 1200, 2500),
                m("Philips", "Ingenia 3.0T", "NL", 1, 2012, NOW, 1000, 2200),
                m("联影医疗", "uMR 588", "CN", 1, 2016, NOW, 600, 1000));
        t("ct", "计算机断层扫描系统（CT）", "Computed tomography scanner", MEDICAL_DIAGNOSTIC, 2, 300, 2000,
                "探测器宽度 4–16 cm；最薄层厚 0.5–0.625 mm；机架旋转速度 0.25–0.35 s/圈；能谱成像；低剂量迭代重建",
                "受检者须符合放射防护要求；科研扫描须经伦理审批",
                "临床与科研 CT 成像、能谱分析、冠脉成像",
                m("Siemens Healthineers", "SOMATOM Force", "DE", 2, 2014, NOW, 1200, 2000),
                m("GE HealthCare", "Revolution CT", "US", 2, 2015, NOW, 1000, 1800),
                m("联影医疗", "uCT 760", "CN", 2, 2015, NOW, 300, 600),
                m("Canon Medical Systems", "Aquilion ONE", "JP", 1, 2012, NOW, 1000, 1800));
        t("pet-ct", "正电子发射断层扫描/CT（PET/CT）", "PET/CT scanner", MEDICAL_DIAGNOSTIC, 0.5, 1500, 3500,
                "PET 轴向视野 ≥ 20 cm；系统灵敏度 ≥ 16 kcps/MBq；飞行时间（TOF）时间分辨率 ≤ 250 ps；配 64–128 排 CT",
                "受检者须按核医学科流程预约；科研显像剂须取得相应审批",
                "肿瘤、神经与心脏分子影像，显像剂研发评价",
                m("联影医疗", "uMI 780", "CN", 2, 2018, NOW),
                m("Siemens Healthineers", "Biograph Vision", "DE", 1, 2018, NOW),
                m("GE HealthCare", "Discovery MI", "US", 1, 2016, NOW));
        t("dr", "数字化X射线摄影系统（DR）", "Digital radiography system", MEDICAL_DIAGNOSTIC, 1.5, 60, 300,
                "平板探测器 43 cm × 43 cm，像素尺寸 ≤ 140 μm；高压发生器 ≥ 65 kW；全脊柱、全下肢自动拼接；剂量面积乘积监测",
                "受检者须符合放射防护要求",
                "数字 X 射线摄影、骨科与胸部影像",
                m("联影医疗", "uDR 780i", "CN", 3, 2017, NOW),
                m("Siemens Healthineers", "Ysio Max", "DE", 2, 2012, NOW),
                m("Philips", "DigitalDiagnost C90", "NL", 1, 2019, NOW));
        t("ultrasound", "彩色多普勒超声诊断系统", "Colour Doppler ultrasound system", MEDICAL_DIAGNOSTIC, 2, 50, 300,
                "探头频率 1–24 MHz；全数字波束形成；弹性成像、造影成像与三维/四维成像；动态范围 ≥ 300 dB",
                "受检者须预约；动物研究须使用专用探头并提前说明物种",
                "临床与科研超声成像、弹性与造影分析、小动物超声",
                m("迈瑞医疗", "Resona 7", "CN", 3, 2017, NOW),
                m("GE HealthCare", "LOGIQ E10", "KR", 1, 2018, NOW),
                m("Philips", "EPIQ 7", "US", 2, 2013, NOW),
                m("FUJIFILM VisualSonics", "Vevo 3100", "CA", 1, 2016, NOW));
        t("haematology", "全自动血液细胞分析仪", "Automated haematology analyser", MEDICAL_DIAGNOSTIC, 1.5, 20, 120,
                "检测速度 ≥ 100 样本/h；报告参数 ≥ 30 项（含 CBC、DIFF、RET）；荧光流式与鞘流阻抗法；全血进样量 ≤ 100 μL",
                "EDTA-K2 抗凝全血 ≥ 1 mL，采血后 4 h 内送检，无凝块、无溶血",
                "血常规、网织红细胞与体液细胞分析",
                m("迈瑞医疗", "BC-6800Plus", "CN", 3, 2018, NOW),
                m("Sysmex", "XN-1000", "JP", 2, 2011, NOW));
        t("in-vivo-imaging", "小动物活体成像系统", "In vivo small-animal imaging system", MEDICAL_DIAGNOSTIC, 1, 100, 400,
                "生物发光与荧光成像，激发滤光片 10 个、发射滤光片 18 个；生物发光检测灵敏度 < 100 个细胞；三维断层重建；配气体麻醉系统",
                "动物须经伦理审批并附 SPF 级动物合格证明；须注明荧光素酶或荧光标记类型",
                "肿瘤生长与转移、药物分布与基因表达的活体成像",
                m("PerkinElmer", "IVIS Spectrum", "US", 3, 2010, NOW),
                m("Bruker", "In-Vivo Xtreme", "US", 1, 2012, NOW));

        // ================================================================ 10 核仪器
        t("hpge", "高纯锗γ能谱仪", "HPGe gamma-ray spectrometer", NUCLEAR, 1, 30, 150,
                "相对探测效率 40%；能量分辨率 ≤ 1.85 keV（1.33 MeV）；能量范围 40 keV–10 MeV；低本底铅室；16k 道数字化多道分析器",
                "固体、液体样品按 GB/T 16145 制样，装入 Φ75 mm 样品盒密封 3 周；须注明预期核素与活度范围",
                "环境、食品与建材中放射性核素分析",
                m("ORTEC", "GEM40P4-76", "US", 3, 2008, NOW),
                m("Mirion Technologies (Canberra)", "BE3830", "US", 2, 2008, NOW));
        t("lsc", "液体闪烁计数器", "Liquid scintillation counter", NUCLEAR, 1, 30, 100,
                "能量范围 0–2000 keV；3H 计数效率 ≥ 60%、14C ≥ 95%；本底 ≤ 15 cpm；α/β 甄别",
                "样品与闪烁液混合装入 20 mL 计数瓶；须注明核素与活度",
                "3H、14C 等低能 β 核素测量，总 α/β 放射性测定",
                m("PerkinElmer", "Tri-Carb 4910TR", "US", 3, 2014, NOW),
                m("Hidex", "300 SL", "FI", 1, 2010, NOW));

        // ================================================================ 11 特种检测仪器
        t("industrial-ct", "工业CT", "Industrial computed tomography system", SPECIAL_INSPECTION, 2, 150, 1500,
                "射线源 225–450 kV（可选微焦点/纳焦点）；纳焦点模式焦点尺寸 ≤ 1 μm；平板探测器 2000 × 2000 像素；"
                        + "尺寸测量误差 (4.5 + L/75) μm",
                "工件尺寸 ≤ Φ500 mm × 600 mm，质量 ≤ 50 kg；须说明材料与关注的缺陷类型",
                "内部缺陷无损检测、装配分析、尺寸测量与逆向工程",
                m("ZEISS", "METROTOM 1500", "DE", 2, 2015, NOW, 500, 1000),
                m("Waygate Technologies", "phoenix v|tome|x m", "DE", 2, 2012, NOW, 400, 1500),
                m("三英精密", "nanoVoxel-3000", "CN", 2, 2016, NOW, 150, 400));
        t("xray-inspection", "微焦点X射线检测系统", "Microfocus X-ray inspection system", SPECIAL_INSPECTION, 2, 30, 200,
                "微焦点射线管 90–160 kV，焦点尺寸 ≤ 1 μm；几何放大倍数 ≥ 2000×；70° 斜视检测；BGA 空洞自动分析",
                "PCB、芯片封装与电池等样品尺寸 ≤ 500 mm × 400 mm；须说明检测部位",
                "电子组件焊点、BGA 空洞、电池极片对齐等无损检测",
                m("日联科技", "AX8200", "CN", 3, 2015, NOW, 30, 80),
                m("Nordson DAGE", "XD7600NT", "GB", 2, 2012, NOW, 80, 200),
                m("YXLON", "Cheetah EVO", "DE", 1, 2014, NOW, 100, 200));
        t("phased-array", "超声相控阵检测仪", "Phased-array ultrasonic flaw detector", SPECIAL_INSPECTION, 1.5, 15, 80,
                "通道配置 32:128；频率 0.5–18 MHz；全聚焦（TFM）成像；扫描速率 ≥ 10 kHz；配 TOFD 通道与编码器扫查器",
                "焊缝、锻件与复合材料现场或实验室检测，须提供结构图与厚度",
                "焊缝与材料内部缺陷检测、TOFD 与全聚焦成像",
                m("Olympus", "OmniScan X3", "CA", 3, 2020, NOW),
                m("汕头超声", "CTS-PA322T", "CN", 2, 2016, NOW, 15, 40),
                m("Olympus", "OmniScan MX2", "CA", 2, 2011, 2020));
        t("micro-ct", "X射线显微CT", "X-ray micro-computed tomography system", SPECIAL_INSPECTION, 1.5, 150, 800,
                "最小体素尺寸 0.35 μm；射线源 20–160 kV；探测器 4000 × 2700 像素；样品台承重 ≤ 25 kg；支持原位加载",
                "样品尺寸 ≤ Φ75 mm × 70 mm；生物样品须固定脱水；须注明所需分辨率",
                "多孔材料、骨骼与岩芯的三维无损成像与孔隙分析",
                m("Bruker", "SkyScan 1272", "BE", 2, 2014, NOW, 150, 300),
                m("ZEISS", "Xradia 620 Versa", "US", 2, 2019, NOW, 500, 800));

        // ================================================================ 12 激光器
        t("fs-laser", "飞秒激光器", "Femtosecond laser system", LASER, 2, 80, 3000,
                "中心波长 800 nm/1030 nm；脉宽 < 35–290 fs；单脉冲能量 1–7 mJ；重复频率 1 kHz–1 MHz；"
                        + "配光参量放大器（OPA），波长扩展至 240–2600 nm",
                "用户须通过激光安全培训；光路调整由平台人员完成",
                "超快光谱、飞秒微纳加工与强场物理实验",
                m("Coherent", "Astrella", "US", 2, 2016, NOW, 200, 400),
                m("Spectra-Physics", "Solstice Ace", "US", 2, 2014, NOW, 200, 400),
                m("Light Conversion", "PHAROS", "LT", 2, 2010, NOW, 80, 250),
                m("Amplitude Laser", "Pulsar", "FR", 0.3, 2008, NOW, 800, 3000));
        t("fibre-laser", "高功率光纤激光器", "High-power fibre laser", LASER, 2, 10, 150,
                "输出功率 1–12 kW；波长 1070–1080 nm；光束质量 M² ≤ 1.2（单模）；功率稳定性 ±1.5%；调制频率 0–50 kHz",
                "用于材料焊接与切割工艺试验，须提供材料牌号与厚度",
                "激光焊接、切割与熔覆工艺试验",
                m("锐科激光", "RFL-C6000", "CN", 3, 2016, NOW, 20, 80),
                m("IPG Photonics", "YLS-6000", "US", 2, 2010, NOW, 60, 150),
                m("创鑫激光", "MFSC-3000", "CN", 2, 2015, NOW, 10, 40));
        t("cw-tunable-laser", "连续波可调谐激光器", "Continuous-wave tunable laser", LASER, 1.5, 30, 250,
                "调谐范围 700–1000 nm（钛宝石）或 915–985 nm（半导体外腔）；线宽 < 100 kHz；输出功率 ≥ 2 W；波长计闭环锁定",
                "用户须通过激光安全培训，自备实验光路或使用平台光学平台",
                "原子分子光谱、量子光学与精密测量实验",
                m("M Squared Lasers", "SolsTiS", "GB", 2, 2012, NOW, 100, 250),
                m("TOPTICA Photonics", "DL pro", "DE", 3, 2010, NOW, 30, 80),
                m("Coherent", "Verdi V-18", "US", 1, 2008, 2020, 80, 150));
        t("excimer-laser", "准分子激光器", "Excimer laser", LASER, 1, 60, 300,
                "波长 248 nm（KrF）/193 nm（ArF）/308 nm（XeCl）；单脉冲能量 ≥ 600 mJ；重复频率 1–50 Hz；脉冲能量稳定性 < 1%（rms）",
                "用于脉冲激光沉积与微加工实验，须提供靶材与基片信息",
                "脉冲激光沉积（PLD）、准分子激光退火与微加工",
                m("Coherent", "LPXpro 305", "DE", 3, 2008, NOW),
                m("Coherent", "COMPexPro 205", "DE", 2, 2008, NOW));

        // ================================================================ 13 工艺试验设备
        t("mask-aligner", "紫外光刻机", "UV mask aligner", PROCESS_TEST, 2, 50, 300,
                "晶圆尺寸 ≤ 150 mm；曝光波长 365/405 nm（可选深紫外 250 nm）；真空接触分辨率 ≤ 0.8 μm；对准精度 ±0.5 μm（正面）/±1 μm（背面）",
                "基片须注明尺寸与光刻胶类型；掩模版自备或委托制作；须通过洁净室培训后上机",
                "接触与接近式光刻、双面对准光刻",
                m("SUSS MicroTec", "MA6 Gen4", "DE", 3, 2016, NOW, 150, 300),
                m("EV Group", "EVG 610", "AT", 2, 2010, NOW, 100, 250),
                m("SUSS MicroTec", "MJB4", "DE", 1, 2008, NOW, 50, 100));
        t("ebl", "电子束光刻系统", "Electron-beam lithography system", PROCESS_TEST, 0.5, 400, 4000,
                "加速电压 100 kV；最小线宽 ≤ 8 nm；拼接精度 ≤ 20 nm；套刻精度 ≤ 20 nm；晶圆尺寸 ≤ 200 mm",
                "须提供 GDSII 版图、基片与抗蚀剂信息；须通过洁净室培训",
                "纳米图形直写、光掩模与纳米器件制作",
                m("JEOL", "JBX-8100FS", "JP", 2, 2016, NOW, 2500, 4000),
                m("Raith", "EBPG5200", "NL", 2, 2014, NOW, 2000, 3500),
                m("Raith", "eLINE Plus", "DE", 1, 2014, NOW, 400, 800));
        t("laser-writer", "激光直写光刻系统", "Laser direct-write lithography system", PROCESS_TEST, 1, 80, 500,
                "最小特征尺寸 0.3–0.6 μm；写场 ≤ 200 mm × 200 mm；灰度曝光 1000 级；对准精度 ±0.25 μm",
                "须提供版图文件与基片信息；须通过洁净室培训",
                "掩模版制作、无掩模光刻与灰度微结构加工",
                m("Heidelberg Instruments", "DWL 66+", "DE", 3, 2014, NOW, 150, 500),
                m("Durham Magneto Optics", "MicroWriter ML3", "GB", 2, 2016, NOW, 80, 150));
        t("metal-am", "金属3D打印机", "Metal additive manufacturing system (laser powder bed fusion)", PROCESS_TEST, 2, 150,
                800,
                "成形尺寸 250 mm × 250 mm × 325 mm；激光功率 400–500 W（可选多激光）；层厚 20–100 μm；惰性气体保护，氧含量 < 0.1%",
                "须提供 STL 模型与粉末材料牌号（钛合金、铝合金、不锈钢、高温合金等）；自带粉末须附粒度报告",
                "金属零件快速成形、工艺参数开发与后处理",
                m("EOS", "M 290", "DE", 3, 2014, NOW, 400, 700),
                m("铂力特", "BLT-S310", "CN", 2, 2016, NOW, 200, 400),
                m("华曙高科", "FS271M", "CN", 2, 2017, NOW, 150, 300),
                m("SLM Solutions", "SLM 280", "DE", 1, 2013, NOW, 400, 800));
        t("polymer-3dp", "高分子3D打印机", "Polymer 3D printer", PROCESS_TEST, 1.5, 20, 150,
                "成形尺寸 ≥ 300 mm × 300 mm × 300 mm；层厚 16–100 μm；打印材料：光敏树脂、尼龙、TPU；尺寸精度 ±0.1 mm",
                "须提供 STL 模型，并注明材料与力学、透明度要求",
                "原型件与功能件打印、微流控芯片与医学模型制作",
                m("Stratasys", "J750", "US", 2, 2016, NOW, 80, 150),
                m("联泰科技", "Lite600", "CN", 2, 2015, NOW, 20, 60),
                m("EOS", "FORMIGA P 110", "DE", 1, 2014, NOW, 80, 150));
        t("sputtering", "磁控溅射镀膜系统", "Magnetron sputtering system", PROCESS_TEST, 2.5, 40, 400,
                "靶位 3–6 个（直流、射频、脉冲直流）；本底真空 ≤ 5×10⁻⁵ Pa；基片加热 ≤ 800 °C；膜厚均匀性 ≤ ±3%（Φ100 mm）；"
                        + "支持共溅射与反应溅射",
                "基片尺寸 ≤ Φ100 mm，须清洁干燥；靶材须注明成分或由平台提供",
                "金属、氧化物与氮化物薄膜沉积，多层膜与合金薄膜制备",
                m("沈阳科仪", "JGP-560", "CN", 3, 2008, NOW, 40, 100),
                m("AJA International", "ATC Orion 8", "US", 2, 2010, NOW, 150, 400),
                m("Kurt J. Lesker", "PVD 75", "US", 1, 2008, NOW, 150, 350));
        t("icp-etcher", "感应耦合等离子体刻蚀机", "Inductively coupled plasma etcher", PROCESS_TEST, 1.5, 150, 800,
                "ICP 源功率 ≤ 3 kW，射频偏压 ≤ 600 W；晶圆 ≤ 200 mm；气体 Cl2/BCl3/SF6/C4F8/O2/Ar；下电极温控 −150 ~ +400 °C；"
                        + "支持 Bosch 深硅刻蚀",
                "须提供材料、掩模与刻蚀深度要求；须通过洁净室培训",
                "硅、III-V 族、介质与金属材料干法刻蚀",
                m("Oxford Instruments", "PlasmaPro 100 Cobra", "GB", 3, 2012, NOW),
                m("SAMCO", "RIE-400iP", "JP", 2, 2012, NOW, 150, 300),
                m("SENTECH", "SI 500", "DE", 1, 2010, NOW, 200, 400));
        t("ald", "原子层沉积系统", "Atomic layer deposition system", PROCESS_TEST, 1.5, 80, 300,
                "热型与等离子体增强 ALD；基片 ≤ 200 mm；前驱体源 ≥ 4 路；膜厚不均匀性 < 1%；沉积温度 25–500 °C",
                "基片须清洁；须注明目标材料（Al2O3、HfO2、TiO2、ZnO 等）与厚度",
                "高 k 介质、钝化层与催化剂包覆层的原子层沉积",
                m("Beneq", "TFS 200", "FI", 3, 2010, NOW),
                m("Picosun", "R-200 Advanced", "FI", 2, 2012, NOW),
                m("Veeco", "Fiji G2", "US", 1, 2014, NOW));
        t("mbe", "分子束外延系统", "Molecular beam epitaxy system", PROCESS_TEST, 0.5, 500, 2000,
                "生长室本底真空 ≤ 5×10⁻¹¹ Torr；源炉 8–12 个；衬底 ≤ 3 英寸，加热 ≤ 1200 °C；配 RHEED 原位监测与束流计",
                "须提供外延结构设计与衬底信息；合作研究须签署技术协议",
                "III-V 族、氧化物与二维材料单晶薄膜外延生长",
                m("Riber", "Compact 21", "FR", 2, 2008, NOW),
                m("Veeco", "GEN930", "US", 2, 2010, NOW),
                m("DCA Instruments", "R450", "FI", 1, 2012, NOW));
        t("pecvd", "等离子体增强化学气相沉积系统", "Plasma-enhanced chemical vapour deposition system", PROCESS_TEST, 1.5,
                60, 300,
                "射频 13.56 MHz，功率 ≤ 600 W；基片 ≤ 200 mm，温度 ≤ 400 °C；可沉积 SiO2、Si3N4、a-Si；膜厚均匀性 ≤ ±3%",
                "基片须清洁并注明材质；须通过洁净室培训",
                "介质薄膜与非晶硅沉积、钝化层制备",
                m("Oxford Instruments", "PlasmaPro 100 PECVD", "GB", 2, 2012, NOW),
                m("SENTECH", "SI 500 D", "DE", 1, 2010, NOW));
        t("laser-processing", "激光加工系统", "Laser processing system", PROCESS_TEST, 2, 30, 400,
                "光纤或超快激光源，功率 20 W–6 kW；定位精度 ±0.01 mm；切割机型加工幅面 ≥ 3000 mm × 1500 mm；"
                        + "精细加工机型振镜扫描速度 ≥ 5 m/s",
                "须提供材料、厚度与加工图纸（DXF）",
                "激光切割、打标、焊接与精密微加工工艺试验",
                m("大族激光", "G3015HF", "CN", 3, 2017, NOW, 100, 300),
                m("TRUMPF", "TruLaser 3030", "DE", 2, 2010, NOW, 200, 400),
                m("LPKF Laser & Electronics", "ProtoLaser U4", "DE", 1, 2014, NOW, 50, 120));
        t("climatic-chamber", "高低温湿热试验箱", "Climatic test chamber", PROCESS_TEST, 3, 10, 80,
                "温度范围 −70 ~ +180 °C；湿度范围 10–98% RH；温度波动度 ±0.3 °C；升降温速率 ≥ 5 °C/min；内容积 225–1000 L",
                "受试样品须注明尺寸、发热功率与试验标准（GB/T 2423.1/2/3 等）",
                "高温、低温、湿热与温度循环可靠性试验",
                m("ESPEC", "PL-3KPH", "JP", 2, 2008, NOW, 20, 60),
                m("Weiss Technik", "WKL 100", "DE", 1, 2010, NOW, 30, 80),
                m("上海一恒", "BPS-250CB", "CN", 2, 2010, NOW, 10, 25));
        t("thermal-shock", "冷热冲击试验箱", "Thermal shock chamber", PROCESS_TEST, 1.5, 20, 100,
                "高温区 +60 ~ +200 °C；低温区 −65 ~ 0 °C；转换时间 ≤ 10 s；温度恢复时间 ≤ 5 min；两箱式",
                "须提供样品尺寸、数量与循环条件",
                "电子元器件、材料与整机温度冲击可靠性试验",
                m("ESPEC", "TSA-73EL", "JP", 3, 2010, NOW),
                m("Weiss Technik", "ShockEvent T/120/V2", "DE", 1, 2014, NOW));
        t("dicing-saw", "精密划片机", "Dicing saw", PROCESS_TEST, 1.5, 60, 300,
                "主轴转速 6,000–60,000 rpm；晶圆 ≤ 300 mm；切割精度 ±1.5 μm；全自动对准；切割道宽度 ≥ 30 μm",
                "晶圆须贴膜并提供切割道坐标；须说明材料（Si、GaAs、玻璃、陶瓷等）",
                "晶圆与基板精密切割、开槽",
                m("DISCO", "DAD3350", "JP", 3, 2010, NOW),
                m("ADT", "7900 Duo", "IL", 1, 2012, NOW));
        t("wire-bonder", "引线键合机", "Wire bonder", PROCESS_TEST, 1.5, 20, 150,
                "金线、铝线或铜线直径 15–75 μm；键合精度 ±2 μm；球焊与楔焊；超声功率与键合力闭环控制",
                "须提供芯片与基板、焊盘图与键合图",
                "芯片封装键合、失效分析制样",
                m("Kulicke & Soffa", "IConn", "SG", 2, 2009, NOW, 60, 150),
                m("West·Bond", "7476E", "US", 2, 2008, NOW, 20, 50),
                m("TPT", "HB16", "DE", 1, 2012, NOW, 20, 50));
        t("rtp", "快速退火炉", "Rapid thermal processing system", PROCESS_TEST, 1, 40, 200,
                "升温速率 ≤ 150 °C/s；最高温度 1250 °C；温度均匀性 ±2 °C；晶圆 ≤ 150 mm；N2/Ar/O2/合成气气氛",
                "须提供基片与退火曲线；含易挥发元素的样品须说明",
                "快速热退火、欧姆接触合金化、离子注入后激活",
                m("AnnealSys", "AS-One 150", "FR", 2, 2010, NOW),
                m("ULVAC", "MILA-5050", "JP", 1, 2010, NOW, 40, 100));

        // ================================================================ 14 计算机及其配套设备
        t("hpc", "高性能计算集群", "High-performance computing cluster", COMPUTING, 2, 100, 6000,
                "计算节点 64–1024 个，双路 x86 或鲲鹏处理器；总峰值 0.5–20 PFLOPS；100/200 Gb/s InfiniBand 或 RoCE 互联；"
                        + "并行文件系统 1–20 PB；Slurm 作业调度",
                "用户须申请账号并提交计算需求（核时、软件、存储）；商业软件须自备许可",
                "科学计算、分子动力学、CFD 与 AI 训练算力服务",
                m("联想", "ThinkSystem SD650", "CN", 2, 2018, NOW, 500, 6000),
                m("中科曙光", "TC6600", "CN", 2, 2016, NOW, 300, 3000),
                m("华为", "FusionServer Pro 2288H V6 集群", "CN", 2, 2020, NOW, 200, 2000),
                m("浪潮", "NF5280M6 集群", "CN", 2, 2020, NOW, 100, 1500));
        t("gpu-server", "GPU计算服务器", "GPU compute server", COMPUTING, 3, 50, 400,
                "8 × GPU（80 GB 显存级别或昇腾 910），NVLink/HCCS 高速互联；双路 64 核 CPU；内存 1–2 TB；NVMe 存储 ≥ 15 TB；200 Gb/s 网络",
                "须申请账号并说明框架、镜像与 GPU 机时",
                "深度学习训练与推理、分子模拟 GPU 加速",
                m("NVIDIA", "DGX A100", "US", 2, 2020, NOW, 150, 400),
                m("浪潮", "NF5488A5", "CN", 3, 2020, NOW, 100, 250),
                m("华为", "Atlas 800 训练服务器（型号 9000）", "CN", 2, 2019, NOW, 150, 300));
        t("storage", "科研数据存储系统", "Research data storage system", COMPUTING, 2, 40, 500,
                "裸容量 500 TB–5 PB；全闪存或混合闪存；双控制器冗余；NFS/CIFS/S3 协议；聚合带宽 ≥ 20 GB/s",
                "须说明数据规模、访问协议与备份需求",
                "科研数据存储、备份与共享",
                m("华为", "OceanStor 5500 V5", "CN", 3, 2017, NOW),
                m("中科曙光", "ParaStor 300S", "CN", 2, 2016, NOW),
                m("Dell Technologies", "PowerScale H700", "US", 1, 2020, NOW));
        t("workstation", "高性能图形工作站", "High-performance graphics workstation", COMPUTING, 3, 10, 60,
                "双路至强可扩展处理器（≥ 56 核）；内存 512 GB–1 TB；专业图形卡 × 2；NVMe 存储 8 TB",
                "用户须预约上机时段，并说明所需软件",
                "三维重构、图像处理、仿真建模与可视化",
                m("Dell Technologies", "Precision 7920 Tower", "CN", 3, 2018, NOW),
                m("HP", "Z8 G4", "CN", 2, 2017, NOW),
                m("联想", "ThinkStation P920", "CN", 3, 2017, NOW));

        // ================================================================ 15 其他
        t("ultracentrifuge", "超速离心机", "Ultracentrifuge", OTHER, 3, 60, 150,
                "最高转速 100,000 rpm；最大相对离心力 802,000 × g；温控 0–40 °C；真空系统；兼容固定角、水平与垂直转头",
                "样品须装入配套离心管并严格配平；须注明是否含病原微生物或放射性物质",
                "细胞器、病毒、蛋白与核酸的分离纯化，密度梯度离心",
                m("Beckman Coulter", "Optima XPN-100", "US", 3, 2012, NOW),
                m("Thermo Fisher Scientific", "Sorvall WX+", "DE", 2, 2012, NOW),
                m("Himac", "CP100NX", "JP", 2, 2013, NOW));
        t("freeze-dryer", "冷冻干燥机", "Freeze dryer", OTHER, 3, 10, 200,
                "冷阱温度 −85 ~ −105 °C；冷阱捕水量 6–10 kg；搁板面积 0.1–0.5 m²，搁板温控 −50 ~ +60 °C；真空度 ≤ 1 Pa；配压塞装置",
                "样品须预冻并注明溶剂体系；含有机溶剂样品须提前说明",
                "生物制品、药物与材料的冷冻干燥及冻干工艺开发",
                m("Labconco", "FreeZone 6L", "US", 2, 2010, NOW, 10, 30),
                m("Martin Christ", "Epsilon 2-10D LSCplus", "DE", 2, 2012, NOW, 60, 200),
                m("宁波新芝", "Scientz-50F", "CN", 2, 2012, NOW, 10, 20));
        t("biosafety-cabinet", "生物安全柜", "Biological safety cabinet", OTHER, 2, 10, 40,
                "II 级 A2/B2 型；下降气流 0.25–0.50 m/s；HEPA 过滤效率 ≥ 99.995%（0.3 μm）；噪声 ≤ 67 dB(A)",
                "仅限 BSL-2 及以下微生物操作，须通过生物安全培训",
                "微生物与细胞无菌操作",
                m("Thermo Fisher Scientific", "1300 Series A2", "US", 2, 2010, NOW, 10, 20),
                m("海尔生物医疗", "HR40-IIA2", "CN", 3, 2015, NOW, 10, 15),
                m("Esco", "Labculture LA2", "SG", 1, 2010, NOW, 10, 15));
        t("liquid-handler", "全自动液体处理工作站", "Automated liquid handling workstation", OTHER, 2, 50, 300,
                "8/96 通道移液头；移液范围 0.5–1000 μL，CV ≤ 2%（10 μL）；机械臂抓板；台面 ≥ 30 个板位；可集成 PCR 仪、封膜机与酶标仪",
                "须提供板型、试剂与实验流程需求",
                "高通量样本前处理、文库构建与药物筛选自动化",
                m("Beckman Coulter", "Biomek i7", "US", 2, 2016, NOW),
                m("Hamilton", "Microlab STAR", "CH", 2, 2008, NOW),
                m("Tecan", "Fluent", "CH", 2, 2015, NOW));
        t("qpcr", "实时荧光定量PCR仪", "Real-time PCR system", OTHER, 3, 15, 60,
                "96 孔板，反应体积 10–100 μL；激发/检测通道 5–6 个；温控精度 ±0.25 °C；升降温速率 ≥ 5 °C/s；支持熔解曲线与高分辨熔解（HRM）",
                "核酸样品须纯化，提供引物/探针信息；须注明是否含病原体",
                "基因表达定量、基因分型与病原检测",
                m("Thermo Fisher Scientific", "QuantStudio 5", "SG", 3, 2015, NOW),
                m("Bio-Rad", "CFX96 Touch", "US", 2, 2012, NOW),
                m("Roche", "LightCycler 480 II", "CH", 2, 2008, NOW),
                m("宏石医疗", "SLAN-96S", "CN", 2, 2015, NOW, 15, 25));
        t("ultrapure-water", "超纯水系统", "Ultrapure water system", OTHER, 1.5, 10, 40,
                "产水电阻率 18.2 MΩ·cm（25 °C）；TOC ≤ 5 ppb；产水流速 1.5–2 L/min；配超滤与紫外模块，内毒素 < 0.001 EU/mL",
                "须自备洁净取水容器，按实验室用水规范使用",
                "实验用超纯水制备",
                m("Merck", "Milli-Q IQ 7000", "FR", 3, 2018, NOW),
                m("上海和泰", "Master-S UVF", "CN", 2, 2012, NOW, 10, 15),
                m("ELGA LabWater", "PURELAB Chorus 1", "GB", 1, 2016, NOW));
        t("biobank", "全自动样本存储系统", "Automated biobank storage system", OTHER, 0.8, 300, 1500,
                "存储温度 −80 °C（可选 −150 °C 气相液氮）；容量 50,000–500,000 管；单管拣选速度 ≥ 300 管/h；全程温度监控与条码追溯",
                "样本须使用二维码冻存管并提供样本信息数据；须签署样本保藏协议",
                "生物样本长期低温保藏与自动化出入库",
                m("Brooks Life Sciences", "BioStore IIIc", "US", 2, 2015, NOW),
                m("Hamilton Storage", "BiOS", "CH", 2, 2012, NOW, 500, 1500));
        t("glovebox", "惰性气体手套箱", "Inert-gas glovebox", OTHER, 2, 15, 60,
                "水、氧含量 < 0.1 ppm；操作工位 2–4 个；气体净化自动再生；压力控制 ±15 mbar；可集成旋涂仪、蒸镀设备与冷阱",
                "样品须经过渡舱抽换气进入；不接受与净化材料反应的强氧化剂及大量含硫、含卤素样品",
                "锂电池组装、钙钛矿与有机电子器件制备、空气敏感材料操作",
                m("MBRAUN", "UNIlab Pro", "DE", 2, 2012, NOW, 30, 60),
                m("米开罗那", "Universal 2440/750", "CN", 3, 2012, NOW, 15, 35));
        t("bioreactor", "生物反应器", "Bioreactor", OTHER, 2, 20, 300,
                "工作体积 1–50 L（玻璃罐或不锈钢罐）；pH、溶氧、温度、搅拌与补料闭环控制；尾气 O2/CO2 分析；适用于微生物与细胞培养",
                "须提供菌株或细胞系信息与生物安全等级，仅接受 BSL-1/2 微生物",
                "发酵工艺开发、细胞培养放大与代谢调控研究",
                m("Sartorius", "BIOSTAT B", "DE", 2, 2010, NOW, 30, 100),
                m("Eppendorf", "BioFlo 320", "US", 2, 2014, NOW, 30, 80),
                m("上海保兴", "BIOTECH-50JS", "CN", 2, 2010, NOW, 20, 100));
        t("patch-clamp", "膜片钳系统", "Patch-clamp electrophysiology system", OTHER, 1, 60, 250,
                "放大器电流噪声 < 0.1 pA rms（0.1–5 kHz）；电压钳与电流钳模式；16 位数据采集 250 kHz；配显微镜、防震台与微操纵器",
                "急性脑片、培养神经元或表达细胞系；须提供溶液配方与刺激方案",
                "离子通道电生理记录、神经元兴奋性与突触传递研究",
                m("Molecular Devices", "Axon MultiClamp 700B", "US", 3, 2008, NOW),
                m("HEKA", "EPC 10 USB", "DE", 2, 2008, NOW));
        t("homogeniser", "高压均质机", "High-pressure homogeniser", OTHER, 1.5, 15, 80,
                "最高压力 1500–2000 bar；处理量 1–15 L/h；最小处理体积 8 mL；温控夹套；纳米乳液粒径可达 100 nm 以下",
                "液体样品 ≥ 10 mL，不得含硬质大颗粒（< 100 μm）",
                "细胞破碎、纳米乳液与脂质体制备",
                m("安拓思", "AH-1500", "CN", 2, 2012, NOW, 15, 40),
                m("Microfluidics", "LM20", "US", 2, 2012, NOW, 40, 80),
                m("GEA", "Panda PLUS 2000", "IT", 1, 2010, NOW));
        t("industrial-robot", "工业机器人工作站", "Industrial robot workstation", OTHER, 2, 20, 120,
                "负载 20–300 kg；重复定位精度 ±0.02–0.05 mm；6 轴；配视觉引导、力控传感器与离线编程软件",
                "须提供工装、工件与工艺节拍需求",
                "自动化装配、焊接、打磨与人机协作试验",
                m("ABB", "IRB 6700", "SE", 2, 2013, NOW),
                m("KUKA", "KR QUANTEC", "DE", 2, 2012, NOW),
                m("FANUC", "M-20iD", "JP", 2, 2017, NOW));
        t("spray-dryer", "小型喷雾干燥仪", "Laboratory spray dryer", OTHER, 1, 10, 40,
                "最高进风温度 220 °C；水蒸发能力 1 L/h；颗粒粒径 2–25 μm；可配惰性气体闭环回路处理有机溶剂",
                "溶液或悬浮液 ≥ 50 mL，固含量 ≤ 30%；有机溶剂体系须提前说明",
                "微胶囊、粉体与药物制剂喷雾干燥",
                m("BÜCHI", "B-290", "CH", 3, 2008, NOW),
                m("Yamato Scientific", "ADL311S", "JP", 1, 2010, NOW));
        t("high-content", "高内涵成像分析系统", "High-content imaging system", OTHER, 1.5, 150, 600,
                "宽场与转盘共聚焦双模式；物镜 4×–63×（含水镜）；5–7 个激发通道；活细胞环境控制；1536 孔板自动成像与智能图像分析",
                "细胞样品须使用黑壁透明底微孔板，注明荧光标记与板型",
                "细胞表型筛选、药物高通量筛选与活细胞动态成像",
                m("PerkinElmer", "Opera Phenix", "DE", 2, 2016, NOW),
                m("Molecular Devices", "ImageXpress Micro Confocal", "US", 2, 2016, NOW));
        t("plate-reader", "多功能酶标仪", "Multi-mode microplate reader", OTHER, 3, 15, 80,
                "吸光度、荧光强度、时间分辨荧光、化学发光与荧光偏振；光栅与滤光片双系统；6–1536 孔板；温控至 65 °C，可选 CO2/O2 控制",
                "样品置于适配微孔板，须注明检测模式与波长",
                "ELISA、细胞活力、酶动力学与报告基因检测",
                m("BioTek", "Synergy H1", "US", 3, 2011, NOW),
                m("Tecan", "Spark", "AT", 2, 2016, NOW),
                m("Molecular Devices", "SpectraMax i3x", "US", 2, 2015, NOW));
        t("ultramicrotome", "超薄切片机", "Ultramicrotome", OTHER, 1.5, 30, 120,
                "切片厚度 1 nm–15 μm；进给步进 1 nm；冷冻切片附件 −185 ~ −15 °C；体视显微镜 6–80×",
                "树脂包埋块或冷冻样品，须提供包埋方式与目标厚度",
                "透射电镜超薄切片、冷冻超薄切片与半薄切片制备",
                m("Leica Microsystems", "EM UC7", "AT", 3, 2010, NOW),
                m("RMC Boeckeler", "PowerTome PC", "US", 1, 2012, NOW));
        t("cryostat", "冷冻切片机", "Cryostat microtome", OTHER, 2, 15, 40,
                "切片厚度 1–100 μm；箱体温度 0 ~ −35 °C，样品头独立制冷至 −50 °C；紫外消毒；电动粗进与手动切片",
                "新鲜或固定组织须经 OCT 包埋；须注明是否具有感染性",
                "组织冷冻切片、免疫荧光与术中快速病理制片",
                m("Leica Biosystems", "CM1950", "DE", 3, 2009, NOW),
                m("Thermo Fisher Scientific", "CryoStar NX50", "DE", 2, 2012, NOW));
        t("animal-behaviour", "动物行为学分析系统", "Animal behaviour analysis system", OTHER, 1.5, 20, 80,
                "高清红外摄像，多场景（旷场、水迷宫、高架十字迷宫、Y 迷宫）；最多 16 个场地同步追踪；自动计算轨迹、速度与停留时间",
                "动物实验须经伦理审批；须提供实验范式与分组信息",
                "啮齿类动物学习记忆、焦虑与运动行为评价",
                m("Noldus", "EthoVision XT", "NL", 3, 2008, NOW),
                m("上海欣软", "SuperMaze", "CN", 2, 2012, NOW, 20, 40));
        t("microwave-digestion", "微波消解仪", "Microwave digestion system", OTHER, 2, 15, 50,
                "最大功率 1800 W；消解罐耐压 100 bar、耐温 300 °C；单次 12–40 罐；罐内温度与压力实时监控",
                "须注明样品基体与称样量，有机物含量高的样品须提前说明",
                "土壤、食品、生物与材料样品的酸消解前处理",
                m("CEM", "MARS 6", "US", 3, 2011, NOW),
                m("Milestone", "ETHOS UP", "IT", 2, 2016, NOW),
                m("上海新仪", "MDS-10", "CN", 2, 2012, NOW, 15, 25));
        t("kjeldahl", "全自动凯氏定氮仪", "Automatic Kjeldahl nitrogen analyser", OTHER, 1.5, 15, 50,
                "测定范围 0.1–240 mg N；回收率 ≥ 99.5%；重复性 RSD ≤ 1%；自动加液、蒸馏与滴定；单样分析时间 3–5 min",
                "固体样品 0.1–5 g，液体样品 ≤ 20 mL；须注明预估蛋白/氮含量",
                "食品、饲料与土壤中蛋白质及总氮测定",
                m("FOSS", "Kjeltec 8400", "DK", 2, 2010, NOW),
                m("BÜCHI", "KjelMaster K-375", "CH", 2, 2014, NOW));
    }

    /** All types, in table order. */
    static List<Type> all() {
        return ALL;
    }

    private static final List<Type> ALL = List.copyOf(TYPES);
}
