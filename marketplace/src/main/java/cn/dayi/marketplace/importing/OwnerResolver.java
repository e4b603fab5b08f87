package cn.dayi.marketplace.importing;

import cn.dayi.marketplace.importing.InstrumentRow.OwnerRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds or creates the owning organisation of a row by ({@code source}, {@code source_id}),
 * updating its name, kind and district when the feed says otherwise. Caches ids for one import.
 */
final class OwnerResolver {

    private static final String UPSERT = """
            INSERT INTO organisation (name_zh, name_en, kind, region_code, source, source_id, demo)
            VALUES (?,?,?,?,?,?,?)
            ON DUPLICATE KEY UPDATE name_zh = VALUES(name_zh), name_en = COALESCE(VALUES(name_en), name_en),
              kind = VALUES(kind), region_code = COALESCE(VALUES(region_code), region_code)""";

    private final Map<OwnerRef, Long> cache = new HashMap<>();
    private final cn.dayi.marketplace.searchsync.SearchOutbox outbox;

    OwnerResolver(cn.dayi.marketplace.searchsync.SearchOutbox outbox) {
        this.outbox = outbox;
    }

    long idOf(Connection c, OwnerRef owner) throws SQLException {
        Long cached = cache.get(owner);
        if (cached != null) {
            return cached;
        }
        boolean changed;
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, owner.name().strip());
            ps.setString(2, owner.nameEn());
            ps.setString(3, owner.kind().name());
            ps.setString(4, owner.districtCode());
            ps.setString(5, owner.source());
            ps.setString(6, owner.sourceId());
            ps.setBoolean(7, "demo".equals(owner.source()));
            changed = ps.executeUpdate() == 2; // MySQL: 1 inserted, 2 existing row changed
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM organisation WHERE source = ? AND source_id = ?")) {
            ps.setString(1, owner.source());
            ps.setString(2, owner.sourceId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                cache.put(owner, id);
                if (changed) {
                    // the owner's name is part of every instrument's search document
                    outbox.enqueueOwner(c, id);
                }
                return id;
            }
        }
    }

    /** Forget cached ids (after a rolled-back transaction). */
    void forget() {
        cache.clear();
    }
}
