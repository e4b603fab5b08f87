package cn.dayi.search.elasticsearch;

import cn.dayi.search.api.SearchHealth;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SearchHealth} by cluster health with a 2 s answer timeout ({@code GET /} is not
 * answered by every distribution; cluster health is).
 */
@Singleton
final class ElasticsearchSearchHealth implements SearchHealth {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSearchHealth.class);

    private final ElasticsearchClient quick;

    ElasticsearchSearchHealth(ElasticsearchClient client) {
        RequestConfig shortTimeouts = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofSeconds(2))
                .setResponseTimeout(2, TimeUnit.SECONDS)
                .build();
        this.quick = client.withTransportOptions(new Rest5ClientOptions(
                RequestOptions.DEFAULT.toBuilder().setRequestConfig(shortTimeouts).build(), false));
    }

    @Override
    public boolean available() {
        try {
            HealthStatus status = quick.cluster().health(h -> h.timeout(t -> t.time("1s"))).status();
            return status == HealthStatus.Green || status == HealthStatus.Yellow;
        } catch (Exception e) {
            LOG.debug("Elasticsearch health check failed: {}", e.toString());
            return false;
        }
    }
}
