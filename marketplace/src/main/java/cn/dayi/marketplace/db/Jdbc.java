package cn.dayi.marketplace.db;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small JDBC helper for the feature stores: reads on a pooled connection, writes in one
 * transaction ({@link #write}), and parameter binding that knows {@link Instant} (stored as UTC
 * {@code TIMESTAMP(3)}), {@link LocalDate} and enums (stored by name). SQL failures surface as
 * {@link DataAccessFailure}; a broken UNIQUE / CHECK / foreign key constraint is recognisable with
 * {@link DataAccessFailure#violates(String)} so a store can turn it into a business error.
 */
@Singleton
public class Jdbc {

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Maps the current row. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

    private final DataSource dataSource;
    private final TransactionOperations<Connection> tx;

    public Jdbc(DataSource dataSource, TransactionOperations<Connection> tx) {
        this.dataSource = PlainDataSource.of(dataSource);
        this.tx = tx;
    }

    /** Runs read-only work on a pooled connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw DataAccessFailure.of(e);
        }
    }

    /** Runs work in one transaction: all of it commits, or none of it (any exception rolls back). */
    public <T> T write(Work<T> work) {
        return tx.executeWrite(status -> {
            try {
                return work.apply(status.getConnection());
            } catch (SQLException e) {
                throw DataAccessFailure.of(e);
            }
        });
    }

    /**
     * Like {@link #write}, but runs the work again (up to {@code attempts} times in all) when the database picked
     * this transaction as the victim of a deadlock (SQLState 40001, MariaDB/MySQL error 1213). InnoDB has then rolled
     * the whole transaction back, so running it again is safe — for work that changes nothing outside {@code c}.
     * Used where concurrent transactions lock index gaps in orders nobody can fix by ordering (e.g. vouchers of
     * different grants held at once: {@code voucher_use} inserts next to each other's range locks).
     */
    public <T> T writeRetryingDeadlocks(int attempts, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write(work);
            } catch (DataAccessFailure e) {
                if (!e.deadlock() || attempt >= attempts) {
                    throw e;
                }
                LOG.info("Deadlock victim, running the transaction again (attempt {} of {})", attempt + 1, attempts);
            }
        }
    }

    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.map(rs));
                }
                return out;
            }
        }
    }

    public static <T> Optional<T> one(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> all = list(c, sql, row, args);
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0)); // a NULL column maps to empty
    }

    public static long count(Connection c, String sql, Object... args) throws SQLException {
        return one(c, sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Executes an INSERT and returns the generated key. */
    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else if (a instanceof LocalDate d) {
                ps.setDate(i + 1, java.sql.Date.valueOf(d));
            } else if (a instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    /** A database failure; {@link #violates(String)} tells which constraint was broken, if any. */
    public static final class DataAccessFailure extends RuntimeException {
        private DataAccessFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        static DataAccessFailure of(SQLException e) {
            return new DataAccessFailure(e);
        }

        /** True when the database rolled the transaction back to break a deadlock. */
        public boolean deadlock() {
            return getCause() instanceof SQLException s && ("40001".equals(s.getSQLState()) || s.getErrorCode() == 1213);
        }

        /** True when the failure is a broken constraint (UNIQUE, CHECK, FK) whose name contains {@code constraint}. */
        public boolean violates(String constraint) {
            Throwable t = getCause();
            boolean integrity = t instanceof SQLIntegrityConstraintViolationException
                    || (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23"))
                    || (t instanceof SQLException s2 && s2.getErrorCode() == 4025); // MariaDB CHECK constraint
            return integrity && t.getMessage() != null && t.getMessage().contains(constraint);
        }
    }
}
