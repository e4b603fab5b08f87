package cn.dayi.marketplace.account;

import cn.dayi.marketplace.catalogue.OrganisationKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * A role a person holds in one organisation. Each role belongs to organisations of certain kinds:
 * a person cannot be an operator manager of a university, for instance.
 */
public enum Role {
    /** 平台管理员: verifies organisations, manages people, imports catalogues. */
    PLATFORM_ADMIN(EnumSet.of(OrganisationKind.AUTHORITY)),
    /** 财政/科技主管部门经办人: issues vouchers, sets pricing guidance, watches the public money. */
    FISCAL_OFFICER(EnumSet.of(OrganisationKind.AUTHORITY)),
    /** 产权单位管理员: entrusts the owner's instruments, accepts or terminates entrustments, sees revenue. */
    OWNER_ADMIN(EnumSet.of(OrganisationKind.UNIVERSITY, OrganisationKind.RESEARCH_INSTITUTE,
            OrganisationKind.ENTERPRISE, OrganisationKind.HOSPITAL, OrganisationKind.TESTING_AGENCY,
            OrganisationKind.OTHER)),
    /** 服务机构负责人: runs the operator's fleet, tariffs, staff and entrustment proposals. */
    OPERATOR_MANAGER(EnumSet.of(OrganisationKind.OPERATOR)),
    /** 服务机构技术员: operates instruments, serves orders. */
    OPERATOR_TECHNICIAN(EnumSet.of(OrganisationKind.OPERATOR)),
    /** 服务机构财务: records payments, reads revenue reports. */
    OPERATOR_FINANCE(EnumSet.of(OrganisationKind.OPERATOR)),
    /** 需求方成员: books and orders on behalf of a buying organisation. */
    BUYER_MEMBER(EnumSet.allOf(OrganisationKind.class));

    /** Everyone who works for an operator: manager, technician, finance. */
    public static final Set<Role> OPERATOR_STAFF =
            java.util.Collections.unmodifiableSet(EnumSet.of(OPERATOR_MANAGER, OPERATOR_TECHNICIAN, OPERATOR_FINANCE));

    private final Set<OrganisationKind> kinds;

    Role(Set<OrganisationKind> kinds) {
        this.kinds = kinds;
    }

    /** Whether this role can be held in an organisation of {@code kind}. */
    public boolean fits(OrganisationKind kind) {
        return kinds.contains(kind);
    }

    public Set<OrganisationKind> kinds() {
        return kinds;
    }
}
