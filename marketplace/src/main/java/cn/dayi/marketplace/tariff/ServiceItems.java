package cn.dayi.marketplace.tariff;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.marketplace.web.ApiException.FieldError;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Service items (检测项目) of an instrument. Everyone sees them (buyers choose from them); the
 * holding operator's manager (or a platform admin) creates and changes them; items are withdrawn
 * ({@code active=false}), never deleted, so old orders keep their item. Errors: 404
 * {@code INSTRUMENT_NOT_FOUND}, {@code SERVICE_ITEM_NOT_FOUND}; 403 {@code FORBIDDEN}; 400
 * {@code NAME_REQUIRED}, {@code NEGATIVE_PRICE}, {@code TURNAROUND_INVALID}, {@code TEXT_TOO_LONG}.
 */
@Singleton
public class ServiceItems {

    private static final String SELECT = "SELECT id, instrument_id, name, name_en, unit_price_fen, currency, "
            + "sample_requirements, turnaround_days, active, updated_at, version FROM service_item";

    private final Jdbc jdbc;
    private final TariffAccess access;
    private final Clock clock;

    public ServiceItems(Jdbc jdbc, TariffAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** All items of the instrument, active first, by name. */
    public List<ServiceItem> of(String idOrCode) {
        return of(access.instrument(idOrCode).id(), false);
    }

    /** Items of an instrument by id; only active ones when {@code activeOnly}. */
    public List<ServiceItem> of(long instrumentId, boolean activeOnly) {
        return jdbc.read(c -> Jdbc.list(c, SELECT + " WHERE instrument_id = ?" + (activeOnly ? " AND active" : "")
                + " ORDER BY active DESC, name, id", ServiceItems::row, instrumentId));
    }

    public ServiceItem create(Actor actor, String idOrCode, ServiceItem.Body body) {
        InstrumentRef instrument = access.instrument(idOrCode);
        access.requireManager(actor, instrument);
        ServiceItem.Body b = validate(body);
        Instant now = clock.instant();
        long id = jdbc.write(c -> Jdbc.insert(c, """
                INSERT INTO service_item (instrument_id, name, name_en, unit_price_fen, sample_requirements,
                  turnaround_days, active, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", instrument.id(), b.name().strip(), blankToNull(b.nameEn()),
                b.unitPriceFen(), blankToNull(b.sampleRequirements()), b.turnaroundDays(),
                b.active() == null || b.active(), actor.personId(), now, now));
        return get(instrument.id(), id);
    }

    public ServiceItem update(Actor actor, String idOrCode, long itemId, ServiceItem.Body body) {
        InstrumentRef instrument = access.instrument(idOrCode);
        access.requireManager(actor, instrument);
        ServiceItem current = get(instrument.id(), itemId);
        ServiceItem.Body b = validate(body);
        jdbc.write(c -> Jdbc.update(c, """
                UPDATE service_item SET name = ?, name_en = ?, unit_price_fen = ?, sample_requirements = ?,
                  turnaround_days = ?, active = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND instrument_id = ?""", b.name().strip(), blankToNull(b.nameEn()), b.unitPriceFen(),
                blankToNull(b.sampleRequirements()), b.turnaroundDays(),
                b.active() == null ? current.active() : b.active(), clock.instant(), itemId, instrument.id()));
        return get(instrument.id(), itemId);
    }

    private ServiceItem get(long instrumentId, long itemId) {
        return jdbc.read(c -> Jdbc.one(c, SELECT + " WHERE id = ? AND instrument_id = ?", ServiceItems::row,
                itemId, instrumentId)).orElseThrow(() -> new ApiException.NotFound("SERVICE_ITEM_NOT_FOUND",
                "This instrument has no service item " + itemId + "."));
    }

    private static ServiceItem.Body validate(ServiceItem.Body body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || body.name() == null || body.name().isBlank()) {
            errors.add(new FieldError("name", "NAME_REQUIRED", "A service item needs a name, e.g. 透射电镜形貌观察."));
        } else if (body.name().strip().length() > 200 || (body.nameEn() != null && body.nameEn().strip().length() > 200)) {
            errors.add(new FieldError("name", "TEXT_TOO_LONG", "Names are at most 200 characters."));
        }
        if (body != null && body.unitPriceFen() != null && body.unitPriceFen() < 0) {
            errors.add(new FieldError("unitPriceFen", "NEGATIVE_PRICE",
                    "A price cannot be negative; leave it empty for 'on request' (面议)."));
        }
        if (body != null && body.turnaroundDays() != null && (body.turnaroundDays() < 0 || body.turnaroundDays() > 365)) {
            errors.add(new FieldError("turnaroundDays", "TURNAROUND_INVALID", "Turnaround is 0 to 365 working days."));
        }
        if (body != null && body.sampleRequirements() != null && body.sampleRequirements().length() > 2000) {
            errors.add(new FieldError("sampleRequirements", "TEXT_TOO_LONG", "Sample requirements are at most 2,000 characters."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.ValidationFailed.of(errors);
        }
        return body;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ServiceItem row(ResultSet rs) throws SQLException {
        return new ServiceItem(rs.getLong("id"), rs.getLong("instrument_id"), rs.getString("name"), rs.getString("name_en"),
                (Long) rs.getObject("unit_price_fen", Long.class), rs.getString("currency"),
                rs.getString("sample_requirements"), (Integer) rs.getObject("turnaround_days", Integer.class),
                rs.getBoolean("active"), Jdbc.instant(rs, "updated_at"), rs.getInt("version"));
    }
}
