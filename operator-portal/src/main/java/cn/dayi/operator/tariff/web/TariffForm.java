package cn.dayi.operator.tariff.web;

import cn.dayi.marketplace.tariff.CostFigures;
import cn.dayi.marketplace.tariff.NewTariff;
import cn.dayi.marketplace.tariff.SavedCost;
import cn.dayi.marketplace.tariff.TariffVersion;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.pricing.tariff.ChargeUnit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The editor's form as posted: amounts in yuan (元, up to 2 decimals), rates in percent (up to 2
 * decimals), which the API carries as fen and basis points. {@code action} is {@code calculate}
 * (nothing saved), {@code save} (the cost figures) or {@code publish} (a new tariff version from
 * the saved figures). The live calculator (tariff-editor.js) converts the same way.
 */
@Serdeable
public record TariffForm(@Nullable String action,
                         @Nullable String originalValueYuan, @Nullable String residualRatePct,
                         @Nullable String usefulLifeYears, @Nullable String annualStaffCostYuan,
                         @Nullable String annualMaintenanceYuan, @Nullable String powerKw,
                         @Nullable String electricityYuanPerKwh, @Nullable String annualFacilityOverheadYuan,
                         @Nullable String consumablesPerSampleYuan, @Nullable String samplesPerHour,
                         @Nullable String expectedAnnualHours,
                         @Nullable String code, @Nullable String chargeUnit, @Nullable String academicMarkupPct,
                         @Nullable String commercialMarkupPct, @Nullable String afterHoursSurchargePct,
                         @Nullable String urgentSurchargePct, @Nullable String minimumChargeYuan,
                         @Nullable String effectiveFrom) {

    /** The cost figures; 400 {@code INVALID_PARAMETER} naming the form field that is not a number. */
    CostFigures figures() {
        return new CostFigures(hundredths("originalValueYuan", originalValueYuan),
                intOf(hundredths("residualRatePct", residualRatePct)), intOf(whole("usefulLifeYears", usefulLifeYears)),
                hundredths("annualStaffCostYuan", annualStaffCostYuan),
                hundredths("annualMaintenanceYuan", annualMaintenanceYuan), decimal("powerKw", powerKw),
                hundredths("electricityYuanPerKwh", electricityYuanPerKwh),
                hundredths("annualFacilityOverheadYuan", annualFacilityOverheadYuan),
                hundredths("consumablesPerSampleYuan", consumablesPerSampleYuan),
                decimal("samplesPerHour", samplesPerHour), intOf(whole("expectedAnnualHours", expectedAnnualHours)));
    }

    /** The tariff version to publish. */
    NewTariff tariff() {
        LocalDate from = null;
        if (effectiveFrom != null && !effectiveFrom.isBlank()) {
            try {
                from = LocalDate.parse(effectiveFrom.strip());
            } catch (DateTimeParseException e) {
                throw invalid("effectiveFrom", "a date such as 2025-03-01");
            }
        }
        return new NewTariff(code, unit(), null, intOf(hundredths("academicMarkupPct", academicMarkupPct)),
                intOf(hundredths("commercialMarkupPct", commercialMarkupPct)),
                intOf(hundredths("afterHoursSurchargePct", afterHoursSurchargePct)),
                intOf(hundredths("urgentSurchargePct", urgentSurchargePct)),
                hundredths("minimumChargeYuan", minimumChargeYuan), List.of(), from);
    }

    ChargeUnit unit() {
        if (chargeUnit == null || chargeUnit.isBlank()) {
            return ChargeUnit.HOUR;
        }
        try {
            return ChargeUnit.valueOf(chargeUnit.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("chargeUnit", "one of HOUR, HALF_DAY, DAY, SAMPLE, TEST_ITEM");
        }
    }

    /** The form of saved figures and a tariff to start from (the latest version, or defaults). */
    static TariffForm of(SavedCost saved, Long originalValueFen, TariffVersion latest, LocalDate effectiveFrom) {
        CostFigures f = saved == null ? null : saved.inputs();
        return new TariffForm(null,
                yuan(f != null ? f.originalValueFen() : originalValueFen),
                f == null ? "5" : pct(f.residualRateBp()), f == null ? "10" : str(f.usefulLifeYears()),
                f == null ? "" : yuan(f.annualStaffCostFen()), f == null ? "" : yuan(f.annualMaintenanceFen()),
                f == null ? "" : plain(f.powerKw()), f == null ? "" : yuan(f.electricityFenPerKwh()),
                f == null ? "" : yuan(f.annualFacilityOverheadFen()), f == null ? "" : yuan(f.consumablesPerSampleFen()),
                f == null ? "1" : plain(f.samplesPerHour()), f == null ? "1400" : str(f.expectedAnnualHours()),
                latest == null ? "HOUR" : latest.code(), latest == null ? "HOUR" : latest.chargeUnit().name(),
                latest == null ? "20" : pct(latest.academicMarkupBp()), latest == null ? "50" : pct(latest.commercialMarkupBp()),
                latest == null ? "0" : pct(latest.afterHoursSurchargeBp()), latest == null ? "0" : pct(latest.urgentSurchargeBp()),
                latest == null ? "0" : yuan(latest.minimumChargeFen()), effectiveFrom.toString());
    }

    /** The same form with another action (to keep what was typed when re-showing it). */
    TariffForm withEffectiveFrom(String date) {
        return new TariffForm(action, originalValueYuan, residualRatePct, usefulLifeYears, annualStaffCostYuan,
                annualMaintenanceYuan, powerKw, electricityYuanPerKwh, annualFacilityOverheadYuan,
                consumablesPerSampleYuan, samplesPerHour, expectedAnnualHours, code, chargeUnit, academicMarkupPct,
                commercialMarkupPct, afterHoursSurchargePct, urgentSurchargePct, minimumChargeYuan,
                effectiveFrom == null || effectiveFrom.isBlank() ? date : effectiveFrom);
    }

    /** Field name → typed text, for the view (null texts become empty). */
    java.util.Map<String, String> values() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("originalValueYuan", originalValueYuan);
        m.put("residualRatePct", residualRatePct);
        m.put("usefulLifeYears", usefulLifeYears);
        m.put("annualStaffCostYuan", annualStaffCostYuan);
        m.put("annualMaintenanceYuan", annualMaintenanceYuan);
        m.put("powerKw", powerKw);
        m.put("electricityYuanPerKwh", electricityYuanPerKwh);
        m.put("annualFacilityOverheadYuan", annualFacilityOverheadYuan);
        m.put("consumablesPerSampleYuan", consumablesPerSampleYuan);
        m.put("samplesPerHour", samplesPerHour);
        m.put("expectedAnnualHours", expectedAnnualHours);
        m.put("code", code);
        m.put("chargeUnit", chargeUnit);
        m.put("academicMarkupPct", academicMarkupPct);
        m.put("commercialMarkupPct", commercialMarkupPct);
        m.put("afterHoursSurchargePct", afterHoursSurchargePct);
        m.put("urgentSurchargePct", urgentSurchargePct);
        m.put("minimumChargeYuan", minimumChargeYuan);
        m.put("effectiveFrom", effectiveFrom);
        m.replaceAll((k, v) -> v == null ? "" : v);
        return m;
    }

    /** Form field of an API field, to mark it invalid. */
    static String formField(String apiField) {
        return switch (apiField) {
            case "originalValueFen" -> "originalValueYuan";
            case "residualRateBp" -> "residualRatePct";
            case "annualStaffCostFen" -> "annualStaffCostYuan";
            case "annualMaintenanceFen" -> "annualMaintenanceYuan";
            case "electricityFenPerKwh" -> "electricityYuanPerKwh";
            case "annualFacilityOverheadFen" -> "annualFacilityOverheadYuan";
            case "consumablesPerSampleFen" -> "consumablesPerSampleYuan";
            case "academicMarkupBp" -> "academicMarkupPct";
            case "commercialMarkupBp" -> "commercialMarkupPct";
            case "afterHoursSurchargeBp" -> "afterHoursSurchargePct";
            case "urgentSurchargeBp" -> "urgentSurchargePct";
            case "minimumChargeFen" -> "minimumChargeYuan";
            case "costBasisFen" -> "originalValueYuan";
            default -> apiField;
        };
    }

    /** yuan or percent text → hundredths (fen or bp); null when blank. */
    static Long hundredths(String field, String text) {
        BigDecimal d = decimal(field, text);
        if (d == null) {
            return null;
        }
        try {
            return d.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(field, "a number with at most two decimals");
        }
    }

    private static Long whole(String field, String text) {
        BigDecimal d = decimal(field, text);
        if (d == null) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw invalid(field, "a whole number");
        }
    }

    private static BigDecimal decimal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(text.strip().replace(",", "").replace("，", ""));
            if (d.abs().compareTo(new BigDecimal("1e15")) > 0) {
                throw invalid(field, "a realistic number");
            }
            return d;
        } catch (NumberFormatException e) {
            throw invalid(field, "a number");
        }
    }

    private static Integer intOf(Long v) {
        if (v == null) {
            return null;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static ApiException invalid(String field, String what) {
        return new ApiException.ValidationFailed(field, "INVALID_PARAMETER", field + " must be " + what + ".");
    }

    private static String yuan(Long fen) {
        return fen == null ? "" : BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }

    private static String pct(Integer bp) {
        return bp == null ? "" : BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString();
    }

    private static String str(Integer v) {
        return v == null ? "" : v.toString();
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }
}
