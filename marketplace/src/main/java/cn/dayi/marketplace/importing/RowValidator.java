package cn.dayi.marketplace.importing;

import cn.dayi.marketplace.importing.ParsedRow.RowProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks every format shares, applied to an {@link InstrumentRow} before anything is
 * written: required fields, column lengths of {@code V1__catalogue.sql}, coordinate ranges,
 * non-negative value, known category and district codes.
 */
final class RowValidator {

    private final Set<String> districtCodes;
    private final Set<String> categoryCodes;

    RowValidator(Set<String> districtCodes, Set<String> categoryCodes) {
        this.districtCodes = districtCodes;
        this.categoryCodes = categoryCodes;
    }

    List<RowProblem> problems(long rowNumber, InstrumentRow r) {
        List<RowProblem> p = new ArrayList<>();
        required(p, rowNumber, "source_id", r.sourceId(), 191);
        required(p, rowNumber, "name", r.name(), 200);
        max(p, rowNumber, "name_en", r.nameEn(), 200);
        max(p, rowNumber, "model", r.model(), 120);
        max(p, rowNumber, "manufacturer", r.manufacturer(), 120);
        max(p, rowNumber, "department", r.department(), 200);
        max(p, rowNumber, "address", r.address(), 300);
        max(p, rowNumber, "technical_parameters", r.technicalParameters(), 20_000);
        max(p, rowNumber, "sample_requirements", r.sampleRequirements(), 20_000);
        max(p, rowNumber, "service_description", r.serviceDescription(), 20_000);
        max(p, rowNumber, "contact_name", r.contactName(), 120);
        max(p, rowNumber, "contact_phone", r.contactPhone(), 64);
        max(p, rowNumber, "contact_email", r.contactEmail(), 200);
        max(p, rowNumber, "contact_url", r.contactUrl(), 500);
        max(p, rowNumber, "photo_url", r.photoUrl(), 500);
        if (r.countryCode() != null && !r.countryCode().matches("[A-Z]{2}")) {
            p.add(new RowProblem(rowNumber, "country", "UNKNOWN_CODE",
                    "Country of manufacture must be an ISO 3166 two-letter code, not '" + r.countryCode() + "'."));
        }
        if (r.currency() != null && !r.currency().matches("[A-Z]{3}")) {
            p.add(new RowProblem(rowNumber, "currency", "UNKNOWN_CODE",
                    "Currency must be an ISO 4217 code such as CNY, not '" + r.currency() + "'."));
        }
        if (r.originalValueFen() != null && r.originalValueFen() < 0) {
            p.add(new RowProblem(rowNumber, "original_value", "OUT_OF_RANGE",
                    "The original value cannot be negative."));
        }
        if ((r.lat() == null) != (r.lon() == null)) {
            p.add(new RowProblem(rowNumber, r.lat() == null ? "lat" : "lon", "REQUIRED",
                    "Give both latitude and longitude, or neither."));
        }
        if (r.lat() != null && (r.lat().isNaN() || r.lat() < -90 || r.lat() > 90)) {
            p.add(new RowProblem(rowNumber, "lat", "OUT_OF_RANGE",
                    "Latitude " + r.lat() + " is impossible: it must lie between -90 and 90 degrees."));
        }
        if (r.lon() != null && (r.lon().isNaN() || r.lon() < -180 || r.lon() > 180)) {
            p.add(new RowProblem(rowNumber, "lon", "OUT_OF_RANGE",
                    "Longitude " + r.lon() + " is impossible: it must lie between -180 and 180 degrees."));
        }
        if (r.districtCode() != null && !districtCodes.contains(r.districtCode())) {
            p.add(new RowProblem(rowNumber, "district", "UNKNOWN_CODE",
                    "District '" + r.districtCode() + "' is not a known region code."));
        }
        if (r.categoryCode() != null && !categoryCodes.contains(r.categoryCode())) {
            p.add(new RowProblem(rowNumber, "category", "UNKNOWN_CODE",
                    "Category '" + r.categoryCode() + "' is not one of the national categories 01–15."));
        }
        if (r.owner() == null) {
            p.add(new RowProblem(rowNumber, "owner_name", "REQUIRED", "Every instrument needs an owner."));
        } else {
            required(p, rowNumber, "owner_name", r.owner().name(), 200);
            required(p, rowNumber, "owner_id", r.owner().sourceId(), 191);
            if (r.owner().districtCode() != null && !districtCodes.contains(r.owner().districtCode())) {
                p.add(new RowProblem(rowNumber, "owner_district", "UNKNOWN_CODE",
                        "Owner district '" + r.owner().districtCode() + "' is not a known region code."));
            }
        }
        return p;
    }

    private static void required(List<RowProblem> p, long row, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            p.add(new RowProblem(row, field, "REQUIRED", "The " + field + " field is required."));
        } else {
            max(p, row, field, value, max);
        }
    }

    private static void max(List<RowProblem> p, long row, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            p.add(new RowProblem(row, field, "TOO_LONG",
                    "The " + field + " field has " + value.codePointCount(0, value.length())
                            + " characters; at most " + max + " are kept."));
        }
    }
}
