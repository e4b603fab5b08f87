package cn.dayi.marketplace.catalogue;

/** Kind of an organisation that owns or hosts instruments. */
public enum OrganisationKind {
    UNIVERSITY, RESEARCH_INSTITUTE, ENTERPRISE, HOSPITAL, TESTING_AGENCY, OTHER
}
