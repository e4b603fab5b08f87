package cn.dayi.marketplace.importing.dayicsv;

import cn.dayi.marketplace.catalogue.FundingSource;
import cn.dayi.marketplace.catalogue.InstrumentStatus;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.catalogue.SharingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The enumerated columns, each accepting the enum name (any case; spaces, hyphens and
 * underscores ignored: {@code in service} = {@code IN_SERVICE}) or the Chinese terms platforms
 * use. Code {@code UNKNOWN_CODE}, with the accepted values in the message.
 *
 * <table>
 *   <caption>Chinese terms</caption>
 *   <tr><th>column</th><th>value</th><th>accepted Chinese</th></tr>
 *   <tr><td>funding_source</td><td>CENTRAL_FISCAL</td><td>中央财政资金, 中央财政, 中央</td></tr>
 *   <tr><td></td><td>LOCAL_FISCAL</td><td>地方财政资金, 地方财政, 地方</td></tr>
 *   <tr><td></td><td>SELF_FUNDED</td><td>自筹, 自筹资金, 单位自筹, 自有资金</td></tr>
 *   <tr><td></td><td>OTHER</td><td>其他, 其它</td></tr>
 *   <tr><td>owner_kind</td><td>UNIVERSITY</td><td>高校, 大学, 高等院校, 院校</td></tr>
 *   <tr><td></td><td>RESEARCH_INSTITUTE</td><td>科研院所, 科研机构, 研究所, 研究院</td></tr>
 *   <tr><td></td><td>ENTERPRISE</td><td>企业, 公司</td></tr>
 *   <tr><td></td><td>HOSPITAL</td><td>医院, 医疗机构</td></tr>
 *   <tr><td></td><td>TESTING_AGENCY</td><td>检测机构, 检验检测机构, 第三方检测机构</td></tr>
 *   <tr><td></td><td>OTHER</td><td>其他, 其它</td></tr>
 *   <tr><td>sharing_mode</td><td>EXTERNAL</td><td>外部共享, 对外共享, 开放共享</td></tr>
 *   <tr><td></td><td>INTERNAL_ONLY</td><td>内部共享, 仅内部共享</td></tr>
 *   <tr><td></td><td>NOT_SHARED</td><td>不共享, 不开放</td></tr>
 *   <tr><td>status</td><td>IN_SERVICE</td><td>在用, 正常, 使用中, 正常使用</td></tr>
 *   <tr><td></td><td>UNDER_MAINTENANCE</td><td>维修, 维修中, 维护中, 待修</td></tr>
 *   <tr><td></td><td>OUT_OF_SERVICE</td><td>停用, 暂停使用</td></tr>
 *   <tr><td></td><td>RETIRED</td><td>报废, 已报废</td></tr>
 * </table>
 */
final class Codes {

    static final Codes.Of<FundingSource> FUNDING = new Of<>(FundingSource.class, "funding_source", Map.of(
            FundingSource.CENTRAL_FISCAL, new String[] {"中央财政资金", "中央财政", "中央"},
            FundingSource.LOCAL_FISCAL, new String[] {"地方财政资金", "地方财政", "地方"},
            FundingSource.SELF_FUNDED, new String[] {"自筹", "自筹资金", "单位自筹", "自有资金"},
            FundingSource.OTHER, new String[] {"其他", "其它"}));

    static final Codes.Of<OrganisationKind> OWNER_KIND = new Of<>(OrganisationKind.class, "owner_kind", Map.of(
            OrganisationKind.UNIVERSITY, new String[] {"高校", "大学", "高等院校", "院校"},
            OrganisationKind.RESEARCH_INSTITUTE, new String[] {"科研院所", "科研机构", "研究所", "研究院"},
            OrganisationKind.ENTERPRISE, new String[] {"企业", "公司"},
            OrganisationKind.HOSPITAL, new String[] {"医院", "医疗机构"},
            OrganisationKind.TESTING_AGENCY, new String[] {"检测机构", "检验检测机构", "第三方检测机构"},
            OrganisationKind.OTHER, new String[] {"其他", "其它"},
            OrganisationKind.OPERATOR, new String[] {"仪器服务机构", "第三方服务机构", "服务机构"},
            OrganisationKind.AUTHORITY, new String[] {"科技主管部门", "主管部门", "仪器管理中心"}));

    static final Codes.Of<SharingMode> SHARING = new Of<>(SharingMode.class, "sharing_mode", Map.of(
            SharingMode.EXTERNAL, new String[] {"外部共享", "对外共享", "开放共享"},
            SharingMode.INTERNAL_ONLY, new String[] {"内部共享", "仅内部共享"},
            SharingMode.NOT_SHARED, new String[] {"不共享", "不开放"}));

    static final Codes.Of<InstrumentStatus> STATUS = new Of<>(InstrumentStatus.class, "status", Map.of(
            InstrumentStatus.IN_SERVICE, new String[] {"在用", "正常", "使用中", "正常使用"},
            InstrumentStatus.UNDER_MAINTENANCE, new String[] {"维修", "维修中", "维护中", "待修"},
            InstrumentStatus.OUT_OF_SERVICE, new String[] {"停用", "暂停使用"},
            InstrumentStatus.RETIRED, new String[] {"报废", "已报废"}));

    private Codes() {
    }

    /** One enumerated column. */
    static final class Of<E extends Enum<E>> {
        private final String column;
        private final Map<String, E> values = new HashMap<>();
        private final String accepted;

        Of(Class<E> type, String column, Map<E, String[]> chinese) {
            this.column = column;
            for (E e : type.getEnumConstants()) {
                values.put(key(e.name()), e);
            }
            chinese.forEach((e, names) -> Arrays.stream(names).forEach(n -> values.put(key(n), e)));
            this.accepted = Arrays.stream(type.getEnumConstants())
                    .map(e -> e.name() + "/" + chinese.get(e)[0])
                    .collect(Collectors.joining(", "));
        }

        E parse(String text) throws BadValue {
            E e = values.get(key(text));
            if (e == null) {
                throw new BadValue("UNKNOWN_CODE", "'" + text.strip() + "' is not a valid " + column
                        + "; use one of " + accepted + ".");
            }
            return e;
        }

        private static String key(String text) {
            return text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
        }
    }
}
