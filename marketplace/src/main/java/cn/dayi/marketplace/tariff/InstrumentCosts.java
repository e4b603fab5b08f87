package cn.dayi.marketplace.tariff;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.pricing.FenRounding;
import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.cost.CostInputs;
import cn.dayi.pricing.cost.CostModel;
import cn.dayi.pricing.tariff.ChargeUnit;
import cn.dayi.pricing.tariff.GuidanceBand;
import cn.dayi.pricing.tariff.PricingGuidance;
import cn.dayi.pricing.tariff.Tariff;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * An instrument's cost inputs (one row per instrument, updated in place under an optimistic lock)
 * and the full-cost breakdown they give ({@link CostModel}). The holding operator's manager (or a
 * platform admin) saves them; its staff read them. Errors: 404 {@code INSTRUMENT_NOT_FOUND},
 * {@code COST_NOT_SET}; 403 {@code FORBIDDEN}; 409 {@code COST_CHANGED} (someone saved since the
 * version sent); 400 with the {@link PricingException} code of the offending figure.
 */
@Singleton
public class InstrumentCosts {

    private static final String SELECT = """
            SELECT k.*, p.display_name FROM instrument_cost k JOIN person p ON p.id = k.set_by
            WHERE k.instrument_id = ?""";

    private final Jdbc jdbc;
    private final TariffAccess access;
    private final Clock clock;

    public InstrumentCosts(Jdbc jdbc, TariffAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** The saved figures and breakdown, for the holding operator's staff. */
    public SavedCost get(Actor actor, String idOrCode) {
        InstrumentRef instrument = access.instrument(idOrCode);
        access.requireStaff(actor, instrument);
        return find(instrument.id()).orElseThrow(() -> new ApiException.NotFound("COST_NOT_SET",
                "No cost figures have been saved for instrument " + instrument.code() + " yet."));
    }

    /** The saved figures, without an authorisation check (for pages that already checked). */
    public Optional<SavedCost> find(long instrumentId) {
        return jdbc.read(c -> find(c, instrumentId));
    }

    /**
     * Saves the figures (creates or replaces them) and returns the breakdown.
     *
     * @param expectedVersion the version the editor started from, or null to overwrite whatever is saved
     */
    public SavedCost save(Actor actor, String idOrCode, CostFigures figures, Integer expectedVersion) {
        InstrumentRef instrument = access.instrument(idOrCode);
        access.requireManager(actor, instrument);
        CostInputs in = PricingException.require(figures, "inputs").toInputs();
        CostModel.costOf(in); // AMOUNT_TOO_LARGE before anything is written
        jdbc.write(c -> {
            Optional<SavedCost> current = find(c, instrument.id());
            if (current.isPresent() && expectedVersion != null && current.get().version() != expectedVersion) {
                throw changed();
            }
            Object[] values = {in.originalValueFen(), in.residualRateBp(), in.usefulLifeYears(),
                    in.annualStaffCostFen(), in.annualMaintenanceFen(), in.powerKw(), in.electricityFenPerKwh(),
                    in.annualFacilityOverheadFen(), in.consumablesPerSampleFen(), in.samplesPerHour(),
                    in.expectedAnnualHours(), actor.personId(), clock.instant()};
            if (current.isEmpty()) {
                try {
                    Jdbc.update(c, """
                            INSERT INTO instrument_cost (original_value_fen, residual_rate_bp, useful_life_years,
                              annual_staff_cost_fen, annual_maintenance_fen, power_kw, electricity_fen_per_kwh,
                              annual_facility_overhead_fen, consumables_per_sample_fen, samples_per_hour,
                              expected_annual_hours, set_by, set_at, instrument_id)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", append(values, instrument.id()));
                } catch (SQLException e) {
                    if ("23000".equals(e.getSQLState())) {
                        throw changed(); // saved by someone else a moment ago
                    }
                    throw e;
                }
            } else {
                int n = Jdbc.update(c, """
                        UPDATE instrument_cost SET original_value_fen = ?, residual_rate_bp = ?, useful_life_years = ?,
                          annual_staff_cost_fen = ?, annual_maintenance_fen = ?, power_kw = ?, electricity_fen_per_kwh = ?,
                          annual_facility_overhead_fen = ?, consumables_per_sample_fen = ?, samples_per_hour = ?,
                          expected_annual_hours = ?, set_by = ?, set_at = ?, version = version + 1
                        WHERE instrument_id = ? AND version = ?""",
                        append(append(values, instrument.id()), current.get().version()));
                if (n != 1) {
                    throw changed();
                }
            }
            return null;
        });
        return find(instrument.id()).orElseThrow();
    }

    /**
     * What the figures and markups would give, nothing saved; for the holding operator's staff.
     * Errors as {@link #save}, plus {@code MARKUP_ORDER} (422) and {@code INVALID_MARKUP}.
     */
    public CostPreview preview(Actor actor, String idOrCode, CostPreview.Request request) {
        InstrumentRef instrument = access.instrument(idOrCode);
        access.requireStaff(actor, instrument);
        CostPreview.Request r = PricingException.require(request, "request");
        var breakdown = CostModel.costOf(PricingException.require(r.inputs(), "inputs").toInputs());
        ChargeUnit unit = r.chargeUnit() == null ? ChargeUnit.HOUR : r.chargeUnit();
        Tariff t = Tariff.builder().code("PREVIEW").costBasisFrom(unit, breakdown)
                .academicMarkupBp(r.academicMarkupBp() == null ? 0 : r.academicMarkupBp())
                .commercialMarkupBp(r.commercialMarkupBp() == null ? 0 : r.commercialMarkupBp())
                .effectiveFrom(LocalDate.now(clock)).build();
        CostPreview.GuidanceCheck check = jdbc.read(c -> PricingGuidances.band(c, instrument.categoryCode()))
                .map(band -> check(instrument, band, t)).orElse(null);
        return new CostPreview(CostView.of(breakdown), unit, t.costBasisFen(), UnitPrices.of(t), check);
    }

    private static CostPreview.GuidanceCheck check(InstrumentRef instrument, GuidanceBand band, Tariff t) {
        BigDecimal cost = BigDecimal.valueOf(t.costBasisFen());
        long floor = FenRounding.toFen(FenRounding.applyBp(cost, band.floorBp()));
        long cap = FenRounding.toFen(FenRounding.applyBp(cost, band.capBp()));
        try {
            new PricingGuidance(Map.of(instrument.categoryCode(), band)).check(instrument.categoryCode(), t);
            return new CostPreview.GuidanceCheck(band.floorBp(), band.capBp(), floor, cap, true, null);
        } catch (PricingException e) {
            return new CostPreview.GuidanceCheck(band.floorBp(), band.capBp(), floor, cap, false, e.getMessage());
        }
    }

    static Optional<SavedCost> find(Connection c, long instrumentId) throws SQLException {
        return Jdbc.one(c, SELECT, InstrumentCosts::row, instrumentId);
    }

    private static SavedCost row(ResultSet rs) throws SQLException {
        CostInputs in = new CostInputs(rs.getLong("original_value_fen"), rs.getInt("residual_rate_bp"),
                rs.getInt("useful_life_years"), rs.getLong("annual_staff_cost_fen"), rs.getLong("annual_maintenance_fen"),
                rs.getBigDecimal("power_kw"), rs.getLong("electricity_fen_per_kwh"),
                rs.getLong("annual_facility_overhead_fen"), rs.getLong("consumables_per_sample_fen"),
                rs.getBigDecimal("samples_per_hour"), rs.getInt("expected_annual_hours"));
        return new SavedCost(rs.getLong("instrument_id"), CostFigures.of(in), CostView.of(CostModel.costOf(in)),
                rs.getLong("set_by"), rs.getString("display_name"), Jdbc.instant(rs, "set_at"), rs.getInt("version"));
    }

    private static ApiException changed() {
        return new ApiException.RuleViolation(HttpStatus.CONFLICT, "COST_CHANGED",
                "Someone saved other cost figures for this instrument a moment ago; reload and try again.");
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }
}
