package cn.dayi.marketplace.importing.uniquip;

import java.util.List;

/**
 * The columns of the uniquip specification. A feed may carry any subset, in any order; headers
 * are matched case-insensitively, ignoring spaces, underscores, hyphens and text in brackets
 * ({@code "Contact Email (primary)"} is {@code Contact Email}).
 */
public enum UniquipColumn {
    TYPE("Type"),
    NAME("Name"),
    DESCRIPTION("Description"),
    RELATED_FACILITY_ID("Related Facility ID"),
    TECHNIQUE("Technique"),
    LOCATION("Location"),
    CONTACT_NAME("Contact Name"),
    CONTACT_TELEPHONE("Contact Telephone", "Contact Phone"),
    CONTACT_URL("Contact URL"),
    CONTACT_EMAIL("Contact Email"),
    SECONDARY_CONTACT_NAME("Secondary Contact Name"),
    SECONDARY_CONTACT_TELEPHONE("Secondary Contact Telephone", "Secondary Contact Phone"),
    SECONDARY_CONTACT_URL("Secondary Contact URL"),
    SECONDARY_CONTACT_EMAIL("Secondary Contact Email"),
    ID("ID"),
    PHOTO("Photo"),
    DEPARTMENT("Department"),
    SITE_LOCATION("Site Location"),
    BUILDING("Building"),
    SERVICE_LEVEL("Service Level"),
    WEB_ADDRESS("Web Address"),
    INSTITUTION_NAME("Institution Name"),
    INSTITUTION_URL("Institution URL"),
    MANUFACTURER("Manufacturer"),
    MODEL("Model"),
    CORRESPONDING_FACILITY("Corresponding Facility");

    private final String label;
    private final List<String> aliases;

    UniquipColumn(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    /** The header as the specification writes it. */
    public String label() {
        return label;
    }

    /** The label and accepted alternative spellings. */
    String[] names() {
        String[] names = new String[aliases.size() + 1];
        names[0] = label;
        for (int i = 0; i < aliases.size(); i++) {
            names[i + 1] = aliases.get(i);
        }
        return names;
    }
}
