package cn.dayi.marketplace.searchsync;

import cn.dayi.search.api.InstrumentDocument;
import cn.dayi.search.api.ValueBand;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps catalogue rows to search documents: one query joining instrument, owner, category and
 * district, plus the region hierarchy (district → city → province → country) held in memory, and
 * the COMMERCIAL "price from" of the tariffs in effect today ({@link ListedPrices}) and the buyers'
 * rating ({@link InstrumentRatings}).
 */
@Singleton
public class InstrumentDocuments {

    private final ListedPrices prices;
    private final InstrumentRatings ratings;

    public InstrumentDocuments(ListedPrices prices, InstrumentRatings ratings) {
        this.prices = prices;
        this.ratings = ratings;
    }

    private static final String SELECT = """
            SELECT i.id, i.code, i.name, i.name_en, i.model, i.manufacturer, i.country_code, i.original_value_fen,
                   i.currency, i.funding_source, i.category_code, c.name_zh AS category_name, o.id AS owner_id,
                   o.name_zh AS owner_name, o.kind AS owner_kind, i.region_code, r.name_zh AS district_name,
                   i.lat, i.lon, i.technical_parameters, i.sharing_mode, i.status, i.purchase_date, i.demo,
                   i.updated_at
            FROM instrument i
            JOIN organisation o ON o.id = i.owner_id
            LEFT JOIN category c ON c.code = i.category_code
            LEFT JOIN region r ON r.code = i.region_code
            """;

    /** Documents for these ids; ids with no instrument are simply absent from the result. */
    public List<InstrumentDocument> load(Connection c, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, String> parents = parents(c);
        String sql = SELECT + " WHERE i.id IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Long id : ids) {
                ps.setLong(i++, id);
            }
            return withRatings(c, withPrices(c, read(ps, parents)));
        }
    }

    /** One page in id order after {@code afterId} (keyset paging for full rebuilds). */
    public List<InstrumentDocument> page(Connection c, long afterId, int limit) throws SQLException {
        Map<String, String> parents = parents(c);
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE i.id > ? ORDER BY i.id LIMIT ?")) {
            ps.setLong(1, afterId);
            ps.setInt(2, limit);
            return withRatings(c, withPrices(c, read(ps, parents)));
        }
    }

    private List<InstrumentDocument> read(PreparedStatement ps, Map<String, String> parents) throws SQLException {
        List<InstrumentDocument> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Long value = (Long) rs.getObject("original_value_fen", Long.class);
                String currency = rs.getString("currency");
                BigDecimal lat = rs.getBigDecimal("lat");
                BigDecimal lon = rs.getBigDecimal("lon");
                Date purchase = rs.getDate("purchase_date");
                String district = rs.getString("region_code");
                out.add(new InstrumentDocument(
                        rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                        rs.getString("model"), rs.getString("manufacturer"), rs.getString("country_code"),
                        value, currency,
                        "CNY".equals(currency) ? ValueBand.codeOf(value) : null,
                        rs.getString("funding_source"), rs.getString("category_code"), rs.getString("category_name"),
                        rs.getLong("owner_id"), rs.getString("owner_name"), rs.getString("owner_kind"),
                        district, rs.getString("district_name"), lineage(district, parents),
                        lat == null ? null : lat.doubleValue(), lon == null ? null : lon.doubleValue(),
                        rs.getString("technical_parameters"), rs.getString("sharing_mode"), rs.getString("status"),
                        purchase == null ? null : purchase.toLocalDate(), rs.getBoolean("demo"),
                        rs.getTimestamp("updated_at").toInstant()));
            }
        }
        return out;
    }

    /** Adds the COMMERCIAL "price from" of today (Asia/Shanghai); instruments without a tariff stay unpriced. */
    private List<InstrumentDocument> withPrices(Connection c, List<InstrumentDocument> docs) throws SQLException {
        Map<Long, ListedPrices.Listed> listed = prices.of(c, docs.stream().map(InstrumentDocument::id).toList());
        if (listed.isEmpty()) {
            return docs;
        }
        return docs.stream().map(d -> {
            ListedPrices.Listed p = listed.get(d.id());
            return p == null ? d : d.withPrice(p.fromFen(), p.unit());
        }).toList();
    }

    /** Adds the review rating; instruments without reviews stay unrated. */
    private List<InstrumentDocument> withRatings(Connection c, List<InstrumentDocument> docs) throws SQLException {
        Map<Long, InstrumentRatings.Rating> rated = ratings.of(c, docs.stream().map(InstrumentDocument::id).toList());
        if (rated.isEmpty()) {
            return docs;
        }
        return docs.stream().map(d -> {
            InstrumentRatings.Rating r = rated.get(d.id());
            return r == null ? d : d.withRating(r.average(), r.count());
        }).toList();
    }

    private static List<String> lineage(String code, Map<String, String> parents) {
        List<String> out = new ArrayList<>();
        String c = code;
        while (c != null && out.size() < 8) {
            out.add(c);
            c = parents.get(c);
        }
        return out;
    }

    private static Map<String, String> parents(Connection c) throws SQLException {
        Map<String, String> m = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT code, parent_code FROM region")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }
}
