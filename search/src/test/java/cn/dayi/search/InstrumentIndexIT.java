package cn.dayi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.local.TestServices;
import cn.dayi.search.api.InstrumentDocument;
import cn.dayi.search.api.InstrumentIndex;
import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.InstrumentSearch;
import cn.dayi.search.api.SearchHealth;
import cn.dayi.search.api.SearchResult;
import cn.dayi.search.api.SearchUnavailableException;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Index lifecycle on a real Elasticsearch node: create, write, delete, rebuild under load. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstrumentIndexIT implements TestPropertyProvider {

    static final String PREFIX = "dayi-it-" + TestServices.runId() + "-index";
    static final String ALIAS = PREFIX + "-instruments";

    @Inject
    InstrumentIndex index;
    @Inject
    InstrumentSearch search;
    @Inject
    SearchHealth health;
    @Inject
    ElasticsearchClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "elasticsearch.url", TestServices.elasticsearchUrl(),
                "dayi.search.index-prefix", PREFIX,
                "dayi.search.replicas", "0");
    }

    @Test
    @Order(1)
    void beforeAnyWriteThereIsNoAliasAndSearchesAreEmpty() {
        assertFalse(index.exists());
        assertEquals(0, index.count());
        assertEquals(0, search.search(InstrumentQuery.all()).total());
        assertTrue(search.suggest("核磁", 5).isEmpty());
        index.delete(List.of(1L)); // nothing to delete: no error, and no index made up
        assertFalse(index.exists());
    }

    @Test
    @Order(2)
    void ensureIndexCreatesTheFirstVersionBehindTheAliasOnce() throws Exception {
        index.ensureIndex();
        index.ensureIndex();
        assertTrue(index.exists());
        assertEquals(List.of(ALIAS + "-v1"), behindAlias());
    }

    @Test
    @Order(3)
    void indexedDocumentsAreSearchableAtOnceAndDeletedOnesGone() {
        InstrumentDocument nmr = Fixtures.doc(9001, "核磁共振波谱仪", "NMR", "AVANCE NEO 400", "Bruker", "DE",
                3_000_000, "01", 2, "400MHz", "EXTERNAL");
        InstrumentDocument sem = Fixtures.doc(9002, "扫描电子显微镜", "SEM", "SU5000", "Hitachi", "JP",
                2_000_000, "01", 2, "", "EXTERNAL");
        index.index(List.of(nmr, sem));
        assertEquals(2, index.count());
        assertEquals(9001L, search.search(Queries.text("核磁").build()).items().get(0).document().id());

        InstrumentDocument renamed = Fixtures.doc(9002, "场发射扫描电子显微镜", "FE-SEM", "SU5000", "Hitachi", "JP",
                2_000_000, "01", 2, "", "EXTERNAL");
        index.index(List.of(renamed));
        SearchResult r = search.search(Queries.text("场发射").build());
        assertEquals("场发射扫描电子显微镜", r.items().get(0).document().name());
        assertEquals(2, index.count(), "indexing again replaces");

        assertEquals("场发射扫描电子显微镜", search.suggest("场发射", 5).get(0).text());
        index.delete(List.of(9002L, 424242L));
        assertEquals(1, index.count());
        assertEquals(0, search.search(Queries.text("SU5000").build()).total());
        assertTrue(search.suggest("场发射", 5).isEmpty(), "no suggestions from deleted instruments");
    }

    @Test
    @Order(4)
    void aRejectedDocumentIsNamedInTheException() {
        InstrumentDocument good = Fixtures.doc(9003, "X射线衍射仪", null, "MiniFlex", "Rigaku", "JP",
                400_000, "01", 2, "", "EXTERNAL");
        InstrumentDocument d = Fixtures.doc(9004, "原子力显微镜", null, "NX10", "Park", "KR",
                1_000_000, "01", 2, "", "EXTERNAL");
        InstrumentDocument offTheGlobe = new InstrumentDocument(d.id(), d.code(), d.name(), d.nameEn(), d.model(),
                d.manufacturer(), d.countryCode(), d.originalValueFen(), d.currency(), d.valueBand(), d.fundingSource(),
                d.categoryCode(), d.categoryName(), d.ownerId(), d.ownerName(), d.ownerKind(), d.districtCode(),
                d.districtName(), d.regionCodes(), 123.0, 500.0, d.technicalParameters(), d.sharingMode(), d.status(),
                d.purchaseDate(), d.demo(), d.updatedAt());
        SearchUnavailableException e = assertThrows(SearchUnavailableException.class,
                () -> index.index(List.of(good, offTheGlobe)));
        assertTrue(e.getMessage().contains("9004"), e.getMessage());
        assertFalse(e.getMessage().contains("9003"), e.getMessage());
        assertEquals(1, search.search(Queries.text("MiniFlex").build()).total(), "the good one was written");
    }

    @Test
    @Order(5)
    void healthSaysAvailable() {
        assertTrue(health.available());
    }

    @Test
    @Order(6)
    void rebuildSwapsTheAliasWithoutAWindowWhereSearchFails() throws Exception {
        List<InstrumentDocument> catalogue = Fixtures.catalogue();
        InstrumentIndex.RebuildResult first = index.rebuild(sink -> sink.accept(catalogue));
        assertEquals(catalogue.size(), first.documents());
        assertEquals(List.of(first.index()), behindAlias());
        assertFalse(exists(ALIAS + "-v1"), "the first version is deleted");

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong minTotal = new AtomicLong(Long.MAX_VALUE);
        AtomicLong minText = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger searches = new AtomicInteger();
        Thread reader = Thread.ofPlatform().name("search-during-rebuild").start(() -> {
            while (running.get()) {
                try {
                    minTotal.accumulateAndGet(search.search(InstrumentQuery.all()).total(), Math::min);
                    minText.accumulateAndGet(search.search(Queries.text("电镜").build()).total(), Math::min);
                    searches.incrementAndGet();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }
        });
        List<InstrumentDocument> shuffled = new ArrayList<>(catalogue);
        Collections.shuffle(shuffled, new java.util.Random(7));
        InstrumentIndex.RebuildResult second;
        try {
            Thread.sleep(200);
            second = index.rebuild(sink -> {
                for (int i = 0; i < shuffled.size(); i += 5) {
                    sink.accept(shuffled.subList(i, Math.min(shuffled.size(), i + 5)));
                    pause(60);
                }
            });
            Thread.sleep(300);
        } finally {
            running.set(false);
            reader.join(10_000);
        }
        assertTrue(failures.isEmpty(), "searches failed during the rebuild: " + failures);
        assertTrue(searches.get() > 10, "the reader ran alongside: " + searches.get());
        assertEquals(catalogue.size(), minTotal.get(), "the total never dropped");
        assertTrue(minText.get() >= Fixtures.ELECTRON_MICROSCOPES.size(), "text results never dropped: " + minText);
        assertNotEquals(first.index(), second.index());
        assertEquals(catalogue.size(), second.documents());
        assertEquals(List.of(second.index()), behindAlias());
        assertFalse(exists(first.index()), "the old version is deleted");
        assertEquals(catalogue.size(), index.count());
    }

    @Test
    @Order(7)
    void aFailingFillerLeavesTheCurrentIndexServingAndCleansUp() throws Exception {
        List<String> before = behindAlias();
        AtomicLong created = new AtomicLong();
        RuntimeException boom = new IllegalStateException("database went away");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> index.rebuild(sink -> {
            sink.accept(Fixtures.catalogue().subList(0, 3));
            created.incrementAndGet();
            throw boom;
        }));
        assertEquals(boom, e);
        assertEquals(1, created.get());
        assertEquals(before, behindAlias());
        assertEquals(Fixtures.catalogue().size(), index.count());
        var versions = client.indices().get(g -> g.index(ALIAS + "-v*")).indices().keySet();
        assertEquals(before, List.copyOf(versions), "the half-built version is deleted");
    }

    @Test
    @Order(8)
    void indexingAfterTheAliasWasRemovedRecreatesIt() throws Exception {
        for (String idx : behindAlias()) {
            client.indices().delete(d -> d.index(idx));
        }
        assertFalse(index.exists());
        InstrumentDocument d = Fixtures.doc(9100, "流式细胞仪", null, "FACSymphony A5", "BD", "US",
                5_000_000, "01", 2, "", "EXTERNAL");
        index.index(List.of(d), true);
        assertTrue(index.exists());
        assertEquals(1, index.count());
        assertTrue(behindAlias().get(0).startsWith(ALIAS + "-v"));
        assertTrue(d.updatedAt().isBefore(Instant.now()));
    }

    @AfterAll
    void removeIndices() throws Exception {
        TestIndices.deleteAll(client, PREFIX);
    }

    private List<String> behindAlias() throws Exception {
        return client.indices().getAlias(a -> a.name(ALIAS)).aliases().keySet().stream().sorted().toList();
    }

    private boolean exists(String index) throws Exception {
        return client.indices().exists(e -> e.index(index)).value();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
