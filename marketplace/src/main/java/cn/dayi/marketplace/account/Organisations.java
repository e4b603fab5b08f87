package cn.dayi.marketplace.account;

import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Organisations as the admin pages and API see them: list, look up, create. Owners created by a
 * catalogue import are organisations too (source = the import's source); organisations created
 * here have source {@code admin}.
 */
@Singleton
public class Organisations {

    /** An organisation; {@code regionCode} is a district or city code (GB/T 2260) or null. */
    @Serdeable
    public record Organisation(long id, String nameZh, String nameEn, OrganisationKind kind, String regionCode) {
    }

    private final Jdbc jdbc;

    public Organisations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organisation> find(long id) {
        return jdbc.read(c -> Jdbc.one(c, "SELECT id, name_zh, name_en, kind, region_code FROM organisation WHERE id = ?",
                Organisations::row, id));
    }

    public Organisation get(long id) {
        return find(id).orElseThrow(() -> new ApiException.NotFound("ORGANISATION_NOT_FOUND",
                "There is no organisation with id " + id + "."));
    }

    /**
     * Organisations whose Chinese or English name contains {@code text} (all when blank), optionally
     * of one kind, by name; at most {@code limit}.
     */
    public List<Organisation> search(String text, OrganisationKind kind, int limit) {
        String like = "%" + (text == null ? "" : text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return jdbc.read(c -> Jdbc.list(c, """
                SELECT id, name_zh, name_en, kind, region_code FROM organisation
                WHERE (name_zh LIKE ? OR name_en LIKE ?) AND (? IS NULL OR kind = ?)
                ORDER BY name_zh LIMIT ?""", Organisations::row, like, like, kind == null ? null : kind.name(),
                kind == null ? null : kind.name(), Math.max(1, Math.min(limit, 500))));
    }

    /**
     * Creates an organisation.
     *
     * @throws ApiException.ValidationFailed {@code NAME_REQUIRED} for a blank name, {@code UNKNOWN_REGION}
     *                                       for a region code the platform does not know
     */
    public Organisation create(String nameZh, String nameEn, OrganisationKind kind, String regionCode) {
        if (nameZh == null || nameZh.isBlank()) {
            throw new ApiException.ValidationFailed("nameZh", "NAME_REQUIRED", "An organisation needs a (Chinese) name.");
        }
        if (kind == null) {
            throw new ApiException.ValidationFailed("kind", "KIND_REQUIRED",
                    "Say what kind of organisation this is: " + List.of(OrganisationKind.values()) + ".");
        }
        try {
            long id = jdbc.write(c -> Jdbc.insert(c, """
                    INSERT INTO organisation (name_zh, name_en, kind, region_code, source, source_id)
                    VALUES (?, ?, ?, ?, 'admin', ?)""", nameZh.strip(), blankToNull(nameEn), kind,
                    blankToNull(regionCode), UUID.randomUUID().toString()));
            return get(id);
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("fk_organisation_region")) {
                throw new ApiException.ValidationFailed("regionCode", "UNKNOWN_REGION",
                        "Region code '" + regionCode + "' is not known to the platform.");
            }
            throw e;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Organisation row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Organisation(rs.getLong(1), rs.getString(2), rs.getString(3), OrganisationKind.valueOf(rs.getString(4)),
                rs.getString(5));
    }
}
