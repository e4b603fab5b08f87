package cn.dayi.marketplace.importing;

import cn.dayi.marketplace.catalogue.InstrumentCode;
import cn.dayi.marketplace.catalogue.InstrumentStatus;
import cn.dayi.marketplace.catalogue.SharingMode;
import cn.dayi.marketplace.searchsync.SearchOutbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes one batch of validated rows inside the caller's transaction: resolves owners, inserts
 * new instruments, updates changed ones (by {@code source} + {@code source_id}), leaves identical
 * ones alone (by content hash), and queues every written instrument in the search outbox.
 */
final class InstrumentWriter {

    private static final String INSERT = """
            INSERT INTO instrument (code, name, name_en, model, manufacturer, country_code, original_value_fen,
              currency, purchase_date, funding_source, owner_id, department, address, region_code, lat, lon,
              category_code, technical_parameters, sample_requirements, service_description, sharing_mode, status,
              contact_name, contact_phone, contact_email, contact_url, photo_url, demo, content_hash,
              source, source_id)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""";
    private static final String UPDATE = """
            UPDATE instrument SET code = ?, name = ?, name_en = ?, model = ?, manufacturer = ?, country_code = ?,
              original_value_fen = ?, currency = ?, purchase_date = ?, funding_source = ?, owner_id = ?,
              department = ?, address = ?, region_code = ?, lat = ?, lon = ?, category_code = ?,
              technical_parameters = ?, sample_requirements = ?, service_description = ?, sharing_mode = ?,
              status = ?, contact_name = ?, contact_phone = ?, contact_email = ?, contact_url = ?, photo_url = ?,
              demo = ?, content_hash = ?, version = version + 1, updated_at = CURRENT_TIMESTAMP(3)
            WHERE source = ? AND source_id = ?""";

    private final OwnerResolver owners;
    private final SearchOutbox outbox;

    InstrumentWriter(OwnerResolver owners, SearchOutbox outbox) {
        this.owners = owners;
        this.outbox = outbox;
    }

    /** Counts of one written batch. */
    record BatchResult(int inserted, int updated, int unchanged) {
    }

    BatchResult write(Connection c, List<InstrumentRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new BatchResult(0, 0, 0);
        }
        Map<String, String> stored = storedHashes(c, rows);
        List<InstrumentRow> inserts = new ArrayList<>();
        List<InstrumentRow> updates = new ArrayList<>();
        Map<InstrumentRow, String> hashes = new HashMap<>();
        for (InstrumentRow r : rows) {
            String hash = contentHash(r);
            hashes.put(r, hash);
            String old = stored.get(key(r.source(), r.sourceId()));
            if (old == null) {
                inserts.add(r);
            } else if (!old.equals(hash)) {
                updates.add(r);
            }
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (InstrumentRow r : inserts) {
                    bind(c, ps, r, hashes.get(r));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                for (InstrumentRow r : updates) {
                    bind(c, ps, r, hashes.get(r));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        List<InstrumentRow> written = new ArrayList<>(inserts);
        written.addAll(updates);
        if (!written.isEmpty()) {
            outbox.enqueue(c, idsOf(c, written));
        }
        return new BatchResult(inserts.size(), updates.size(), rows.size() - inserts.size() - updates.size());
    }

    private void bind(Connection c, PreparedStatement ps, InstrumentRow r, String hash) throws SQLException {
        int i = 1;
        ps.setString(i++, InstrumentCode.of(r.source(), r.sourceId()));
        ps.setString(i++, r.name().strip());
        ps.setString(i++, r.nameEn());
        ps.setString(i++, r.model());
        ps.setString(i++, r.manufacturer());
        ps.setString(i++, r.countryCode());
        setLong(ps, i++, r.originalValueFen());
        ps.setString(i++, r.currency() == null ? "CNY" : r.currency());
        ps.setDate(i++, r.purchaseDate() == null ? null : Date.valueOf(r.purchaseDate()));
        ps.setString(i++, r.fundingSource() == null ? null : r.fundingSource().name());
        ps.setLong(i++, owners.idOf(c, r.owner()));
        ps.setString(i++, r.department());
        ps.setString(i++, r.address());
        ps.setString(i++, r.districtCode());
        setDouble(ps, i++, r.lat());
        setDouble(ps, i++, r.lon());
        ps.setString(i++, r.categoryCode() == null ? "15" : r.categoryCode());
        ps.setString(i++, r.technicalParameters());
        ps.setString(i++, r.sampleRequirements());
        ps.setString(i++, r.serviceDescription());
        ps.setString(i++, (r.sharingMode() == null ? SharingMode.EXTERNAL : r.sharingMode()).name());
        ps.setString(i++, (r.status() == null ? InstrumentStatus.IN_SERVICE : r.status()).name());
        ps.setString(i++, r.contactName());
        ps.setString(i++, r.contactPhone());
        ps.setString(i++, r.contactEmail());
        ps.setString(i++, r.contactUrl());
        ps.setString(i++, r.photoUrl());
        ps.setBoolean(i++, r.demo());
        ps.setString(i++, hash);
        ps.setString(i++, r.source());
        ps.setString(i, r.sourceId());
    }

    private static Map<String, String> storedHashes(Connection c, List<InstrumentRow> rows) throws SQLException {
        Map<String, String> out = new HashMap<>();
        selectBySourceKey(c, rows, "source_id, content_hash",
                (source, rs) -> out.put(key(source, rs.getString(1)), rs.getString(2)));
        return out;
    }

    private static List<Long> idsOf(Connection c, List<InstrumentRow> rows) throws SQLException {
        List<Long> ids = new ArrayList<>(rows.size());
        selectBySourceKey(c, rows, "id", (source, rs) -> ids.add(rs.getLong(1)));
        return ids;
    }

    /** Row callback of {@link #selectBySourceKey}. */
    private interface RowReader {
        void read(String source, ResultSet rs) throws SQLException;
    }

    /** {@code SELECT columns FROM instrument} for the rows' import keys, one query per source. */
    private static void selectBySourceKey(Connection c, List<InstrumentRow> rows, String columns, RowReader reader)
            throws SQLException {
        Map<String, List<String>> bySource = new HashMap<>();
        for (InstrumentRow r : rows) {
            bySource.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r.sourceId());
        }
        for (Map.Entry<String, List<String>> e : bySource.entrySet()) {
            String sql = "SELECT " + columns + " FROM instrument WHERE source = ? AND source_id IN ("
                    + placeholders(e.getValue().size()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, e.getKey());
                int i = 2;
                for (String id : e.getValue()) {
                    ps.setString(i++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(e.getKey(), rs);
                    }
                }
            }
        }
    }

    static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static String key(String source, String sourceId) {
        return source + "\u0000" + sourceId;
    }

    /** SHA-256 over every stored field, so an identical re-import writes nothing. */
    static String contentHash(InstrumentRow r) {
        String canonical = String.join("\u001f", Objects.toString(r, ""));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DECIMAL);
        } else {
            ps.setBigDecimal(i, java.math.BigDecimal.valueOf(v).setScale(6, java.math.RoundingMode.HALF_UP));
        }
    }
}
