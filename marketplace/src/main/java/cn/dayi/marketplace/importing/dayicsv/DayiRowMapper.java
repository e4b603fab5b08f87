package cn.dayi.marketplace.importing.dayicsv;

import static cn.dayi.marketplace.importing.dayicsv.DayiColumn.*;

import cn.dayi.marketplace.catalogue.FundingSource;
import cn.dayi.marketplace.catalogue.InstrumentStatus;
import cn.dayi.marketplace.catalogue.NationalCategory;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.catalogue.SharingMode;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportRejectedException;
import cn.dayi.marketplace.importing.InstrumentRow;
import cn.dayi.marketplace.importing.InstrumentRow.OwnerRef;
import cn.dayi.marketplace.importing.ParsedRow;
import cn.dayi.marketplace.importing.ParsedRow.RowProblem;
import cn.dayi.marketplace.importing.csv.CsvHeader;
import cn.dayi.marketplace.importing.csv.CsvLine;
import cn.dayi.marketplace.importing.csv.OrganisationKinds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Turns the records of one {@code dayi-csv} file into {@link ParsedRow}s, collecting every
 * problem of a row into one {@link ParsedRow.Invalid}.
 */
final class DayiRowMapper {

    private static final Currency CNY = Currency.getInstance("CNY");

    private final Map<DayiColumn, OptionalInt> index = new EnumMap<>(DayiColumn.class);
    private final String source;

    /**
     * @throws ImportRejectedException {@code MISSING_COLUMNS} when a required column is not in the header
     */
    DayiRowMapper(CsvHeader header, ImportOptions options) {
        for (DayiColumn c : DayiColumn.values()) {
            index.put(c, header.indexOf(c.header()));
        }
        List<String> missing = Arrays.stream(DayiColumn.values())
                .filter(c -> c.required() && index.get(c).isEmpty())
                .map(DayiColumn::header)
                .toList();
        if (!missing.isEmpty()) {
            throw new ImportRejectedException("MISSING_COLUMNS", "The header row lacks the required column(s) "
                    + String.join(", ", missing) + ". A dayi-csv file needs at least source_id, name and owner_name;"
                    + " found " + header.labels() + "." + header.separatorHint());
        }
        String name = options.sourceName() == null || options.sourceName().isBlank() ? "default" : options.sourceName().strip();
        this.source = DayiCsvFormat.ID + ":" + name;
    }

    ParsedRow map(CsvLine line) {
        return switch (line) {
            case CsvLine.Broken broken -> broken.toInvalid();
            case CsvLine.Empty empty -> empty.toSkipped();
            case CsvLine.Values values -> map(values);
        };
    }

    private ParsedRow map(CsvLine.Values row) {
        Row r = new Row(row);
        String sourceId = r.required(SOURCE_ID);
        String name = r.required(NAME);
        String ownerName = r.required(OWNER_NAME);

        Currency currency = r.parse(CURRENCY, Amounts::currency);
        if (currency == null && r.get(CURRENCY) == null) {
            currency = CNY;
        }
        // with an unknown currency the amount is still checked, as yuan, so all problems show at once
        Currency valueCurrency = currency != null ? currency : CNY;
        Long valueMinor = r.parse(ORIGINAL_VALUE_CNY, t -> Amounts.minorUnits(t, valueCurrency));
        LocalDate purchased = r.parse(PURCHASE_DATE, Dates::parse);
        FundingSource funding = r.parse(FUNDING_SOURCE, Codes.FUNDING::parse);
        String country = r.parse(COUNTRY, Countries::code);
        OrganisationKind kind = r.parse(OWNER_KIND, Codes.OWNER_KIND::parse);
        String ownerDistrict = r.parse(OWNER_DISTRICT, Districts::code);
        String district = r.parse(DISTRICT, Districts::code);
        Double lat = r.parse(LAT, t -> Coordinates.degrees(t, "lat", 90));
        Double lon = r.parse(LON, t -> Coordinates.degrees(t, "lon", 180));
        if (r.get(LAT) != null && r.get(LON) == null) {
            r.problem(LON, "REQUIRED", "lat is given but lon is not: give both coordinates or neither.");
        }
        if (r.get(LON) != null && r.get(LAT) == null) {
            r.problem(LAT, "REQUIRED", "lon is given but lat is not: give both coordinates or neither.");
        }
        String category = r.parse(CATEGORY, DayiRowMapper::category);
        SharingMode sharing = r.parse(SHARING_MODE, Codes.SHARING::parse);
        InstrumentStatus status = r.parse(STATUS, Codes.STATUS::parse);

        if (!r.problems.isEmpty()) {
            return new ParsedRow.Invalid(row.lineNumber(), r.problems);
        }
        String ownerId = r.get(OWNER_ID) != null ? r.get(OWNER_ID) : OrganisationKinds.slug(ownerName);
        OwnerRef owner = new OwnerRef(source, ownerId, ownerName, r.get(OWNER_NAME_EN),
                kind != null ? kind : OrganisationKinds.guess(ownerName + " " + nullToEmpty(r.get(OWNER_NAME_EN))),
                ownerDistrict);
        InstrumentRow instrument = new InstrumentRow(source, sourceId, name, r.get(NAME_EN), r.get(MODEL),
                r.get(MANUFACTURER), country, valueMinor, currency.getCurrencyCode(), purchased, funding, owner,
                r.get(DEPARTMENT), r.get(ADDRESS), district, lat, lon, category, r.get(TECHNICAL_PARAMETERS),
                r.get(SAMPLE_REQUIREMENTS), r.get(SERVICE_DESCRIPTION), sharing, status, r.get(CONTACT_NAME),
                r.get(CONTACT_PHONE), r.get(CONTACT_EMAIL), r.get(CONTACT_URL), r.get(PHOTO_URL), false);
        return new ParsedRow.Accepted(row.lineNumber(), instrument);
    }

    private static String category(String text) throws BadValue {
        return NationalCategory.resolve(text).map(NationalCategory::code).orElseThrow(() -> new BadValue("UNKNOWN_CODE",
                "Category '" + text.strip() + "' is not a national category: use a code 01–15 or a name such as "
                        + Arrays.stream(NationalCategory.values()).limit(3).map(NationalCategory::nameZh)
                        .collect(Collectors.joining(", ")) + "."));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A value parser that may refuse its input. */
    @FunctionalInterface
    private interface Parser<T> {
        T parse(String text) throws BadValue;
    }

    /** One record being mapped, with its problems so far. */
    private final class Row {
        final CsvLine.Values values;
        final List<RowProblem> problems = new ArrayList<>();
        final List<String> tooLongColumns = new ArrayList<>();

        Row(CsvLine.Values values) {
            this.values = values;
            for (RowProblem p : values.tooLong()) {
                problems.add(p);
                tooLongColumns.add(p.field());
            }
        }

        String get(DayiColumn column) {
            OptionalInt i = index.get(column);
            if (i.isPresent() && tooLongColumns.contains(values.header().label(i.getAsInt()))) {
                return null;
            }
            return values.get(i);
        }

        String required(DayiColumn column) {
            String v = get(column);
            OptionalInt i = index.get(column);
            boolean tooLong = i.isPresent() && tooLongColumns.contains(values.header().label(i.getAsInt()));
            if (v == null && !tooLong) {
                problem(column, "REQUIRED", column.header() + " is empty; every row needs a value there.");
            }
            return v;
        }

        <T> T parse(DayiColumn column, Parser<T> parser) {
            String v = get(column);
            if (v == null) {
                return null;
            }
            try {
                return parser.parse(v);
            } catch (BadValue e) {
                problem(column, e.code(), e.getMessage());
                return null;
            }
        }

        void problem(DayiColumn column, String code, String reason) {
            problems.add(new RowProblem(values.lineNumber(), column.header(), code, reason));
        }
    }
}
