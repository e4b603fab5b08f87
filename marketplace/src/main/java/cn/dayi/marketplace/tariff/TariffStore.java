package cn.dayi.marketplace.tariff;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.pricing.tariff.ChargeUnit;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** SQL of the {@code tariff} table; volume bands and cost lines are JSON text columns. */
@Singleton
class TariffStore {

    private static final String COLUMNS = """
            SELECT id, instrument_id, code, version, charge_unit, cost_basis_fen, currency, academic_markup_bp,
                   commercial_markup_bp, after_hours_surcharge_bp, urgent_surcharge_bp, minimum_charge_fen,
                   volume_bands, cost_lines, effective_from, effective_to, created_by, created_at
            FROM tariff""";

    private final JsonMapper json;

    TariffStore(JsonMapper json) {
        this.json = json;
    }

    /** Every version of every tariff of an instrument, by code then version. */
    List<TariffVersion> ofInstrument(Connection c, long instrumentId) throws SQLException {
        return Jdbc.list(c, COLUMNS + " WHERE instrument_id = ? ORDER BY code, version", this::row, instrumentId);
    }

    /** The versions of one code, locked for update (publishing serialises on them). */
    List<TariffVersion> ofCodeForUpdate(Connection c, long instrumentId, String code) throws SQLException {
        return Jdbc.list(c, COLUMNS + " WHERE instrument_id = ? AND code = ? ORDER BY version FOR UPDATE", this::row,
                instrumentId, code);
    }

    /** Versions of these instruments in effect on {@code date}. */
    List<TariffVersion> effectiveOn(Connection c, Collection<Long> instrumentIds, LocalDate date) throws SQLException {
        if (instrumentIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", Collections.nCopies(instrumentIds.size(), "?"));
        Object[] args = new Object[instrumentIds.size() + 2];
        int i = 0;
        for (Long id : instrumentIds) {
            args[i++] = id;
        }
        args[i++] = date;
        args[i] = date;
        return Jdbc.list(c, COLUMNS + " WHERE instrument_id IN (" + in + ") AND effective_from <= ?"
                + " AND (effective_to IS NULL OR effective_to >= ?) ORDER BY instrument_id, code", this::row, args);
    }

    long insert(Connection c, TariffVersion t) throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO tariff (instrument_id, code, version, charge_unit, cost_basis_fen, currency,
                  academic_markup_bp, commercial_markup_bp, after_hours_surcharge_bp, urgent_surcharge_bp,
                  minimum_charge_fen, volume_bands, cost_lines, effective_from, effective_to, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                t.instrumentId(), t.code(), t.version(), t.chargeUnit(), t.costBasisFen(), t.currency(),
                t.academicMarkupBp(), t.commercialMarkupBp(), t.afterHoursSurchargeBp(), t.urgentSurchargeBp(),
                t.minimumChargeFen(), write(t.volumeBands()), t.costLines().isEmpty() ? null : write(t.costLines()),
                t.effectiveFrom(), t.effectiveTo(), t.createdBy(), t.createdAt());
    }

    /** Ends an open version on {@code lastDay}; the only change a published version ever gets. */
    static void close(Connection c, long tariffId, LocalDate lastDay) throws SQLException {
        Jdbc.update(c, "UPDATE tariff SET effective_to = ? WHERE id = ? AND effective_to IS NULL", lastDay, tariffId);
    }

    private TariffVersion row(ResultSet rs) throws SQLException {
        List<NewTariff.Band> bands = read(rs.getString("volume_bands"), NewTariff.Band.class);
        String lines = rs.getString("cost_lines");
        return TariffVersionFactory.of(rs.getLong("id"), rs.getLong("instrument_id"), rs.getString("code"),
                rs.getInt("version"), ChargeUnit.valueOf(rs.getString("charge_unit")), rs.getLong("cost_basis_fen"),
                rs.getString("currency"), rs.getInt("academic_markup_bp"), rs.getInt("commercial_markup_bp"),
                rs.getInt("after_hours_surcharge_bp"), rs.getInt("urgent_surcharge_bp"),
                rs.getLong("minimum_charge_fen"), bands,
                lines == null ? List.of() : read(lines, CostView.Line.class),
                Jdbc.date(rs, "effective_from"), Jdbc.date(rs, "effective_to"), rs.getLong("created_by"),
                Jdbc.instant(rs, "created_at"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> List<T> read(String text, Class<T> type) {
        try {
            List<T> list = json.readValue(text == null || text.isBlank() ? "[]" : text, Argument.listOf(type));
            return list == null ? List.of() : list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds versions with their unit prices computed by the pricing module. */
    static final class TariffVersionFactory {
        private TariffVersionFactory() {
        }

        static TariffVersion of(long id, long instrumentId, String code, int version, ChargeUnit unit, long costBasisFen,
                                String currency, int academicBp, int commercialBp, int afterHoursBp, int urgentBp,
                                long minimumFen, List<NewTariff.Band> bands, List<CostView.Line> lines,
                                LocalDate from, LocalDate to, long createdBy, Instant createdAt) {
            TariffVersion draft = new TariffVersion(id, instrumentId, code, version, unit, costBasisFen, currency,
                    academicBp, commercialBp, afterHoursBp, urgentBp, minimumFen, List.copyOf(bands), List.copyOf(lines),
                    new UnitPrices(0, 0, 0), from, to, createdBy, createdAt);
            return new TariffVersion(id, instrumentId, code, version, unit, costBasisFen, currency, academicBp,
                    commercialBp, afterHoursBp, urgentBp, minimumFen, draft.volumeBands(), draft.costLines(),
                    UnitPrices.of(draft.toTariff()), from, to, createdBy, createdAt);
        }
    }
}
