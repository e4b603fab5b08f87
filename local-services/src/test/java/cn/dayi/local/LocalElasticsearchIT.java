package cn.dayi.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class LocalElasticsearchIT {

    @Test
    void startsTheDeclaredVersionOnLoopbackAndRemovesItsFoldersOnClose() throws Exception {
        LocalElasticsearch es = LocalElasticsearch.start("512m");
        try {
            assertTrue(es.url().startsWith("http://127.0.0.1:"));
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(es.url() + "/_nodes/_local/settings")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"version\":\"" + LocalElasticsearch.version() + "\""), r.body());
        } finally {
            es.close();
        }
        assertFalse(Files.exists(es.nodeDir()), "node folder left behind: " + es.nodeDir());
    }
}
