package cn.dayi.app.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.local.TestServices;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /health} tells whether database and search answer; the OpenAPI description is served. */
class HealthAndOpenApiIT {

    private static EmbeddedServer start(Map<String, String> services, String elasticsearchUrl) {
        Map<String, Object> props = new HashMap<>(services);
        props.put("micronaut.server.port", -1);
        props.put("dayi.catalogue.seed-on-empty", false);
        if (elasticsearchUrl != null) {
            props.put("elasticsearch.url", elasticsearchUrl);
        }
        return ApplicationContext.run(EmbeddedServer.class, props, "test");
    }

    @Test
    void healthIsUpWithBothServicesAndOpenApiIsServed() {
        try (EmbeddedServer server = start(TestServices.isolatedMicronautProperties(), null);
             HttpClient http = HttpClient.create(server.getURL())) {
            String health = http.toBlocking().retrieve("/health");
            assertTrue(health.contains("\"status\":\"UP\""), health);
            assertTrue(health.contains("\"jdbc\"") && health.contains("\"search\""), health);
            String openApi = http.toBlocking().retrieve("/swagger/dayi-api-1.yml");
            assertTrue(openApi.contains("/api/v1/instruments"), "the search endpoint is described");
            assertTrue(openApi.contains("INSTRUMENT_NOT_FOUND"), "error codes are documented");
        }
    }

    @Test
    void healthIs503WhenSearchIsDown() {
        try (EmbeddedServer server = start(TestServices.isolatedMicronautProperties(), "http://127.0.0.1:1");
             HttpClient http = HttpClient.create(server.getURL())) {
            HttpClientResponseException e = null;
            try {
                http.toBlocking().retrieve("/health");
            } catch (HttpClientResponseException ex) {
                e = ex;
            }
            assertTrue(e != null, "health must not be 200 with search down");
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus());
            String body = e.getResponse().getBody(String.class).orElse("");
            assertTrue(body.contains("not answering"), body);
        }
    }
}
