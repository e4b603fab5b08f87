package cn.dayi.marketplace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The public catalogue API over HTTP, on real data in the real services. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstrumentApiIT implements RealServices {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    CatalogueImporter importer;

    @BeforeAll
    void catalogue() throws Exception {
        importer.importFile("demo", Csv.of(""), new ImportOptions("demo", null, 1500), ImportProgress.NONE);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path), Map.class);
    }

    private HttpClientResponseException error(String path) {
        try {
            http.toBlocking().exchange(HttpRequest.GET(path), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + path);
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchAnswersInTheContractShapeWithFacets() {
        Map<String, Object> body = get("/api/v1/instruments?size=5");
        assertEquals(1500, ((Number) body.get("total")).intValue());
        assertEquals(0, ((Number) body.get("page")).intValue());
        assertEquals(5, ((Number) body.get("size")).intValue());
        List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
        assertEquals(5, items.size());
        Map<String, Object> item = items.get(0);
        for (String field : List.of("id", "code", "name", "model", "manufacturer", "category", "owner", "district", "location")) {
            assertTrue(item.containsKey(field), "item has " + field + ": " + item.keySet());
        }
        Map<String, Object> owner = (Map<String, Object>) item.get("owner");
        assertNotNull(owner.get("id"));
        assertNotNull(owner.get("name"));
        Map<String, Object> location = (Map<String, Object>) item.get("location");
        assertNotNull(location.get("lat"));
        Map<String, Object> facets = (Map<String, Object>) body.get("facets");
        for (String f : List.of("category", "district", "ownerKind")) {
            List<Map<String, Object>> buckets = (List<Map<String, Object>>) facets.get(f);
            assertFalse(buckets.isEmpty(), f + " facet has buckets");
            assertTrue(buckets.get(0).containsKey("key") && buckets.get(0).containsKey("count"));
        }
        long sum = ((List<Map<String, Object>>) facets.get("category")).stream()
                .mapToLong(b -> ((Number) b.get("count")).longValue()).sum();
        assertEquals(1500, sum, "category counts cover the whole result");
    }

    @Test
    @SuppressWarnings("unchecked")
    void filterNarrowsAndNearSortsByDistance() {
        Map<String, Object> all = get("/api/v1/instruments?size=1");
        Map<String, Object> nanshan = get("/api/v1/instruments?size=1&district=440305");
        long n = ((Number) nanshan.get("total")).longValue();
        assertTrue(n > 0 && n < ((Number) all.get("total")).longValue());
        Map<String, Object> near = get("/api/v1/instruments?near=22.5355,113.9360&radiusKm=3&sort=distance&size=20");
        List<Map<String, Object>> items = (List<Map<String, Object>>) near.get("items");
        assertFalse(items.isEmpty());
        double last = -1;
        for (Map<String, Object> i : items) {
            double d = ((Number) i.get("distanceKm")).doubleValue();
            assertTrue(d <= 3.0 + 1e-6, "within radius: " + d);
            assertTrue(d >= last, "sorted by distance");
            last = d;
        }
    }

    @Test
    void hugePageSizeIsCappedAndDeepPagesRefused() {
        Map<String, Object> body = get("/api/v1/instruments?size=1000000000");
        assertEquals(100, ((Number) body.get("size")).intValue());
        HttpClientResponseException deep = error("/api/v1/instruments?page=5000&size=100");
        assertEquals(HttpStatus.BAD_REQUEST, deep.getStatus());
        assertTrue(deep.getResponse().getBody(String.class).orElse("").contains("PAGE_TOO_DEEP"));
    }

    @Test
    void badParametersGetProblemJsonNamingTheField() {
        HttpClientResponseException e = error("/api/v1/instruments?near=123,456");
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("\"near\"") && body.contains("OUT_OF_RANGE"), body);
        assertFalse(body.contains("Exception"), "no stack trace: " + body);
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
        HttpClientResponseException sort = error("/api/v1/instruments?sort=distance");
        assertTrue(sort.getResponse().getBody(String.class).orElse("").contains("near"));
    }

    @Test
    void queryInjectionIsJustText() {
        String q = "核磁 AND (\" OR *:* OR name:/.*/ {\"query\":1}";
        String path = UriBuilder.of("/api/v1/instruments").queryParam("q", q).build().toString();
        HttpResponse<Map> r = http.toBlocking().exchange(HttpRequest.GET(path), Map.class);
        assertEquals(HttpStatus.OK, r.getStatus());
        long total = ((Number) r.body().get("total")).longValue();
        assertTrue(total < 1500, "syntax is not interpreted as match-all: " + total);
    }

    @Test
    @SuppressWarnings("unchecked")
    void detailByIdAndByCodeAndProblemFor404() {
        Map<String, Object> first = ((List<Map<String, Object>>) get("/api/v1/instruments?size=1").get("items")).get(0);
        Map<String, Object> byId = get("/api/v1/instruments/" + first.get("id"));
        Map<String, Object> byCode = get("/api/v1/instruments/" + first.get("code"));
        assertEquals(byId.get("code"), byCode.get("code"));
        assertNotNull(byId.get("originalValue"));
        HttpClientResponseException e = error("/api/v1/instruments/99999999");
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertTrue(e.getResponse().getBody(String.class).orElse("").contains("INSTRUMENT_NOT_FOUND"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void suggestCompletesChineseAndEnglish() {
        List<Map<String, Object>> zh = (List<Map<String, Object>>) get(
                UriBuilder.of("/api/v1/instruments/suggest").queryParam("q", "扫描").build().toString()).get("items");
        assertFalse(zh.isEmpty());
        assertTrue(zh.stream().allMatch(s -> String.valueOf(s.get("text")).contains("扫描")), zh.toString());
    }
}
