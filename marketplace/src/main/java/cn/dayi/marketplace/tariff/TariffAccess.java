package cn.dayi.marketplace.tariff;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.Fleet;
import cn.dayi.marketplace.web.ApiException;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Who may price an instrument: the operator that holds it ({@link Fleet#custodianOf}: the
 * custodian under an ACTIVE entrustment, or the owner when it is itself an operator). Its
 * OPERATOR_MANAGER (or a platform admin) writes costs, tariffs and service items; all its staff
 * read the cost figures. Anyone else gets 403 {@code FORBIDDEN}; an unknown instrument is 404
 * {@code INSTRUMENT_NOT_FOUND}. An instrument no operator holds can be priced by platform admins only.
 */
@Singleton
public class TariffAccess {

    private final Jdbc jdbc;
    private final Fleet fleet;

    public TariffAccess(Jdbc jdbc, Fleet fleet) {
        this.jdbc = jdbc;
        this.fleet = fleet;
    }

    /** The instrument by numeric id or public code; 404 {@code INSTRUMENT_NOT_FOUND}. */
    public InstrumentRef instrument(String idOrCode) {
        return find(idOrCode).orElseThrow(() -> new ApiException.NotFound("INSTRUMENT_NOT_FOUND",
                "There is no instrument with id or code '" + idOrCode + "'."));
    }

    /** The instrument by numeric id or public code, if it exists. */
    public Optional<InstrumentRef> find(String idOrCode) {
        String key = idOrCode == null ? "" : idOrCode.strip();
        if (key.isEmpty() || key.length() > 64) {
            return Optional.empty();
        }
        boolean numeric = key.matches("\\d{1,18}");
        return jdbc.read(c -> Jdbc.one(c, """
                SELECT i.id, i.code, i.name, i.owner_id, i.category_code, c.name_zh
                FROM instrument i LEFT JOIN category c ON c.code = i.category_code
                WHERE i.""" + (numeric ? "id" : "code") + " = ?",
                rs -> new InstrumentRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6)),
                numeric ? (Object) Long.parseLong(key) : key));
    }

    /** The operator that holds the instrument, if any. */
    public Optional<Long> custodianOf(InstrumentRef instrument) {
        return fleet.custodianOf(instrument.id());
    }

    /** 403 unless the actor is the holding operator's manager or a platform admin. */
    public void requireManager(Actor actor, InstrumentRef instrument) {
        if (actor.isPlatformAdmin()) {
            return;
        }
        Optional<Long> custodian = custodianOf(instrument);
        if (custodian.isEmpty() || !actor.hasRoleIn(custodian.get(), Role.OPERATOR_MANAGER)) {
            throw new ApiException.Forbidden("FORBIDDEN",
                    "Only the manager of the operator that holds this instrument may change its prices.");
        }
    }

    /** 403 unless the actor is staff of the holding operator or a platform admin. */
    public void requireStaff(Actor actor, InstrumentRef instrument) {
        if (actor.isPlatformAdmin()) {
            return;
        }
        Optional<Long> custodian = custodianOf(instrument);
        if (custodian.isEmpty() || !actor.isOperatorStaff(custodian.get())) {
            throw new ApiException.Forbidden("FORBIDDEN",
                    "Only the staff of the operator that holds this instrument see its cost figures.");
        }
    }

    /** Whether the actor may change this instrument's prices (for pages that hide buttons). */
    public boolean mayManage(Actor actor, InstrumentRef instrument) {
        try {
            requireManager(actor, instrument);
            return true;
        } catch (ApiException.Forbidden e) {
            return false;
        }
    }
}
