package cn.dayi.marketplace.catalogue;

import cn.dayi.marketplace.catalogue.InstrumentDetail.Contact;
import cn.dayi.marketplace.catalogue.InstrumentDetail.Location;
import cn.dayi.marketplace.catalogue.InstrumentDetail.Money;
import cn.dayi.marketplace.catalogue.InstrumentDetail.Owner;
import cn.dayi.marketplace.catalogue.InstrumentDetail.Ref;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads instruments and reference data from the database (not from the search index). */
@Singleton
public class CatalogueReader {

    private static final String DETAIL = """
            SELECT i.*, c.name_zh AS category_name, c.name_en AS category_name_en, o.name_zh AS owner_name,
                   o.kind AS owner_kind, r.name_zh AS district_name, r.name_en AS district_name_en
            FROM instrument i
            JOIN organisation o ON o.id = i.owner_id
            LEFT JOIN category c ON c.code = i.category_code
            LEFT JOIN region r ON r.code = i.region_code
            """;

    private final DataSource dataSource;

    public CatalogueReader(DataSource dataSource) {
        this.dataSource = cn.dayi.marketplace.db.PlainDataSource.of(dataSource);
    }

    /** By numeric id or by public code ({@code DY…}). */
    public Optional<InstrumentDetail> instrument(String idOrCode) {
        boolean numeric = idOrCode.matches("\\d{1,18}");
        String sql = DETAIL + (numeric ? " WHERE i.id = ?" : " WHERE i.code = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (numeric) {
                ps.setLong(1, Long.parseLong(idOrCode));
            } else {
                ps.setString(1, idOrCode);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(detail(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Number of instruments in the catalogue. */
    public long count() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM instrument");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The national categories in their official order. */
    public List<Ref> categories() {
        return refs("SELECT code, name_zh, name_en FROM category ORDER BY sort_order");
    }

    /** Districts (region level DISTRICT), by code. */
    public List<Ref> districts() {
        return refs("SELECT code, name_zh, name_en FROM region WHERE level = 'DISTRICT' ORDER BY code");
    }

    private List<Ref> refs(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<Ref> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Ref(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InstrumentDetail detail(ResultSet rs) throws SQLException {
        Long value = rs.getObject("original_value_fen", Long.class);
        BigDecimal lat = rs.getBigDecimal("lat");
        BigDecimal lon = rs.getBigDecimal("lon");
        Date purchase = rs.getDate("purchase_date");
        String category = rs.getString("category_code");
        String district = rs.getString("region_code");
        return new InstrumentDetail(
                rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("model"), rs.getString("manufacturer"), rs.getString("country_code"),
                value == null ? null : new Money(value, rs.getString("currency")),
                purchase == null ? null : purchase.toLocalDate(), rs.getString("funding_source"),
                category == null ? null : new Ref(category, rs.getString("category_name"), rs.getString("category_name_en")),
                new Owner(rs.getLong("owner_id"), rs.getString("owner_name"), rs.getString("owner_kind")),
                rs.getString("department"), rs.getString("address"),
                district == null ? null : new Ref(district, rs.getString("district_name"), rs.getString("district_name_en")),
                lat == null || lon == null ? null : new Location(lat.doubleValue(), lon.doubleValue()),
                rs.getString("technical_parameters"), rs.getString("sample_requirements"),
                rs.getString("service_description"), rs.getString("sharing_mode"), rs.getString("status"),
                new Contact(rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"),
                        rs.getString("contact_url")),
                rs.getString("photo_url"), rs.getString("source"), rs.getBoolean("demo"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
