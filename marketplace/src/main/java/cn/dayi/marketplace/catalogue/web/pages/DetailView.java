package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.catalogue.InstrumentDetail;
import cn.dayi.marketplace.catalogue.InstrumentDetail.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything the detail page shows of one instrument, formatted in the page language: facts in
 * three groups (the instrument, owner and location, contact), long texts (technical parameters,
 * sample requirements, services), status and sharing mode, source, and a demo flag.
 *
 * @param markersJson one map marker as JSON, or null without coordinates
 */
public record DetailView(String name, String nameEn, String code, String model, String manufacturer, boolean demo, String statusKey, String status,
                         String sharingModeKey, String sharingMode, List<Field> instrument, List<Field> location,
                         List<Field> contact, String technicalParameters, String sampleRequirements,
                         String serviceDescription, String source, String updated, String categoryName,
                         String categoryHref, String markersJson) {

    /**
     * One labelled fact.
     *
     * @param value text, or the bundle's "not provided" when {@code missing}
     * @param href  a link for the value (tel:, mailto:, http(s) or a results page), or null
     */
    public record Field(String label, String value, String href, boolean missing) {
    }

    static DetailView of(InstrumentDetail d, PageText text, String markersJson) {
        Language language = text.language();
        boolean en = language == Language.EN;
        String category = d.category() == null ? null : en && d.category().nameEn() != null ? d.category().nameEn() : d.category().name();
        String categoryHref = d.category() == null ? null : QueryLinks.single("/instruments", "category", d.category().code());
        String district = d.district() == null ? null : en && d.district().nameEn() != null ? d.district().nameEn() : d.district().name();
        Fields instrument = new Fields(text)
                .add("field.code", d.code(), null)
                .add("field.name", d.name(), null)
                .add("field.nameEn", d.nameEn(), null)
                .add("field.model", d.model(), null)
                .add("field.manufacturer", d.manufacturer(), null)
                .add("field.country", d.countryOfManufacture() == null || d.countryOfManufacture().isBlank() ? null
                        : Formats.country(d.countryOfManufacture(), text), null)
                .add("field.originalValue", d.originalValue() == null ? null : Formats.money(d.originalValue(), text), null)
                .add("field.purchaseDate", d.purchaseDate() == null ? null : Formats.date(d.purchaseDate(), language), null)
                .add("field.fundingSource", label(text, "enum.fundingSource.", d.fundingSource()), null)
                .add("field.category", category, categoryHref)
                .add("field.sharingMode", label(text, "facet.sharingMode.", d.sharingMode()), null)
                .add("field.status", label(text, "enum.status.", d.status()), null);
        Fields location = new Fields(text)
                .add("field.owner", d.owner().name(), QueryLinks.single("/instruments", "ownerId", Long.toString(d.owner().id())))
                .add("field.ownerKind", label(text, "facet.ownerKind.", d.owner().kind()), null)
                .add("field.department", d.department(), null)
                .add("field.address", d.address(), null)
                .add("field.district", district,
                        d.district() == null ? null : QueryLinks.single("/instruments", "district", d.district().code()))
                .add("field.coordinates", d.location() == null ? null
                        : String.format(Locale.ROOT, "%.5f, %.5f", d.location().lat(), d.location().lon()), null);
        Contact c = d.contact();
        Fields contact = new Fields(text)
                .add("field.contactName", c == null ? null : c.name(), null)
                .add("field.contactPhone", c == null ? null : c.phone(), c == null || blank(c.phone()) ? null
                        : "tel:" + c.phone().replaceAll("[^0-9+]", ""))
                .add("field.contactEmail", c == null ? null : c.email(), c == null || blank(c.email()) ? null : "mailto:" + c.email().strip())
                .add("field.contactUrl", c == null ? null : c.url(), c == null || !web(c.url()) ? null : c.url().strip());
        return new DetailView(d.name(), en ? d.nameEn() : null, d.code(), nonBlank(d.model()), nonBlank(d.manufacturer()), d.demo(), d.status(),
                label(text, "enum.status.", d.status()), d.sharingMode(), label(text, "facet.sharingMode.", d.sharingMode()),
                instrument.list, location.list, contact.list, nonBlank(d.technicalParameters()),
                nonBlank(d.sampleRequirements()), nonBlank(d.serviceDescription()), d.source(),
                d.updatedAt() == null ? null : Formats.dateTime(d.updatedAt(), language), category, categoryHref, markersJson);
    }

    private static String label(PageText text, String prefix, String key) {
        return blank(key) ? null : text.find(prefix + key).orElse(key);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nonBlank(String s) {
        return blank(s) ? null : s.strip();
    }

    private static boolean web(String url) {
        if (blank(url)) {
            return false;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://");
    }

    /** Builds a field list; a blank value shows as "not provided". */
    private static final class Fields {
        private final PageText text;
        private final List<Field> list = new ArrayList<>();

        Fields(PageText text) {
            this.text = text;
        }

        Fields add(String labelKey, String value, String href) {
            boolean missing = blank(value);
            list.add(new Field(text.get(labelKey), missing ? text.get("value.missing") : value.strip(),
                    missing ? null : href, missing));
            return this;
        }
    }
}
