package cn.dayi.marketplace.tariff;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.tariff.GuidanceBand;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Reads and sets pricing guidance per national category. Everyone may read it (it is public
 * policy); a FISCAL_OFFICER or PLATFORM_ADMIN sets it. Errors: 404 {@code CATEGORY_NOT_FOUND};
 * 403 {@code FORBIDDEN}; 400 {@code INVALID_GUIDANCE} (floor below 0, cap below cost, floor above
 * cap). Changing guidance does not touch published tariffs: it binds the next version.
 */
@Singleton
public class PricingGuidances {

    private static final String SELECT = """
            SELECT g.category_code, c.name_zh, g.floor_bp, g.cap_bp, g.set_by, g.set_at
            FROM pricing_guidance g JOIN category c ON c.code = g.category_code
            """;

    private final Jdbc jdbc;
    private final Clock clock;

    public PricingGuidances(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The guidance of a category; 404 {@code CATEGORY_NOT_FOUND} when the category is unknown. */
    public GuidanceView get(String categoryCode) {
        return jdbc.read(c -> find(c, categoryCode)).orElseThrow(() -> new ApiException.NotFound(
                "CATEGORY_NOT_FOUND", "There is no national category '" + categoryCode + "' with pricing guidance."));
    }

    /** Sets the band of a category, as a fiscal officer or platform admin. */
    public GuidanceView set(Actor actor, String categoryCode, Integer floorBp, Integer capBp) {
        actor.requireRole(Role.FISCAL_OFFICER, Role.PLATFORM_ADMIN);
        GuidanceView current = get(categoryCode);
        GuidanceBand band = new GuidanceBand(current.categoryName(),
                PricingException.require(floorBp, "floorBp"), PricingException.require(capBp, "capBp"));
        jdbc.write(c -> Jdbc.update(c, "UPDATE pricing_guidance SET floor_bp = ?, cap_bp = ?, set_by = ?, set_at = ? "
                + "WHERE category_code = ?", band.floorBp(), band.capBp(), actor.personId(), clock.instant(),
                current.categoryCode()));
        return get(categoryCode);
    }

    /** The band of a category for checking tariffs, read on {@code c}. */
    static Optional<GuidanceBand> band(Connection c, String categoryCode) throws SQLException {
        return find(c, categoryCode).map(g -> new GuidanceBand(g.categoryName(), g.floorBp(), g.capBp()));
    }

    private static Optional<GuidanceView> find(Connection c, String categoryCode) throws SQLException {
        if (categoryCode == null) {
            return Optional.empty();
        }
        return Jdbc.one(c, SELECT + " WHERE g.category_code = ?", rs -> new GuidanceView(rs.getString(1),
                rs.getString(2), rs.getInt(3), rs.getInt(4), (Long) rs.getObject(5, Long.class),
                Jdbc.instant(rs, "set_at")), categoryCode.strip());
    }
}
