package cn.dayi.marketplace.importing.uniquip;

import static cn.dayi.marketplace.importing.uniquip.UniquipColumn.*;

import cn.dayi.marketplace.catalogue.NationalCategory;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.InstrumentRow;
import cn.dayi.marketplace.importing.InstrumentRow.OwnerRef;
import cn.dayi.marketplace.importing.ParsedRow;
import cn.dayi.marketplace.importing.ParsedRow.RowProblem;
import cn.dayi.marketplace.importing.csv.CsvLine;
import cn.dayi.marketplace.importing.csv.OrganisationKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Turns the records of one uniquip file into {@link ParsedRow}s. One instance per file (it
 * numbers identical rows, see {@link ContentKeys}).
 */
final class UniquipRowMapper {

    /** Columns that identify an instrument in a content key; contact details and URLs do not. */
    static final List<UniquipColumn> IDENTIFYING = List.of(
            TYPE, NAME, DESCRIPTION, TECHNIQUE, RELATED_FACILITY_ID, CORRESPONDING_FACILITY, DEPARTMENT,
            SITE_LOCATION, BUILDING, INSTITUTION_NAME, MANUFACTURER, MODEL);

    private final UniquipColumns columns;
    private final ImportOptions options;
    private final String source;
    private final ContentKeys keys = new ContentKeys();

    UniquipRowMapper(UniquipColumns columns, ImportOptions options) {
        this.columns = columns;
        this.options = options;
        String name = options.sourceName() == null || options.sourceName().isBlank() ? "default" : options.sourceName().strip();
        this.source = UniquipFormat.ID + ":" + name;
    }

    ParsedRow map(CsvLine line) {
        return switch (line) {
            case CsvLine.Broken broken -> broken.toInvalid();
            case CsvLine.Empty empty -> empty.toSkipped();
            case CsvLine.Values values -> map(values);
        };
    }

    private ParsedRow map(CsvLine.Values row) {
        long n = row.lineNumber();
        List<RowProblem> tooLong = row.tooLong();
        if (!tooLong.isEmpty()) {
            return new ParsedRow.Invalid(n, tooLong);
        }
        String type = get(row, TYPE);
        if (type != null && type.toLowerCase(Locale.ROOT).contains("facility")) {
            return new ParsedRow.Skipped(n, "a facility, not a single instrument (Type '" + type + "')");
        }
        String nameColumn = get(row, NAME);
        String description = get(row, DESCRIPTION);
        String name = nameColumn != null ? nameColumn : description;
        Optional<String> skip = SkipRules.reason(name);
        if (skip.isPresent()) {
            return new ParsedRow.Skipped(n, skip.get());
        }
        OwnerRef owner = owner(row);
        if (owner == null) {
            return new ParsedRow.Invalid(n, List.of(new RowProblem(n, INSTITUTION_NAME.label(), "REQUIRED",
                    "No owning institution: the row has no Institution Name, no known Contact URL and no Site Location;"
                            + " give the owner when importing (--owner).")));
        }
        String technique = get(row, TECHNIQUE);
        String serviceDescription = serviceDescription(nameColumn != null ? description : null, technique);
        String siteLocation = get(row, SITE_LOCATION);
        Optional<SiteGazetteer.Site> site = SiteGazetteer.find(siteLocation, get(row, LOCATION));
        NationalCategory category = CategoryKeywords.infer(Words.of(join(" ", name, description, technique)));
        String id = get(row, ID);
        String sourceId = id != null ? id : keys.next(IDENTIFYING.stream().map(c -> get(row, c)).toList());
        Contact contact = contact(row);

        InstrumentRow instrument = new InstrumentRow(
                source, sourceId, name, null,
                get(row, MODEL), get(row, MANUFACTURER), null,
                null, "GBP", null, null,
                owner, get(row, DEPARTMENT), join(", ", get(row, BUILDING), siteLocation),
                site.map(SiteGazetteer.Site::districtCode).orElse(null),
                site.map(SiteGazetteer.Site::lat).orElse(null),
                site.map(SiteGazetteer.Site::lon).orElse(null),
                category.code(), null, null, serviceDescription,
                ServiceLevels.sharingMode(get(row, SERVICE_LEVEL)), null,
                contact.name(), contact.phone(), contact.email(),
                contact.url() != null ? contact.url() : get(row, WEB_ADDRESS),
                get(row, PHOTO), false);
        return new ParsedRow.Accepted(n, instrument);
    }

    /**
     * The owner: the Institution Name column, else the caller's owner name, else the institution
     * whose web domain appears in the Institution URL, contact URLs or e-mail addresses or Web
     * Address ({@link Institutions}), else the Site Location; null when none of these is there.
     */
    private OwnerRef owner(CsvLine.Values row) {
        String named = get(row, INSTITUTION_NAME);
        if (named == null && options.ownerName() != null && !options.ownerName().isBlank()) {
            named = options.ownerName().strip();
        }
        Institutions.Institution known = null;
        if (named != null) {
            known = Institutions.byName(named).orElse(null);
        } else {
            for (UniquipColumn c : List.of(INSTITUTION_URL, CONTACT_URL, SECONDARY_CONTACT_URL, CONTACT_EMAIL,
                    SECONDARY_CONTACT_EMAIL, WEB_ADDRESS)) {
                String value = get(row, c);
                if (value != null && value.contains("@")) {
                    value = value.substring(value.indexOf('@') + 1);
                }
                known = Institutions.byUrl(value).orElse(null);
                if (known != null) {
                    break;
                }
            }
            if (known == null) {
                named = get(row, SITE_LOCATION);
            }
        }
        if (known != null) {
            return new OwnerRef(source, OrganisationKinds.slug(known.nameEn()), known.nameZh(), known.nameEn(),
                    OrganisationKinds.guess(known.nameEn()), known.districtCode());
        }
        if (named == null) {
            return null;
        }
        boolean latin = named.chars().allMatch(ch -> ch < 0x3000);
        return new OwnerRef(source, OrganisationKinds.slug(named), named, latin ? named : null,
                OrganisationKinds.guess(named), null);
    }

    /** The primary contact when it has any detail, else the secondary one. */
    private Contact contact(CsvLine.Values row) {
        Contact primary = new Contact(get(row, CONTACT_NAME), get(row, CONTACT_TELEPHONE), get(row, CONTACT_EMAIL),
                get(row, CONTACT_URL));
        if (!primary.isEmpty()) {
            return primary;
        }
        return new Contact(get(row, SECONDARY_CONTACT_NAME), get(row, SECONDARY_CONTACT_TELEPHONE),
                get(row, SECONDARY_CONTACT_EMAIL), get(row, SECONDARY_CONTACT_URL));
    }

    private record Contact(String name, String phone, String email, String url) {
        boolean isEmpty() {
            return name == null && phone == null && email == null && url == null;
        }
    }

    private static String serviceDescription(String description, String technique) {
        List<String> parts = new ArrayList<>();
        if (description != null) {
            parts.add(description);
        }
        if (technique != null) {
            parts.add("Technique: " + technique);
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    private String get(CsvLine.Values row, UniquipColumn column) {
        return columns.get(row, column);
    }

    private static String join(String separator, String... parts) {
        StringJoiner j = new StringJoiner(separator);
        for (String p : parts) {
            if (p != null) {
                j.add(p);
            }
        }
        return j.length() == 0 ? null : j.toString();
    }
}
