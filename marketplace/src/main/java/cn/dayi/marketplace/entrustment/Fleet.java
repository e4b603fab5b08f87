package cn.dayi.marketplace.entrustment;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * An operator's fleet: the instruments it holds in custody under active entrustments, and its own
 * (自营) instruments. Only the operator's staff (and platform admins) see it.
 */
@Singleton
public class Fleet {

    /** How the operator holds an instrument. */
    public enum Custody { ENTRUSTED, OWN }

    /**
     * One instrument of the fleet.
     *
     * @param entrustmentId the active entrustment, null for own instruments
     * @param ownerName     the owning organisation
     * @param status        instrument status (IN_SERVICE, UNDER_MAINTENANCE, …)
     */
    @Serdeable
    public record FleetInstrument(long instrumentId, String code, String name, String model, String categoryCode,
                                  Custody custody, Long entrustmentId, String ownerName, String status,
                                  Long originalValueFen) {
    }

    private final Jdbc jdbc;

    public Fleet(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<FleetInstrument> of(Actor actor, long operatorId) {
        requireStaff(actor, operatorId);
        return jdbc.read(c -> Jdbc.list(c, """
                SELECT i.id, i.code, i.name, i.model, i.category_code, k.entrustment_id, o.name_zh, i.status,
                       i.original_value_fen
                FROM instrument i JOIN organisation o ON o.id = i.owner_id
                LEFT JOIN instrument_custody k ON k.instrument_id = i.id
                WHERE k.operator_id = ? OR (i.owner_id = ? AND k.instrument_id IS NULL)
                ORDER BY i.code""",
                rs -> new FleetInstrument(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6) == null ? Custody.OWN : Custody.ENTRUSTED, (Long) rs.getObject(6, Long.class),
                        rs.getString(7), rs.getString(8), (Long) rs.getObject(9, Long.class)),
                operatorId, operatorId));
    }

    /**
     * An owner's instrument with its custodian.
     *
     * @param custodianId   operator holding it under an active entrustment, or null
     * @param custodianName that operator's name, or null
     */
    @Serdeable
    public record OwnedInstrument(long instrumentId, String code, String name, String model, String status,
                                  Long originalValueFen, Long custodianId, String custodianName, Long entrustmentId) {
    }

    /** The instruments {@code ownerId} owns, with their custodians; its owner admins and platform admins only. */
    public List<OwnedInstrument> ownedBy(Actor actor, long ownerId) {
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(ownerId, Role.OWNER_ADMIN)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only the owner's admins see its instruments and custody.");
        }
        return jdbc.read(c -> Jdbc.list(c, """
                SELECT i.id, i.code, i.name, i.model, i.status, i.original_value_fen, k.operator_id, o.name_zh, k.entrustment_id
                FROM instrument i LEFT JOIN instrument_custody k ON k.instrument_id = i.id
                LEFT JOIN organisation o ON o.id = k.operator_id
                WHERE i.owner_id = ? ORDER BY i.code LIMIT 2000""",
                rs -> new OwnedInstrument(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class), rs.getString(8),
                        (Long) rs.getObject(9, Long.class)), ownerId));
    }

    /**
     * The operator that holds {@code instrumentId} (its custodian, or its owner when that is an operator);
     * empty when nobody holds it (the row's NULL must not reach {@code Optional.of}).
     */
    public Optional<Long> custodianOf(long instrumentId) {
        return jdbc.read(c -> Jdbc.one(c, """
                SELECT COALESCE(k.operator_id, CASE WHEN o.kind = 'OPERATOR' THEN o.id END)
                FROM instrument i JOIN organisation o ON o.id = i.owner_id
                LEFT JOIN instrument_custody k ON k.instrument_id = i.id WHERE i.id = ?""",
                rs -> Optional.ofNullable((Long) rs.getObject(1, Long.class)), instrumentId)).flatMap(o -> o);
    }

    public static void requireStaff(Actor actor, long operatorId) {
        if (!actor.isPlatformAdmin() && !actor.isOperatorStaff(operatorId)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only the operator's own staff see its fleet.");
        }
    }
}
