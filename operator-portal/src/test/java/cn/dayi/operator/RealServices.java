package cn.dayi.operator;

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
        try { // uploaded files go to a fresh folder per test class, not to the cache
            p.put("dayi.files.root", java.nio.file.Files.createTempDirectory("dayi-files-").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }
}
