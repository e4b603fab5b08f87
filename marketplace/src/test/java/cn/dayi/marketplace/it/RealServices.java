package cn.dayi.marketplace.it;

import cn.dayi.local.TestServices;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a {@code @MicronautTest} at the real MariaDB schema and Elasticsearch node of this test
 * JVM (see {@link TestServices}): a schema and an index prefix of the test class's own.
 */
public interface RealServices extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return new HashMap<>(TestServices.isolatedMicronautProperties());
    }
}
