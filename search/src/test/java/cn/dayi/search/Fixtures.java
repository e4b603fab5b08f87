package cn.dayi.search;

import cn.dayi.search.api.InstrumentDocument;
import cn.dayi.search.api.ValueBand;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small, realistic catalogue for the search tests: real instrument names, models and makers,
 * owners in Shenzhen and Shanghai, and distractors that hold the same Chinese characters as a
 * query scattered (磁共振成像系统 and 恒温磁力搅拌器 for 核磁; 电化学工作站 and 体视显微镜 for 电镜).
 */
public final class Fixtures {

    /** Where the geo tests stand: 深圳大学 (南山). */
    public static final double CENTRE_LAT = 22.5333;
    public static final double CENTRE_LON = 113.9356;

    public static final Set<Long> NMR = Set.of(6L, 7L, 43L);
    public static final Set<Long> ELECTRON_MICROSCOPES = Set.of(1L, 2L, 3L, 4L, 5L, 39L, 40L, 42L, 44L);
    public static final Set<Long> SEM = Set.of(2L, 3L, 4L, 40L, 42L, 44L);
    public static final Set<Long> TEM = Set.of(1L, 5L, 39L);
    public static final Set<Long> XRD = Set.of(10L, 11L, 27L);
    public static final Set<Long> BRUKER = Set.of(6L, 7L, 19L, 27L, 43L);
    /** Same characters as 核磁 or 电镜, scattered. */
    public static final Set<Long> NMR_DISTRACTORS = Set.of(8L, 9L, 45L);
    public static final Set<Long> EM_DISTRACTORS = Set.of(28L, 29L, 31L);
    /** The row whose name holds HTML. */
    public static final long HTML_ROW = 41L;

    private Fixtures() {
    }

    record Owner(long id, String name, String kind, String district, String districtName,
                 String city, String province, Double lat, Double lon) {
    }

    static final Map<Integer, Owner> OWNERS = Map.of(
            1, new Owner(101, "南方科技大学", "UNIVERSITY", "440305", "南山区", "440300", "440000", 22.6026, 113.9956),
            2, new Owner(102, "深圳大学", "UNIVERSITY", "440305", "南山区", "440300", "440000", 22.5333, 113.9356),
            3, new Owner(103, "中国科学院深圳先进技术研究院", "RESEARCH_INSTITUTE", "440305", "南山区", "440300", "440000", 22.5960, 113.9960),
            4, new Owner(104, "深圳市华测检测技术股份有限公司", "TESTING_AGENCY", "440306", "宝安区", "440300", "440000", 22.5600, 113.8700),
            5, new Owner(105, "北京大学深圳医院", "HOSPITAL", "440304", "福田区", "440300", "440000", 22.5580, 114.0430),
            6, new Owner(106, "上海交通大学", "UNIVERSITY", "310104", "徐汇区", "310100", "310000", 31.2000, 121.4300),
            7, new Owner(107, "香港中文大学（深圳）", "UNIVERSITY", "440307", "龙岗区", "440300", "440000", 22.6960, 114.2100),
            8, new Owner(108, "深圳湾实验室", "RESEARCH_INSTITUTE", "440306", "宝安区", "440300", "440000", null, null),
            9, new Owner(109, "清华大学深圳国际研究生院", "UNIVERSITY", "440305", "南山区", "440300", "440000", 22.5890, 113.9680));

    static final Map<String, String> CATEGORIES = Map.of(
            "01", "分析仪器", "02", "物理性能测试仪器", "04", "电子测量仪器", "09", "医学诊断仪器",
            "10", "核仪器", "11", "特种检测仪器");

    /** The catalogue: 45 instruments. */
    public static List<InstrumentDocument> catalogue() {
        List<InstrumentDocument> l = new ArrayList<>();
        l.add(doc(1, "透射电子显微镜", "Transmission Electron Microscope", "JEM-2100F", "JEOL", "JP", 12_000_000, "01", 1,
                "加速电压200kV，点分辨率0.23nm，场发射电子枪", "EXTERNAL"));
        l.add(doc(2, "扫描电子显微镜", "Scanning Electron Microscope", "SU8010", "Hitachi", "JP", 3_500_000, "01", 2,
                "冷场发射电子枪，二次电子分辨率1.0nm", "EXTERNAL"));
        l.add(doc(3, "场发射扫描电子显微镜", "Field Emission Scanning Electron Microscope", "GeminiSEM 500", "ZEISS", "DE",
                4_500_000, "01", 3, "分辨率0.6nm@15kV，配EDS能谱", "EXTERNAL"));
        l.add(doc(4, "扫描电子显微镜", null, "Quanta 250 FEG", "Thermo Fisher Scientific", "US", 3_000_000, "01", 6,
                "环境扫描模式，低真空", "EXTERNAL"));
        l.add(doc(5, "球差校正透射电子显微镜", "Cs-corrected Transmission Electron Microscope", "Titan Themis G2",
                "Thermo Fisher Scientific", "US", 30_000_000, "01", 3, "STEM分辨率0.06nm，球差校正器", "EXTERNAL"));
        l.add(doc(6, "核磁共振波谱仪", "NMR Spectrometer", "AVANCE NEO 600", "Bruker", "DE", 6_000_000, "01", 1,
                "600MHz，超低温探头，液体核磁", "EXTERNAL"));
        l.add(doc(7, "核磁共振波谱仪", "400 MHz NMR Spectrometer", "AVANCE III HD 400", "Bruker", "DE", 2_500_000, "01", 6,
                "400MHz，宽带探头", "EXTERNAL"));
        l.add(doc(8, "磁共振成像系统", "MRI System", "MAGNETOM Prisma 3T", "Siemens Healthineers", "DE", 20_000_000, "09", 5,
                "3.0T超导磁体，梯度场强80mT/m", "EXTERNAL"));
        l.add(doc(9, "核辐射检测仪", null, "FH40G", "Thermo Fisher Scientific", "US", 80_000, "10", 4,
                "γ剂量率测量，配套磁力搅拌器用于样品前处理", "EXTERNAL"));
        l.add(doc(10, "X射线衍射仪", "X-ray Diffractometer", "SmartLab", "Rigaku", "JP", 2_800_000, "01", 2,
                "9kW转靶，薄膜与粉末衍射", "EXTERNAL"));
        l.add(doc(11, "X射线衍射仪", "X-ray Diffractometer", "Empyrean", "Malvern Panalytical", "NL", 2_000_000, "01", 6,
                "Cu靶，PIXcel3D探测器", "EXTERNAL"));
        l.add(doc(12, "X射线光电子能谱仪", "X-ray Photoelectron Spectrometer", "ESCALAB Xi+", "Thermo Fisher Scientific",
                "US", 6_000_000, "01", 3, "单色化Al Kα，深度剖析", "EXTERNAL"));
        l.add(doc(13, "气相色谱仪", "Gas Chromatograph", "8890", "Agilent", "US", 400_000, "01", 4,
                "FID检测器，分流/不分流进样口", "EXTERNAL"));
        l.add(doc(14, "高效液相色谱仪", "HPLC System", "1260 Infinity II", "Agilent", "US", 350_000, "01", 4,
                "四元泵，二极管阵列检测器", "EXTERNAL"));
        l.add(doc(15, "液相色谱-质谱联用仪", "LC-MS/MS", "TSQ Altis", "Thermo Fisher Scientific", "US", 3_500_000, "01", 1,
                "三重四极杆，ESI源", "EXTERNAL"));
        l.add(doc(16, "气相色谱-质谱联用仪", "GC-MS", "7000D", "Agilent", "US", 1_500_000, "01", 4,
                "三重四极杆，EI源", "EXTERNAL"));
        l.add(doc(17, "电感耦合等离子体质谱仪", "ICP-MS", "iCAP RQ", "Thermo Fisher Scientific", "US", 1_200_000, "01", 2,
                "痕量元素分析，检出限ppt级", "EXTERNAL"));
        l.add(doc(18, "电感耦合等离子体发射光谱仪", "ICP-OES", "Avio 500", "PerkinElmer", "US", 800_000, "01", 4,
                "同时测定多元素", "EXTERNAL"));
        l.add(doc(19, "原子力显微镜", "Atomic Force Microscope", "Dimension Icon", "Bruker", "US", 2_200_000, "01", 1,
                "PeakForce轻敲模式，纳米力学", "EXTERNAL"));
        l.add(doc(20, "激光共聚焦显微镜", "Confocal Laser Scanning Microscope", "LSM 980", "ZEISS", "DE", 4_000_000, "01",
                3, "Airyscan 2超分辨", "EXTERNAL"));
        l.add(doc(21, "流式细胞仪", "Flow Cytometer", "CytoFLEX", "Beckman Coulter", "US", 900_000, "01", 5,
                "三激光十三色", "EXTERNAL"));
        l.add(doc(22, "傅里叶变换红外光谱仪", "FTIR Spectrometer", "Nicolet iS50", "Thermo Fisher Scientific", "US", 600_000,
                "01", 2, "ATR附件，中远红外", "EXTERNAL"));
        l.add(doc(23, "显微共聚焦拉曼光谱仪", "Confocal Raman Microscope", "LabRAM HR Evolution", "HORIBA", "FR", 1_500_000,
                "01", 6, "532/633/785nm激光", "EXTERNAL"));
        l.add(doc(24, "同步热分析仪", "Simultaneous Thermal Analyzer", "STA 449 F5", "NETZSCH", "DE", 700_000, "02", 4,
                "TGA/DSC同步测量，室温至1600℃", "EXTERNAL"));
        l.add(doc(25, "万能材料试验机", "Universal Testing Machine", "5982", "Instron", "US", 1_000_000, "02", 4,
                "最大载荷100kN，拉伸压缩弯曲", "EXTERNAL"));
        l.add(doc(26, "ZEISS MICROSCOPE RP", null, "Axio Observer 7", "ZEISS", "DE", 600_000, "01", 6,
                "inverted research microscope, phase contrast", "EXTERNAL"));
        l.add(doc(27, "Bruker D8 ADVANCE", null, "D8 ADVANCE", "Bruker", "DE", 2_100_000, "01", 9,
                "X射线衍射分析（XRD），物相鉴定与定量", "EXTERNAL"));
        l.add(doc(28, "电化学工作站", "Electrochemical Workstation", "CHI760E", "上海辰华", "CN", 50_000, "04", 9,
                "循环伏安，可选配光学显微镜观察窗", "EXTERNAL"));
        l.add(doc(29, "体视显微镜", "Stereo Microscope", "SZX16", "Olympus", "JP", 300_000, "01", 5,
                "电动调焦，变倍比16.4:1", "EXTERNAL"));
        l.add(doc(30, "高分辨质谱仪", "High Resolution Mass Spectrometer", "Orbitrap Exploris 480", "Thermo Fisher Scientific",
                "US", 7_000_000, "01", 3, "分辨率480000", "EXTERNAL"));
        l.add(doc(31, "电子探针显微分析仪", "Electron Probe Microanalyzer", "JXA-8530F Plus", "JEOL", "JP", 9_000_000, "01",
                1, "波谱仪5道，配镜面反射附件", "EXTERNAL"));
        l.add(doc(32, "紫外可见分光光度计", "UV-Vis Spectrophotometer", "UV-2600i", "Shimadzu", "JP", 150_000, "01", 5,
                "波长范围185-900nm", "EXTERNAL"));
        l.add(doc(33, "实时荧光定量PCR仪", "Real-Time PCR System", "QuantStudio 5", "Thermo Fisher Scientific", "US",
                400_000, "01", 5, "96孔，五色荧光", "EXTERNAL"));
        l.add(doc(34, "基因测序仪", "Sequencer", "NovaSeq 6000", "Illumina", "US", 8_000_000, "01", 3,
                "高通量测序", "INTERNAL_ONLY"));
        l.add(doc(35, "X射线显微镜", "X-ray Microscope", "Xradia 620 Versa", "ZEISS", "DE", 10_000_000, "11", 3,
                "三维无损成像，亚微米分辨率", "EXTERNAL"));
        l.add(doc(36, "激光粒度分析仪", "Laser Diffraction Particle Size Analyzer", "Mastersizer 3000",
                "Malvern Panalytical", "GB", 450_000, "02", 4, "测量范围0.01-3500μm", "EXTERNAL"));
        l.add(doc(37, "比表面积及孔径分析仪", "Surface Area and Porosity Analyzer", "ASAP 2460", "Micromeritics", "US",
                600_000, "02", 6, "BET比表面积，介孔分析", "EXTERNAL"));
        l.add(doc(38, "超高效液相色谱仪", "UPLC System", "ACQUITY UPLC H-Class", "Waters", "US", 700_000, "01", 6,
                "四元溶剂管理器", "EXTERNAL"));
        l.add(doc(39, "透射电子显微镜", "Transmission Electron Microscope", "Talos F200X", "Thermo Fisher Scientific",
                "US", 15_000_000, "01", 6, "Super-X能谱，高速成像", "INTERNAL_ONLY"));
        l.add(doc(40, "扫描电子显微镜", "Scanning Electron Microscope", "JSM-IT800", "JEOL", "JP", 5_000_000, "01", 7,
                "肖特基场发射", "EXTERNAL"));
        l.add(doc(41, "测试<script>alert(1)</script>电子天平", "Analytical Balance", "XS205 & DU", "Mettler Toledo", "CH",
                30_000, "02", 2, "读数精度0.01mg <b>防风罩</b>", "EXTERNAL"));
        l.add(doc(42, "钨灯丝扫描电子显微镜", "Tungsten Filament SEM", "SEM3200", "国仪量子", "CN", 1_500_000, "01", 4,
                "放大倍数×10-×300000", "EXTERNAL"));
        l.add(doc(43, "核磁共振波谱仪", "800 MHz NMR Spectrometer", "AVANCE NEO 800", "Bruker", "DE", 25_000_000, "01", 3,
                "800MHz，固体与液体", "NOT_SHARED"));
        l.add(doc(44, "小型台式扫描电镜", "Desktop SEM", "Phenom XL", "Thermo Fisher Scientific", "NL", 800_000, "01", 8,
                "大样品仓", "EXTERNAL"));
        l.add(doc(45, "恒温磁力搅拌器", "Magnetic Stirrer", "RCT basic", "IKA", "DE", 20_000, "15", 9,
                "适用于核酸提取前处理", "EXTERNAL"));
        return List.copyOf(l);
    }

    /** One instrument; {@code yuan} is the original value in CNY (stored in fen). */
    public static InstrumentDocument doc(long id, String name, String nameEn, String model, String manufacturer,
                                         String country, long yuan, String category, int owner, String params,
                                         String sharingMode) {
        Owner o = OWNERS.get(owner);
        long fen = yuan * 100;
        return new InstrumentDocument(id, "DY" + String.format("%010d", id), name, nameEn, model, manufacturer, country,
                fen, "CNY", ValueBand.codeOf(fen), "CENTRAL_FISCAL", category,
                CATEGORIES.getOrDefault(category, "其他"), o.id(), o.name(), o.kind(), o.district(), o.districtName(),
                List.of(o.district(), o.city(), o.province(), "CN"), o.lat(), o.lon(), params, sharingMode,
                "IN_SERVICE", LocalDate.of(2015, 1, 1).plusDays(id * 37), false,
                Instant.parse("2025-01-01T00:00:00Z").plusSeconds(((id * 7919) % 997) * 3600));
    }
}
