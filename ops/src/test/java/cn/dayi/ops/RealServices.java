package cn.dayi.ops;

import cn.dayi.local.TestServices;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;

/** Points a {@code @MicronautTest} at a MariaDB schema and Elasticsearch index prefix of the test class's own. */
public interface RealServices extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestServices.isolatedMicronautProperties());
        p.put("micronaut.http.client.follow-redirects", "false");
        p.put("micronaut.http.client.read-timeout", "30s");
        p.putAll(extraProperties());
        return p;
    }

    /** Properties of the test class (e.g. {@code dayi.scheduler.enabled}). */
    default Map<String, String> extraProperties() {
        return Map.of();
    }
}
