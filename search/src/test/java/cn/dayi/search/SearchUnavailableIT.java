package cn.dayi.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.search.api.InstrumentIndex;
import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.InstrumentSearch;
import cn.dayi.search.api.SearchHealth;
import cn.dayi.search.api.SearchUnavailableException;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Nothing listens on port 1: every call fails fast with {@link SearchUnavailableException}. */
class SearchUnavailableIT {

    @Test
    void everyCallSaysSearchIsUnavailable() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "elasticsearch.url", "http://127.0.0.1:1",
                "dayi.search.index-prefix", "dayi-dead"))) {
            InstrumentSearch search = ctx.getBean(InstrumentSearch.class);
            InstrumentIndex index = ctx.getBean(InstrumentIndex.class);
            long started = System.nanoTime();
            assertUnavailable(() -> search.search(InstrumentQuery.all()));
            assertUnavailable(() -> search.suggest("核磁", 5));
            assertUnavailable(index::exists);
            assertUnavailable(index::count);
            assertUnavailable(index::ensureIndex);
            assertUnavailable(() -> index.index(List.of(Fixtures.catalogue().get(0))));
            assertUnavailable(() -> index.delete(List.of(1L)));
            assertUnavailable(() -> index.rebuild(sink -> sink.accept(Fixtures.catalogue())));
            assertFalse(ctx.getBean(SearchHealth.class).available());
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertTrue(ms < 10_000, "failing took " + ms + " ms");
        }
    }

    @Test
    void aMissingUrlIsAStartupError() {
        // without the environment: ELASTICSEARCH_URL would supply elasticsearch.url
        try (ApplicationContext ctx = ApplicationContext.builder()
                .environmentPropertySource(false)
                .properties(Map.of("dayi.search.index-prefix", "dayi-none"))
                .start()) {
            Exception e = assertThrows(Exception.class, () -> ctx.getBean(InstrumentSearch.class));
            assertTrue(String.valueOf(e.getMessage()).contains("elasticsearch.url"), e.getMessage());
        }
    }

    private static void assertUnavailable(Executable call) {
        SearchUnavailableException e = assertThrows(SearchUnavailableException.class, call);
        assertTrue(e.getMessage().contains("Elasticsearch"), e.getMessage());
    }
}
