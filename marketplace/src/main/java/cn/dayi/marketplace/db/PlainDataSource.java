package cn.dayi.marketplace.db;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import javax.sql.DataSource;

/**
 * The injected {@link DataSource} is Micronaut's contextual proxy, which only hands out the
 * connection of a surrounding {@code @Transactional}/{@code @Connectable} scope. Code that manages
 * its own connections (reads with try-with-resources, the outbox drain) uses the pool underneath;
 * writes go through {@code TransactionOperations} and its status connection.
 */
public final class PlainDataSource {

    private PlainDataSource() {
    }

    public static DataSource of(DataSource injected) {
        return DelegatingDataSource.unwrapDataSource(injected);
    }
}
