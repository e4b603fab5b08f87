package cn.dayi.operator;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.SignIn;
import cn.dayi.marketplace.account.Tokens;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A small platform for tests (instruments are given as id strings: TEM, NMR, XRD), built through the real services: an authority, two owners with
 * instruments, two operators, an enterprise, and one person per role, each with a bearer token.
 */
public final class World {

    public static final String PASSWORD = "test-password-123";

    public final long authority;
    public final long ownerA;
    public final long ownerB;
    public final long operatorX;
    public final long operatorY;
    public final long enterprise;
    public final List<String> instrumentsA;
    public final List<String> instrumentsB;
    public final String admin;
    public final String fiscal;
    public final String ownerAdminA;
    public final String ownerAdminB;
    public final String managerX;
    public final String technicianX;
    public final String financeX;
    public final String managerY;
    public final String buyer;
    public final long technicianXId;

    private final Accounts accounts;
    private final SignIn signIn;
    private final Tokens tokens;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private final Jdbc jdbc;

    /** A new small platform built through the services of {@code context}. */
    public static World in(io.micronaut.context.BeanContext context) throws Exception {
        return new World(context.getBean(Organisations.class), context.getBean(Accounts.class),
                context.getBean(CatalogueImporter.class), context.getBean(SignIn.class), context.getBean(Tokens.class),
                context.getBean(Jdbc.class));
    }

    public World(Organisations organisations, Accounts accounts, CatalogueImporter importer, SignIn signIn, Tokens tokens,
                 Jdbc jdbc) throws Exception {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.signIn = signIn;
        this.tokens = tokens;
        authority = organisations.create("大仪平台管理中心-" + tag, null, OrganisationKind.AUTHORITY, null).id();
        operatorX = organisations.create("深圳测试服务机构X-" + tag, null, OrganisationKind.OPERATOR, "440305").id();
        operatorY = organisations.create("深圳测试服务机构Y-" + tag, null, OrganisationKind.OPERATOR, "440305").id();
        enterprise = organisations.create("深圳需求企业-" + tag, null, OrganisationKind.ENTERPRISE, "440305").id();
        instrumentsA = importInstruments(importer, "甲大学-" + tag, "A");
        instrumentsB = importInstruments(importer, "乙研究院-" + tag, "B");
        ownerA = organisations.search("甲大学-" + tag, null, 1).get(0).id();
        ownerB = organisations.search("乙研究院-" + tag, null, 1).get(0).id();
        admin = person("admin", authority, Role.PLATFORM_ADMIN);
        fiscal = person("fiscal", authority, Role.FISCAL_OFFICER);
        ownerAdminA = person("owner-a", ownerA, Role.OWNER_ADMIN);
        ownerAdminB = person("owner-b", ownerB, Role.OWNER_ADMIN);
        managerX = person("manager-x", operatorX, Role.OPERATOR_MANAGER);
        technicianX = person("tech-x", operatorX, Role.OPERATOR_TECHNICIAN);
        technicianXId = accounts.actor(Long.parseLong(subject(technicianX))).orElseThrow().personId();
        financeX = person("finance-x", operatorX, Role.OPERATOR_FINANCE);
        managerY = person("manager-y", operatorY, Role.OPERATOR_MANAGER);
        buyer = person("buyer", enterprise, Role.BUYER_MEMBER);
    }

    /** A valid unified social credit code: {@code first17} and its GB 32100-2015 check character (written out here). */
    public static String creditCode(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
        }
        return first17 + alphabet.charAt((31 - sum % 31) % 31);
    }

    /** The e-mail of the person created for {@code name}. */
    public String email(String name) {
        return name + "-" + tag + "@dayi.test";
    }

    private String person(String name, long org, Role role) {
        accounts.create(email(name), name, PASSWORD, org, role, null);
        return tokens.issue(signIn.signIn(email(name), PASSWORD, "test"));
    }

    private static String subject(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sub\":\"(\\d+)\".*", "$1");
    }

    private List<String> importInstruments(CatalogueImporter importer, String owner, String prefix) throws Exception {
        String csv = "source_id,name,model,manufacturer,country,original_value_cny,purchase_date,funding_source,owner_name,"
                + "owner_kind,district,lat,lon,category,technical_parameters,sharing_mode\n"
                + prefix + "-TEM,场发射透射电子显微镜,JEM-2100F,JEOL,日本,4000000,2016-09-20,地方财政资金," + owner
                + ",高校,南山区,22.60,113.99,01,加速电压 200 kV,外部共享\n"
                + prefix + "-NMR,核磁共振波谱仪,AVANCE NEO 600,Bruker,德国,6500000,2021-03-15,中央财政资金," + owner
                + ",高校,南山区,22.53,113.93,01,600 MHz,外部共享\n"
                + prefix + "-XRD,X射线衍射仪,D8 ADVANCE,Bruker,德国,1800000,2019-06-01,地方财政资金," + owner
                + ",高校,南山区,22.53,113.94,01,Cu 靶,外部共享\n";
        ImportReport report = importer.importFile("dayi-csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new ImportOptions("world-" + tag + "-" + prefix, null, 0), ImportProgress.NONE);
        if (report.inserted() != 3) {
            throw new IllegalStateException("fixture import: " + report);
        }
        // instrument ids, as strings (the entrustment API takes ids or public codes): TEM, NMR, XRD
        return jdbc.read(c -> Jdbc.list(c, "SELECT id FROM instrument WHERE source = ? ORDER BY FIELD(source_id, ?, ?, ?)",
                rs -> Long.toString(rs.getLong(1)), report.source(), prefix + "-TEM", prefix + "-NMR", prefix + "-XRD"));
    }
}
