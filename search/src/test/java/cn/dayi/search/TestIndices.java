package cn.dayi.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.List;

/** Removes a test's indices, so runs against a shared ELASTICSEARCH_URL leave nothing behind. */
final class TestIndices {

    private TestIndices() {
    }

    static void deleteAll(ElasticsearchClient client, String prefix) throws IOException {
        List<String> names = List.copyOf(client.indices().get(g -> g.index(prefix + "-instruments*")
                .ignoreUnavailable(true).allowNoIndices(true)).indices().keySet());
        if (!names.isEmpty()) {
            client.indices().delete(d -> d.index(names));
        }
    }
}
