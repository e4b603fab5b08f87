package cn.dayi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.local.TestServices;
import cn.dayi.search.api.InstrumentDocument;
import cn.dayi.search.api.InstrumentIndex;
import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.InstrumentSearch;
import cn.dayi.search.api.SearchResult;
import cn.dayi.search.api.Suggestion;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Searches over the fixture catalogue on a real Elasticsearch node. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstrumentSearchIT implements TestPropertyProvider {

    static final List<InstrumentDocument> CATALOGUE = Fixtures.catalogue();
    static final String PREFIX = "dayi-it-" + TestServices.runId() + "-search";

    @Inject
    InstrumentIndex index;
    @Inject
    InstrumentSearch search;
    @Inject
    ElasticsearchClient client;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "elasticsearch.url", TestServices.elasticsearchUrl(),
                "dayi.search.index-prefix", PREFIX,
                "dayi.search.replicas", "0");
    }

    @BeforeAll
    void indexCatalogue() {
        InstrumentIndex.RebuildResult r = index.rebuild(sink -> sink.accept(CATALOGUE));
        assertEquals(CATALOGUE.size(), r.documents());
    }

    @AfterAll
    void removeIndices() throws Exception {
        TestIndices.deleteAll(client, PREFIX);
    }

    // ------------------------------------------------------------------ relevance

    @Test
    void nmrAbbreviationPutsNmrSpectrometersFirstAndScatteredCharactersBelow() {
        SearchResult r = search.search(Queries.text("核磁").build());
        List<Long> ids = ids(r);
        assertEquals(Fixtures.NMR, Set.copyOf(ids.subList(0, 3)), "top 3 for 核磁: " + names(r));
        for (long distractor : Fixtures.NMR_DISTRACTORS) {
            int at = ids.indexOf(distractor);
            assertTrue(at < 0 || at >= 3, distractor + " ranks among the NMR spectrometers: " + names(r));
        }
        assertFalse(ids.contains(8L), "磁共振成像系统 has no 核 at all: " + names(r));
    }

    @Test
    void electronMicroscopeAbbreviationFillsTheTopWithElectronMicroscopes() {
        SearchResult r = search.search(Queries.text("电镜").build());
        List<Long> ids = ids(r);
        int n = Fixtures.ELECTRON_MICROSCOPES.size();
        assertTrue(ids.size() >= n, names(r));
        assertEquals(Fixtures.ELECTRON_MICROSCOPES, Set.copyOf(ids.subList(0, n)), "top " + n + ": " + names(r));
        for (long distractor : Fixtures.EM_DISTRACTORS) {
            int at = ids.indexOf(distractor);
            assertTrue(at < 0 || at >= n, distractor + " ranks among the electron microscopes: " + names(r));
        }
    }

    @Test
    void wholePhraseRanksAboveTheSameCharactersScattered() {
        SearchResult r = search.search(Queries.text("电子显微镜").build());
        List<Long> ids = ids(r);
        int n = Fixtures.ELECTRON_MICROSCOPES.size() - 1; // 小型台式扫描电镜 says 电镜, not 电子显微镜
        Set<Long> phraseHolders = new HashSet<>(Fixtures.ELECTRON_MICROSCOPES);
        phraseHolders.remove(44L);
        assertEquals(phraseHolders, Set.copyOf(ids.subList(0, n)), names(r));
        assertTrue(ids.indexOf(31L) > n - 1, "电子探针显微分析仪 only has the characters: " + names(r));
    }

    @Test
    void manufacturerNamePutsAllItsInstrumentsFirst() {
        for (String text : List.of("Bruker", "bruker", "BRUKER")) {
            SearchResult r = search.search(Queries.text(text).build());
            assertEquals(Fixtures.BRUKER, Set.copyOf(ids(r).subList(0, Fixtures.BRUKER.size())), text + ": " + names(r));
        }
    }

    @Test
    void modelPutsThatModelFirst() {
        assertEquals(1L, first(Queries.text("JEM-2100F")));
        assertEquals(1L, first(Queries.text("jem-2100f")));
        assertEquals(2L, first(Queries.text("SU8010")));
        assertEquals(6L, first(Queries.text("AVANCE NEO 600")));
    }

    @Test
    void latinAbbreviationsFindTheirInstruments() {
        assertTop("SEM", Fixtures.SEM);
        assertTop("TEM", Fixtures.TEM);
        assertTop("XRD", Fixtures.XRD);
        assertTop("NMR", Fixtures.NMR);
        assertEquals(17L, first(Queries.text("ICP-MS")));
        assertEquals(12L, first(Queries.text("XPS")));
        assertEquals(19L, first(Queries.text("AFM")));
        assertTop("扫描电镜", Fixtures.SEM);
        assertTop("透射电镜", Fixtures.TEM);
    }

    @Test
    void chineseAbbreviationsForChromatographyAndMassSpectrometry() {
        assertEquals(15L, first(Queries.text("液质")));
        assertEquals(16L, first(Queries.text("气质")));
        Set<Long> chromatographs = Set.of(13L, 14L, 15L, 16L, 38L);
        List<Long> top = ids(search.search(Queries.text("色谱").build()));
        assertEquals(chromatographs, Set.copyOf(top.subList(0, chromatographs.size())), top.toString());
        assertEquals(21L, first(Queries.text("流式")));
        assertEquals(20L, first(Queries.text("共聚焦")));
    }

    @Test
    void englishFullNamesFindChineseRows() {
        List<Long> ids = ids(search.search(Queries.text("electron microscope").build()));
        assertTrue(ids.containsAll(Fixtures.ELECTRON_MICROSCOPES), ids.toString());
        assertEquals(Fixtures.ELECTRON_MICROSCOPES,
                Set.copyOf(ids.subList(0, Fixtures.ELECTRON_MICROSCOPES.size())), ids.toString());
        assertTrue(Fixtures.NMR.contains(first(Queries.text("nuclear magnetic resonance"))));
        assertEquals(26L, first(Queries.text("ZEISS MICROSCOPE RP")));
        assertEquals(27L, first(Queries.text("Bruker D8 ADVANCE")));
    }

    // ------------------------------------------------------------------ untrusted text

    @Test
    void querySyntaxInTextIsSearchedForNotInterpreted() {
        for (String text : List.of("\"核磁 AND (\" OR *:* OR name:/.*/ {\"query\":1}", "*:*", "*", "name:*",
                "{\"match_all\":{}}", "\u0000\u001b[31m核磁\u200b", "\\", "((((", "AND OR NOT")) {
            SearchResult r = search.search(Queries.text(text).build());
            assertTrue(r.total() < CATALOGUE.size(), text + " matched everything: " + r.total());
        }
        SearchResult r = search.search(Queries.text("\u0000核\u0007磁\u200b").build());
        assertTrue(Fixtures.NMR.contains(ids(r).get(0)), "control characters are dropped: " + names(r));
    }

    @Test
    void veryLongTextIsCutAndAnswered() {
        String longText = "核磁共振".repeat(2_500); // 10,000 characters
        SearchResult r = search.search(Queries.text(longText).build());
        assertTrue(r.total() < CATALOGUE.size());
        SearchResult r2 = search.search(Queries.text("x".repeat(10_000)).build());
        assertEquals(0, r2.total());
    }

    @Test
    void highlightsWrapMatchesInEmAndEscapeHtmlFromTheData() {
        SearchResult r = search.search(Queries.text("电子天平").build());
        SearchResult.Hit hit = r.items().get(0);
        assertEquals(Fixtures.HTML_ROW, hit.document().id());
        String name = hit.highlights().get("name").get(0);
        assertTrue(name.contains("<em>电</em>") || name.contains("<em>电子天平</em>"), name);
        assertTrue(name.contains("&lt;script&gt;"), name);
        assertFalse(name.contains("<script>"), name);

        SearchResult.Hit bruker = search.search(Queries.text("Bruker").build()).items().get(0);
        assertEquals("<em>Bruker</em>", bruker.highlights().get("manufacturer").get(0));
    }

    // ------------------------------------------------------------------ filters and facets

    @Test
    void eachFilterKeepsOnlyMatchingInstruments() {
        assertFilter(Queries.all().categories("02"), d -> d.categoryCode().equals("02"));
        assertFilter(Queries.all().categories("02", "09"), d -> Set.of("02", "09").contains(d.categoryCode()));
        assertFilter(Queries.all().regions("310000"), d -> d.regionCodes().contains("310000"));
        assertFilter(Queries.all().regions("440300"), d -> d.regionCodes().contains("440300"));
        assertFilter(Queries.all().districts("440306"), d -> d.districtCode().equals("440306"));
        assertFilter(Queries.all().ownerIds(101L, 109L), d -> d.ownerId() == 101 || d.ownerId() == 109);
        assertFilter(Queries.all().ownerKinds("HOSPITAL"), d -> d.ownerKind().equals("HOSPITAL"));
        assertFilter(Queries.all().sharingModes("INTERNAL_ONLY", "NOT_SHARED"),
                d -> !d.sharingMode().equals("EXTERNAL"));
        assertFilter(Queries.all().valueBands("gt8m"), d -> "gt8m".equals(d.valueBand()));
        assertFilter(Queries.all().countries("JP"), d -> d.countryCode().equals("JP"));
        assertFilter(Queries.text("电镜").countries("US").regions("440300"),
                d -> Fixtures.ELECTRON_MICROSCOPES.contains(d.id()) && d.countryCode().equals("US")
                        && d.regionCodes().contains("440300"));
    }

    @Test
    void facetsCountTheWholeResult() {
        SearchResult r = search.search(Queries.all().size(1).build());
        assertEquals(CATALOGUE.size(), r.total());
        assertFacet(r, SearchResult.FACET_CATEGORY, CATALOGUE, InstrumentDocument::categoryCode);
        assertFacet(r, SearchResult.FACET_DISTRICT, CATALOGUE, InstrumentDocument::districtCode);
        assertFacet(r, SearchResult.FACET_OWNER_KIND, CATALOGUE, InstrumentDocument::ownerKind);
        assertFacet(r, SearchResult.FACET_SHARING_MODE, CATALOGUE, InstrumentDocument::sharingMode);
        assertFacet(r, SearchResult.FACET_VALUE_BAND, CATALOGUE, InstrumentDocument::valueBand);
        assertFacet(r, SearchResult.FACET_COUNTRY, CATALOGUE, InstrumentDocument::countryCode);
        List<SearchResult.FacetBucket> categories = r.facets().get(SearchResult.FACET_CATEGORY);
        for (int i = 1; i < categories.size(); i++) {
            assertTrue(categories.get(i - 1).count() >= categories.get(i).count(), "largest first: " + categories);
        }
    }

    @Test
    void eachFacetIgnoresItsOwnFilterButObeysTheOthers() {
        SearchResult r = search.search(Queries.all().categories("02").countries("US").build());
        List<InstrumentDocument> us = CATALOGUE.stream().filter(d -> d.countryCode().equals("US")).toList();
        List<InstrumentDocument> physical = CATALOGUE.stream().filter(d -> d.categoryCode().equals("02")).toList();
        List<InstrumentDocument> both = us.stream().filter(d -> d.categoryCode().equals("02")).toList();
        assertEquals(both.size(), r.total());
        // category: other categories stay visible, counted among US instruments
        assertFacet(r, SearchResult.FACET_CATEGORY, us, InstrumentDocument::categoryCode);
        // country: counted among category 02
        assertFacet(r, SearchResult.FACET_COUNTRY, physical, InstrumentDocument::countryCode);
        // the rest: counted over the fully filtered result
        assertFacet(r, SearchResult.FACET_OWNER_KIND, both, InstrumentDocument::ownerKind);
        assertFacet(r, SearchResult.FACET_DISTRICT, both, InstrumentDocument::districtCode);
    }

    @Test
    void facetsFollowTheText() {
        SearchResult r = search.search(Queries.text("核磁").build());
        Map<String, Long> sharing = asMap(r.facets().get(SearchResult.FACET_SHARING_MODE));
        assertEquals(1L, sharing.get("NOT_SHARED"));
        assertEquals(r.total(), sharing.values().stream().mapToLong(Long::longValue).sum());
    }

    // ------------------------------------------------------------------ geo, sort, paging

    @Test
    void nearWithRadiusReturnsOnlyThoseWithinSortedByDistance() {
        double radius = 8;
        SearchResult r = search.search(Queries.all().near(Fixtures.CENTRE_LAT, Fixtures.CENTRE_LON).radiusKm(radius)
                .sort(InstrumentQuery.Sort.DISTANCE).size(100).build());
        Map<Long, Double> expected = new TreeMap<>();
        for (InstrumentDocument d : CATALOGUE) {
            if (d.lat() != null) {
                double km = haversineKm(Fixtures.CENTRE_LAT, Fixtures.CENTRE_LON, d.lat(), d.lon());
                if (km <= radius) {
                    expected.put(d.id(), km);
                }
            }
        }
        assertTrue(expected.size() > 5 && expected.size() < CATALOGUE.size() - 10, "fixture spread: " + expected);
        assertEquals(expected.keySet(), Set.copyOf(ids(r)));
        assertEquals(expected.size(), r.total());
        double last = -1;
        for (SearchResult.Hit h : r.items()) {
            assertNotNull(h.distanceKm());
            assertTrue(h.distanceKm() >= last, "ascending distance");
            assertEquals(expected.get(h.document().id()), h.distanceKm(), 0.02);
            last = h.distanceKm();
        }
    }

    @Test
    void nearWithoutRadiusGivesDistancesAndKeepsDocumentsWithoutLocation() {
        SearchResult r = search.search(Queries.text("扫描电镜").near(Fixtures.CENTRE_LAT, Fixtures.CENTRE_LON).build());
        for (SearchResult.Hit h : r.items()) {
            if (h.document().lat() == null) {
                assertNull(h.distanceKm());
            } else {
                assertEquals(haversineKm(Fixtures.CENTRE_LAT, Fixtures.CENTRE_LON, h.document().lat(),
                        h.document().lon()), h.distanceKm(), 0.011);
            }
        }
        assertTrue(ids(r).contains(44L), "小型台式扫描电镜 has no location but matches");
        assertNull(search.search(Queries.text("扫描电镜").build()).items().get(0).distanceKm());
    }

    @Test
    void textFilterAndDistanceSortCombine() {
        SearchResult r = search.search(Queries.text("电镜").near(Fixtures.CENTRE_LAT, Fixtures.CENTRE_LON)
                .radiusKm(12).sort(InstrumentQuery.Sort.DISTANCE).build());
        assertTrue(r.total() > 0);
        assertEquals(2L, r.items().get(0).document().id(), "深圳大学's SEM is at the centre");
        assertEquals(0.0, r.items().get(0).distanceKm(), 0.001);
    }

    @Test
    void distanceSortWithoutNearIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search.search(Queries.all().sort(InstrumentQuery.Sort.DISTANCE).build()));
        assertTrue(e.getMessage().contains("near"), e.getMessage());
    }

    @Test
    void newestSortOrdersByUpdatedAt() {
        SearchResult r = search.search(Queries.all().sort(InstrumentQuery.Sort.NEWEST).size(100).build());
        List<Long> expected = CATALOGUE.stream()
                .sorted(Comparator.comparing(InstrumentDocument::updatedAt).reversed()
                        .thenComparing(InstrumentDocument::id))
                .map(InstrumentDocument::id).toList();
        assertEquals(expected, ids(r));
    }

    @Test
    void pagesCoverTheResultOnceEach() {
        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 10; page++) {
            SearchResult r = search.search(Queries.all().page(page).size(7).build());
            assertEquals(CATALOGUE.size(), r.total());
            assertEquals(page, r.page());
            assertEquals(7, r.size());
            seen.addAll(ids(r));
        }
        assertEquals(CATALOGUE.size(), seen.size());
        assertEquals(CATALOGUE.size(), new HashSet<>(seen).size());
        // relevance with equal scores falls back to id order: stable across requests
        assertEquals(CATALOGUE.stream().map(InstrumentDocument::id).sorted().toList(), seen);
    }

    @Test
    void pageSizeIsClampedAndTheWindowIsEnforced() {
        SearchResult big = search.search(Queries.all().size(1_000).build());
        assertEquals(InstrumentQuery.MAX_SIZE, big.size());
        assertEquals(CATALOGUE.size(), big.items().size());
        assertEquals(1, search.search(Queries.all().size(0).build()).size());
        // the deepest allowed page answers (empty), one further is refused
        assertTrue(search.search(Queries.all().page(99).size(100).build()).items().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> search.search(Queries.all().page(100).size(100).build()));
        assertTrue(e.getMessage().contains(String.valueOf(InstrumentQuery.MAX_WINDOW)), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> search.search(Queries.all().page(-1).build()));
    }

    // ------------------------------------------------------------------ suggest

    @Test
    void suggestsChineseNamesFromTheirFirstCharacters() {
        List<Suggestion> s = search.suggest("核磁", 5);
        assertEquals("核磁共振波谱仪", s.get(0).text(), s.toString());
        assertEquals(1, s.stream().filter(x -> x.text().equals("核磁共振波谱仪")).count(), "distinct texts: " + s);
        assertNotNull(s.get(0).instrumentId());
        assertTrue(texts(search.suggest("透射", 5)).contains("透射电子显微镜"));
    }

    @Test
    void suggestsManufacturersAndModelsFromEnglishPrefixes() {
        List<Suggestion> bru = search.suggest("Bru", 5);
        Suggestion bruker = bru.stream().filter(x -> x.text().equals("Bruker")).findFirst().orElseThrow(
                () -> new AssertionError("no Bruker in " + bru));
        assertNull(bruker.instrumentId(), "a manufacturer is a term, not one instrument");
        assertEquals(1, bru.stream().filter(x -> x.text().equals("Bruker")).count());

        List<Suggestion> jem = search.suggest("JEM", 5);
        Suggestion model = jem.stream().filter(x -> x.text().equals("JEM-2100F")).findFirst().orElseThrow(
                () -> new AssertionError("no JEM-2100F in " + jem));
        assertEquals(1L, model.instrumentId());
        assertEquals("DY0000000001", model.code());
        assertTrue(texts(search.suggest("jem-21", 5)).contains("JEM-2100F"));
        assertTrue(texts(search.suggest("thermo", 5)).contains("Thermo Fisher Scientific"));
    }

    @Test
    void suggestExpandsAKnownAbbreviationAndHandlesEdgeCases() {
        assertTrue(texts(search.suggest("SEM", 10)).contains("扫描电子显微镜"), search.suggest("SEM", 10).toString());
        assertTrue(search.suggest("", 5).isEmpty());
        assertTrue(search.suggest("   ", 5).isEmpty());
        assertTrue(search.suggest(null, 5).isEmpty());
        assertTrue(search.suggest("zzzzqqq", 5).isEmpty());
        assertTrue(search.suggest("核", 3).size() <= 3);
        assertTrue(search.suggest("\"*:* {", 5).size() <= 5);
        assertTrue(search.suggest("核".repeat(5_000), 5).isEmpty());
    }

    // ------------------------------------------------------------------ helpers

    private void assertTop(String text, Set<Long> expected) {
        List<Long> ids = ids(search.search(Queries.text(text).build()));
        assertTrue(ids.size() >= expected.size(), text + ": " + ids);
        assertEquals(expected, Set.copyOf(ids.subList(0, expected.size())), text + ": " + ids);
    }

    private long first(Queries q) {
        SearchResult r = search.search(q.build());
        assertFalse(r.items().isEmpty(), "no result");
        return r.items().get(0).document().id();
    }

    private void assertFilter(Queries q, java.util.function.Predicate<InstrumentDocument> keep) {
        SearchResult r = search.search(q.size(100).build());
        Set<Long> expected = CATALOGUE.stream().filter(keep).map(InstrumentDocument::id).collect(Collectors.toSet());
        assertFalse(expected.isEmpty(), "fixture has rows for this filter");
        assertEquals(expected, Set.copyOf(ids(r)));
        assertEquals(expected.size(), r.total());
    }

    private static void assertFacet(SearchResult r, String facet, List<InstrumentDocument> over,
                                    Function<InstrumentDocument, String> key) {
        Map<String, Long> expected = over.stream().map(key).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
        assertEquals(expected, new TreeMap<>(asMap(r.facets().get(facet))), facet);
    }

    private static Map<String, Long> asMap(List<SearchResult.FacetBucket> buckets) {
        Map<String, Long> m = new LinkedHashMap<>();
        buckets.forEach(b -> m.put(b.key(), b.count()));
        return m;
    }

    private static List<Long> ids(SearchResult r) {
        return r.items().stream().map(h -> h.document().id()).toList();
    }

    private static List<String> texts(List<Suggestion> s) {
        return s.stream().map(Suggestion::text).toList();
    }

    private static String names(SearchResult r) {
        return r.items().stream().map(h -> h.document().id() + ":" + h.document().name()).toList().toString();
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double a = Math.pow(Math.sin((p2 - p1) / 2), 2)
                + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
        return 2 * 6371.0087714 * Math.asin(Math.sqrt(a));
    }
}
