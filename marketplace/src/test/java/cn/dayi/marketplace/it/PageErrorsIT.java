package cn.dayi.marketplace.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.local.TestServices;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A page whose template fails answers a 500 at once, without a stack trace — it does not hang the browser. */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class PageErrorsIT implements RealServices {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestServices.isolatedMicronautProperties());
        p.put("spec.name", "PageErrorsIT");
        p.put("micronaut.http.client.read-timeout", "10s");
        return p;
    }

    @Controller("/test-broken-page")
    @Requires(property = "spec.name", value = "PageErrorsIT")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class BrokenPage {
        private final Pages pages;

        BrokenPage(Pages pages) {
            this.pages = pages;
        }

        @Get(produces = MediaType.TEXT_HTML)
        ModelAndView<Map<String, Object>> page(HttpRequest<?> request) {
            return new ModelAndView<>("broken-for-test", pages.model(request, "broken", "home"));
        }
    }

    @Test
    void aTemplateErrorIsA500NotAHang() {
        long t0 = System.nanoTime();
        HttpClientResponseException e = null;
        try {
            http.toBlocking().exchange(HttpRequest.GET("/test-broken-page").accept(MediaType.TEXT_HTML_TYPE), String.class);
        } catch (HttpClientResponseException ex) {
            e = ex;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertNotNull(e, "a broken page must not answer 200");
        assertEquals(500, e.getStatus().getCode());
        assertFalse(e.getResponse().getBody(String.class).orElse("").contains("Exception"), "no stack trace");
        assertTrue(took.toSeconds() < 5, "answered in " + took);
    }
}
