package cn.dayi.marketplace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.local.TestServices;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportReport;
import cn.dayi.marketplace.searchsync.SearchIndexer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With Elasticsearch unreachable: search answers 503 problem JSON, instrument pages and imports
 * keep working, and what was imported meanwhile waits in the outbox until search is back.
 */
class SearchDownIT {

    @Test
    void searchDownIsA503AndChangesWaitInTheOutboxUntilItIsBack() throws Exception {
        Map<String, String> services = TestServices.isolatedMicronautProperties();
        Map<String, Object> props = new HashMap<>(services);
        props.put("elasticsearch.url", "http://127.0.0.1:1");
        props.put("micronaut.server.port", -1);
        String code;
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            ImportReport r = server.getApplicationContext().getBean(CatalogueImporter.class).importFile("dayi-csv",
                    Csv.of(Csv.DAYI_HEADER + "D1,拉曼光谱仪,LabRAM HR Evolution,HORIBA,FR,1600000,2019-01-01,"
                            + "LOCAL_FISCAL,深圳大学,UNIVERSITY,440305,22.5355,113.9360,01,,EXTERNAL\n"),
                    new ImportOptions("down-it", null, 0), ImportProgress.NONE);
            assertEquals(1, r.inserted(), "imports work while search is down");
            assertTrue(server.getApplicationContext().getBean(SearchIndexer.class).backlog() >= 1,
                    "the change waits in the outbox");
            HttpClientResponseException e = null;
            String answered = null;
            try {
                answered = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/instruments?q=" 
                        + java.net.URLEncoder.encode("拉曼", java.nio.charset.StandardCharsets.UTF_8)));
            } catch (HttpClientResponseException ex) {
                e = ex;
            }
            assertTrue(e != null, "search must fail, answered: " + answered);
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, e.getStatus(), e.getResponse().getBody(String.class).orElse(""));
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains("SEARCH_UNAVAILABLE"));
            code = cn.dayi.marketplace.catalogue.InstrumentCode.of("dayi-csv:down-it", "D1");
            String detail = http.toBlocking().retrieve("/api/v1/instruments/" + code);
            assertTrue(detail.contains("拉曼光谱仪"), "instrument pages still answer");
        }
        Map<String, Object> live = new HashMap<>(services);
        live.put("micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, live, "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            SearchIndexer.DrainResult drained = server.getApplicationContext().getBean(SearchIndexer.class).drainNow();
            assertEquals(0, drained.backlog());
            String body = http.toBlocking().retrieve("/api/v1/instruments?q=LabRAM");
            assertTrue(body.contains(code), "indexed once search is back: " + body);
        }
    }
}
