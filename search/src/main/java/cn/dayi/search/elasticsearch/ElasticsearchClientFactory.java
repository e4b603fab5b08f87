package cn.dayi.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.core5.util.Timeout;

/**
 * Creates the Elasticsearch client from configuration.
 *
 * <table>
 *   <caption>Configuration</caption>
 *   <tr><th>property</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code elasticsearch.url}</td><td>node address, e.g. {@code http://127.0.0.1:9200};
 *       several nodes comma-separated</td><td>required</td></tr>
 *   <tr><td>{@code elasticsearch.connect-timeout}</td><td>TCP connect timeout</td><td>2s</td></tr>
 *   <tr><td>{@code elasticsearch.response-timeout}</td><td>time to wait for an answer</td><td>10s</td></tr>
 * </table>
 *
 * <p>The low-level client is closed when the application context stops.
 */
@Factory
final class ElasticsearchClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Rest5Client elasticsearchRestClient(@Value("${elasticsearch.url}") String url,
                                        @Value("${elasticsearch.connect-timeout:2s}") Duration connectTimeout,
                                        @Value("${elasticsearch.response-timeout:10s}") Duration responseTimeout) {
        List<URI> hosts = parseHosts(url);
        return Rest5Client.builder(hosts)
                .setConnectionConfigCallback(c -> c
                        .setConnectTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(responseTimeout.toMillis())))
                .setRequestConfigCallback(r -> r
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(connectTimeout.toMillis()))
                        .setResponseTimeout(responseTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .build();
    }

    @Singleton
    ElasticsearchClient elasticsearchClient(Rest5Client restClient) {
        return new ElasticsearchClient(new Rest5ClientTransport(restClient,
                new JacksonJsonpMapper(DocumentCodec.MAPPER)));
    }

    static List<URI> parseHosts(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("elasticsearch.url is empty; expected e.g. http://127.0.0.1:9200");
        }
        return Arrays.stream(url.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(ElasticsearchClientFactory::parseHost)
                .toList();
    }

    private static URI parseHost(String s) {
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("elasticsearch.url is not a URL: " + s, e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("elasticsearch.url must be http(s)://host:port, got: " + s);
        }
        return uri;
    }
}
