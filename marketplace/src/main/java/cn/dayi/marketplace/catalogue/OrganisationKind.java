package cn.dayi.marketplace.catalogue;

/**
 * Kind of an organisation on the platform. Owners are usually universities, institutes, hospitals
 * or enterprises; {@link #OPERATOR} is a third-party service operator (仪器服务机构) that hosts
 * entrusted and own instruments; {@link #AUTHORITY} is the science and technology authority or the
 * platform's instrument management centre (科技主管部门、仪器管理中心), home of platform admins and
 * fiscal officers.
 */
public enum OrganisationKind {
    UNIVERSITY, RESEARCH_INSTITUTE, ENTERPRISE, HOSPITAL, TESTING_AGENCY, OTHER, OPERATOR, AUTHORITY
}
