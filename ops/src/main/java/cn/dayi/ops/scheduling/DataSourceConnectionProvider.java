package cn.dayi.ops.scheduling;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Hands Quartz connections from the application's pool. Quartz's {@code JobStoreTX} manages its
 * own transactions on them (auto-commit off, commit/rollback, close = back to the pool), so the
 * pool underneath Micronaut's transaction-aware proxy is given, not the proxy. Quartz does not
 * own the pool: {@link #shutdown()} leaves it open.
 */
final class DataSourceConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the application closes its pool
    }

    @Override
    public void initialize() {
        // nothing to set up: the pool exists
    }
}
