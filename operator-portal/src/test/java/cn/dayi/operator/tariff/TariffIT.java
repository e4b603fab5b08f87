package cn.dayi.operator.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.local.TestServices;
import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.Entrustment;
import cn.dayi.marketplace.entrustment.EntrustmentLifecycle.Command;
import cn.dayi.marketplace.entrustment.Entrustments;
import cn.dayi.marketplace.entrustment.NewEntrustment;
import cn.dayi.marketplace.entrustment.RevenueShares;
import cn.dayi.marketplace.searchsync.SearchOutbox;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Full-cost pricing end to end over HTTP, on the real MariaDB and Elasticsearch: an operator manager
 * prices an entrusted 4,000,000 CNY TEM, publishes tariffs within the guidance, buyers get quotes,
 * search filters and sorts by price, and the detail page shows the price. The tests build on each
 * other in order (costs → tariff → quotes → second version → search → pages).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TariffIT implements TestPropertyProvider {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "correct-horse-battery";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Organisations organisations;
    @Inject
    Accounts accounts;
    @Inject
    Entrustments entrustments;
    @Inject
    Jdbc jdbc;
    @Inject
    SearchOutbox outbox;
    @Inject
    io.micronaut.json.JsonMapper json;

    private long tem;
    private String temCode;
    private long nmr;
    private long unpriced;
    private String manager;
    private String otherManager;
    private final LocalDate today = LocalDate.now(SHANGHAI);

    @Override
    public Map<String, String> getProperties() {
        return new HashMap<>(TestServices.isolatedMicronautProperties());
    }

    @BeforeAll
    void fleet() {
        long university = organisations.create("南方科技大学（测试）", "SUSTech (test)", OrganisationKind.UNIVERSITY, "440305").id();
        long operator = organisations.create("深圳仪器共享服务有限公司", null, OrganisationKind.OPERATOR, "440305").id();
        long otherOperator = organisations.create("另一家服务机构", null, OrganisationKind.OPERATOR, "440304").id();
        accounts.create("manager@op.test", "王经理", PASSWORD, operator, Role.OPERATOR_MANAGER, null);
        accounts.create("other@op2.test", "李经理", PASSWORD, otherOperator, Role.OPERATOR_MANAGER, null);
        accounts.create("admin@sustech.test", "张老师", PASSWORD, university, Role.OWNER_ADMIN, null);
        long authority = organisations.create("深圳市科技创新局（测试）", null, OrganisationKind.AUTHORITY, null).id();
        accounts.create("fiscal@gov.test", "赵科长", PASSWORD, authority, Role.FISCAL_OFFICER, null);
        tem = instrument("DYTEMTEST0001", "透射电子显微镜", university, 400_000_000L);
        temCode = "DYTEMTEST0001";
        nmr = instrument("DYNMRTEST0001", "核磁共振波谱仪", university, 300_000_000L);
        unpriced = instrument("DYXRDTEST0001", "X射线衍射仪", university, 150_000_000L);
        Actor managerActor = actor("manager@op.test");
        Actor ownerActor = actor("admin@sustech.test");
        Entrustment e = entrustments.draft(managerActor, operator, new NewEntrustment(university,
                List.of(Long.toString(tem), Long.toString(nmr), Long.toString(unpriced)), today, today.plusYears(3),
                "机时、送样检测", new RevenueShares(4000, 1000, 4500, 500), true));
        entrustments.command(managerActor, e.id(), Command.PROPOSE, null);
        entrustments.command(ownerActor, e.id(), Command.ACCEPT, null);
        manager = token("manager@op.test");
        otherManager = token("other@op2.test");
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void savingCostsOfA4MillionTemShowsDepreciationOf271Point43PerHour() {
        Map<String, Object> saved = call(HttpRequest.PUT("/api/v1/instruments/" + tem + "/cost", Map.of("inputs", temCosts())),
                manager);
        Map<String, Object> breakdown = (Map<String, Object>) saved.get("breakdown");
        assertEquals(27143L, line((List<Map<String, Object>>) breakdown.get("hourly"), "DEPRECIATION"),
                "4,000,000 CNY, 5 % residual, 10 years, 1,400 h → 271.43 CNY per hour");
        assertEquals(67643L, num(breakdown.get("hourlyCostFen")), "271.43 + 150 + 200 + 5 + 50 CNY per hour");
        Map<String, Object> read = call(HttpRequest.GET("/api/v1/instruments/" + temCode + "/cost"), manager);
        assertEquals(num(saved.get("version")), num(read.get("version")));
        assertEquals("王经理", read.get("setByName"));
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void previewPricesTheClassesWithoutSavingAnything() {
        Map<String, Object> body = Map.of("inputs", Map.of("originalValueFen", 800_000_000L, "residualRateBp", 500,
                "usefulLifeYears", 10), "chargeUnit", "HOUR", "academicMarkupBp", 2000, "commercialMarkupBp", 5000);
        Map<String, Object> preview = call(HttpRequest.POST("/api/v1/instruments/" + tem + "/cost/preview", body), manager);
        Map<String, Object> prices = (Map<String, Object>) preview.get("unitPrices");
        assertEquals(54286L, num(prices.get("internalFen")), "internal is at cost");
        assertEquals(81429L, num(prices.get("commercialFen")), "cost × 1.5");
        assertEquals(Boolean.TRUE, ((Map<String, Object>) preview.get("guidance")).get("within"));
        Map<String, Object> still = call(HttpRequest.GET("/api/v1/instruments/" + tem + "/cost"), manager);
        assertEquals(400_000_000L, num(((Map<String, Object>) still.get("inputs")).get("originalValueFen")));
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void publishingATariffWithinGuidanceGivesVersionOne() {
        HttpResponse<Map> created = http.toBlocking().exchange(auth(HttpRequest.POST("/api/v1/instruments/" + tem + "/tariffs",
                temTariff(5000, null)), manager), Map.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        Map<String, Object> v1 = created.body();
        assertEquals(1, num(v1.get("version")));
        assertEquals(67643L, num(v1.get("costBasisFen")));
        assertEquals(today.toString(), v1.get("effectiveFrom"));
        assertNull(v1.get("effectiveTo"));
        Map<String, Object> prices = (Map<String, Object>) v1.get("unitPrices");
        assertEquals(67643L, num(prices.get("internalFen")));
        assertEquals(101465L, num(prices.get("commercialFen")), "676.43 × 1.5 = 1,014.645 → 1,014.65");
        assertEquals(5, ((List<?>) v1.get("costLines")).size(), "the cost basis is itemised");

        HttpResponse<Map> nmrTariff = http.toBlocking().exchange(auth(HttpRequest.POST("/api/v1/instruments/" + nmr + "/tariffs",
                Map.of("code", "NMR-HOUR", "chargeUnit", "HOUR", "costBasisFen", 20_000, "academicMarkupBp", 2000,
                        "commercialMarkupBp", 5000)), manager), Map.class);
        assertEquals(30_000L, num(((Map<String, Object>) nmrTariff.body().get("unitPrices")).get("commercialFen")));
    }

    @Test
    @Order(4)
    void aPriceAboveTheCapIsRefusedWith422AndNothingIsSaved() {
        HttpClientResponseException e = error(auth(HttpRequest.POST("/api/v1/instruments/" + tem + "/tariffs",
                temTariff(25_000, today.plusDays(3).toString())), manager));
        assertEquals(422, e.getStatus().getCode());
        Map<String, Object> problem = problem(e);
        assertEquals("TARIFF_OUTSIDE_GUIDANCE", problem.get("code"));
        assertTrue(((String) problem.get("detail")).contains("exceeds the cap of 2,029.29"),
                "the message gives the allowed maximum: " + problem.get("detail"));
        List<Map<String, Object>> versions = versions(tem);
        assertEquals(1, versions.size(), "nothing saved");
        assertNull(versions.get(0).get("effectiveTo"), "version 1 still open");
    }

    @Test
    @Order(5)
    void anotherOperatorsManagerIsForbidden() {
        HttpClientResponseException put = error(auth(HttpRequest.PUT("/api/v1/instruments/" + tem + "/cost",
                Map.of("inputs", Map.of("originalValueFen", 1L, "usefulLifeYears", 1))), otherManager));
        assertEquals(403, put.getStatus().getCode());
        assertEquals("FORBIDDEN", problem(put).get("code"));
        HttpClientResponseException publish = error(auth(HttpRequest.POST("/api/v1/instruments/" + tem + "/tariffs",
                temTariff(5000, today.plusDays(5).toString())), otherManager));
        assertEquals(403, publish.getStatus().getCode());
        HttpClientResponseException read = error(auth(HttpRequest.GET("/api/v1/instruments/" + tem + "/cost"), otherManager));
        assertEquals(403, read.getStatus().getCode());
        assertEquals(1, versions(tem).size());
        @SuppressWarnings("unchecked")
        Map<String, Object> cost = call(HttpRequest.GET("/api/v1/instruments/" + tem + "/cost"), manager);
        assertEquals("王经理", cost.get("setByName"), "the costs were not overwritten");
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void aQuotesLinesAddUpToItsTotal() {
        LocalDate day = today.plusDays(1);
        Map<String, Object> quote = quote(day, true);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) quote.get("lines");
        long sum = lines.stream().mapToLong(l -> num(l.get("amountFen"))).sum();
        assertEquals(num(quote.get("totalFen")), sum);
        assertEquals("BASE", lines.get(0).get("code"));
        assertEquals(4 * 101465L, num(lines.get(0).get("amountFen")), "4 hours at 1,014.65");
        assertTrue(lines.stream().anyMatch(l -> "URGENT".equals(l.get("code"))));
        assertTrue(sum > 4 * 101465L, "surcharges add to the base");
        assertEquals(1, num(quote.get("tariffVersion")));
    }

    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void aSecondVersionKeepsTheFirstQuoteReproducibleForAnEarlierDate() {
        Map<String, Object> before = quote(today.plusDays(1), true);
        HttpResponse<Map> v2 = http.toBlocking().exchange(auth(HttpRequest.POST("/api/v1/instruments/" + tem + "/tariffs",
                temTariff(8000, today.plusDays(10).toString())), manager), Map.class);
        assertEquals(2, num(v2.body().get("version")));

        Map<String, Object> again = quote(today.plusDays(1), true);
        assertEquals(before, again, "the earlier day is still priced by version 1, to the fen");
        Map<String, Object> later = quote(today.plusDays(11), false);
        assertEquals(2, num(later.get("tariffVersion")));
        assertEquals(121757L, num(later.get("unitPriceFen")), "676.43 × 1.8");

        List<Map<String, Object>> versions = versions(tem);
        assertEquals(today.plusDays(9).toString(), versions.get(0).get("effectiveTo"), "v1 ends the day before v2");
        assertNull(versions.get(1).get("effectiveTo"));

        HttpClientResponseException sameDay = error(auth(HttpRequest.POST("/api/v1/instruments/" + tem + "/tariffs",
                temTariff(6000, today.plusDays(10).toString())), manager));
        assertEquals(409, sameDay.getStatus().getCode());
        assertEquals("TARIFF_VERSIONS_OVERLAP", problem(sameDay).get("code"));
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void searchFiltersByMaximumPriceAndSortsByPriceWithUnpricedLast() throws Exception {
        jdbc.write(c -> {
            outbox.enqueue(c, List.of(unpriced));
            return null;
        });
        Map<String, Object> sorted = null;
        for (int i = 0; i < 60; i++) {
            sorted = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/instruments?sort=price&size=10"), Map.class);
            List<Map<String, Object>> items = (List<Map<String, Object>>) sorted.get("items");
            if (items.size() == 3 && items.get(1).get("priceFromFen") != null) {
                break;
            }
            Thread.sleep(500);
        }
        List<Map<String, Object>> items = (List<Map<String, Object>>) sorted.get("items");
        assertEquals(List.of(nmr, tem, unpriced), items.stream().map(it -> num(it.get("id"))).toList(),
                "cheapest first, instruments without a price last");
        assertEquals(30_000L, num(items.get(0).get("priceFromFen")));
        assertEquals("HOUR", items.get(0).get("priceUnit"));
        assertEquals(101_465L, num(items.get(1).get("priceFromFen")));
        assertNull(items.get(2).get("priceFromFen"));
        assertTrue(items.get(0).containsKey("owner") && items.get(0).containsKey("code"), "contract fields kept");

        Map<String, Object> cheap = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/instruments?priceMaxFen=50000"), Map.class);
        assertEquals(1, num(cheap.get("total")));
        assertEquals(nmr, num(((List<Map<String, Object>>) cheap.get("items")).get(0).get("id")));

        HttpClientResponseException bad = error(HttpRequest.GET("/api/v1/instruments?priceMaxFen=-1"));
        assertEquals(400, bad.getStatus().getCode());

        String results = http.toBlocking().retrieve(HttpRequest.GET("/instruments?sort=price"), String.class);
        assertTrue(results.contains("自 300.00 元/小时起"), "the results page shows the price");
    }

    @Test
    @Order(9)
    void theDetailPageShowsThePriceWhyAndServiceItems() {
        http.toBlocking().exchange(auth(HttpRequest.POST("/api/v1/instruments/" + tem + "/service-items",
                Map.of("name", "透射电镜形貌观察", "unitPriceFen", 80_000, "turnaroundDays", 5)), manager), Map.class);
        http.toBlocking().exchange(auth(HttpRequest.POST("/api/v1/instruments/" + tem + "/service-items",
                Map.of("name", "原位电镜实验")), manager), Map.class);
        String page = http.toBlocking().retrieve(HttpRequest.GET("/instruments/" + temCode), String.class);
        assertTrue(page.contains("自 1,014.65 元/小时起"), "anonymous visitors see the commercial price");
        assertTrue(page.contains("折旧") && page.contains("271.43 元/小时"), "why this price: the depreciation line");
        assertTrue(page.contains("加价 50%"), "and the markup");
        assertTrue(page.contains("透射电镜形貌观察") && page.contains("800.00 元"), "a priced service item");
        assertTrue(page.contains("面议"), "an item without a price is on request");

        String en = http.toBlocking().retrieve(HttpRequest.GET("/instruments/" + temCode + "?lang=en"), String.class);
        assertTrue(en.contains("from 1,014.65 CNY per hour"), "English page");

        String owner = http.toBlocking().retrieve(auth(HttpRequest.GET("/instruments/" + temCode), token("admin@sustech.test"))
                , String.class);
        assertTrue(owner.contains("自 676.43 元/小时起"), "the owner's own people pay cost (internal)");
    }

    @Test
    @Order(10)
    void theEditorPageWorksWithTheSessionCookieAndWithoutJavaScript() {
        String session = "dayi_session=" + manager;
        String page = http.toBlocking().retrieve(HttpRequest.GET("/operator/instruments/" + tem + "/tariff")
                .header("Cookie", session), String.class);
        assertTrue(page.contains("价格设置") && page.contains("TEM-HOUR"), "editor with version history");
        assertTrue(page.contains("271.43"), "the saved costs' breakdown is shown");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("action", "calculate");
        form.put("originalValueYuan", "8000000");
        form.put("residualRatePct", "5");
        form.put("usefulLifeYears", "10");
        form.put("expectedAnnualHours", "1400");
        form.put("chargeUnit", "HOUR");
        form.put("academicMarkupPct", "20");
        form.put("commercialMarkupPct", "50");
        String calculated = http.toBlocking().retrieve(HttpRequest.POST("/operator/instruments/" + tem + "/tariff", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).header("Cookie", session), String.class);
        assertTrue(calculated.contains("542.86"), "8,000,000 CNY → 542.86 CNY per hour, calculated by the server");

        HttpClientResponseException other = error(HttpRequest.GET("/operator/instruments/" + tem + "/tariff")
                .header("Cookie", "dayi_session=" + otherManager));
        assertEquals(403, other.getStatus().getCode());
    }

    @Test
    @Order(11)
    @SuppressWarnings("unchecked")
    void theFiscalOfficerSetsGuidanceThatBindsTheNextVersion() {
        Map<String, Object> placeholder = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/pricing-guidance/01"), Map.class);
        assertEquals(30_000L, num(placeholder.get("capBp")));
        assertNull(placeholder.get("setBy"), "seeded placeholder");

        HttpClientResponseException manager403 = error(auth(HttpRequest.PUT("/api/v1/pricing-guidance/01",
                Map.of("floorBp", 10_000, "capBp", 15_000)), manager));
        assertEquals(403, manager403.getStatus().getCode());
        HttpClientResponseException invalid = error(auth(HttpRequest.PUT("/api/v1/pricing-guidance/01",
                Map.of("floorBp", 20_000, "capBp", 15_000)), token("fiscal@gov.test")));
        assertEquals(400, invalid.getStatus().getCode());
        assertEquals("INVALID_GUIDANCE", problem(invalid).get("code"));

        Map<String, Object> set = call(HttpRequest.PUT("/api/v1/pricing-guidance/01",
                Map.of("floorBp", 10_000, "capBp", 15_000)), token("fiscal@gov.test"));
        assertEquals(15_000L, num(set.get("capBp")));
        HttpClientResponseException tooHigh = error(auth(HttpRequest.POST("/api/v1/instruments/" + tem + "/tariffs",
                temTariff(8000, today.plusDays(20).toString())), manager));
        assertEquals(422, tooHigh.getStatus().getCode(), "1.8 × cost is above the new cap of 1.5 ×");
        assertTrue(((String) problem(tooHigh).get("detail")).contains("1.5 × cost"));
        assertEquals(2, versions(tem).size());
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> temCosts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("originalValueFen", 400_000_000L);
        m.put("residualRateBp", 500);
        m.put("usefulLifeYears", 10);
        m.put("annualStaffCostFen", 21_000_000L);
        m.put("annualMaintenanceFen", 28_000_000L);
        m.put("powerKw", 5);
        m.put("electricityFenPerKwh", 100);
        m.put("annualFacilityOverheadFen", 7_000_000L);
        m.put("expectedAnnualHours", 1400);
        return m;
    }

    private Map<String, Object> temTariff(int commercialMarkupBp, String effectiveFrom) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", "TEM-HOUR");
        m.put("chargeUnit", "HOUR");
        m.put("academicMarkupBp", 2000);
        m.put("commercialMarkupBp", commercialMarkupBp);
        m.put("afterHoursSurchargeBp", 2000);
        m.put("urgentSurchargeBp", 5000);
        m.put("minimumChargeFen", 50_000);
        if (effectiveFrom != null) {
            m.put("effectiveFrom", effectiveFrom);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> quote(LocalDate day, boolean urgent) {
        String start = day.atTime(16, 30).atZone(SHANGHAI).toOffsetDateTime().toString();
        String end = day.atTime(20, 30).atZone(SHANGHAI).toOffsetDateTime().toString();
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/instruments/" + tem + "/quote?tariff=TEM-HOUR"
                + "&buyerClass=COMMERCIAL&quantity=4&start=" + enc(start) + "&end=" + enc(end) + "&urgent=" + urgent), Map.class);
    }

    private List<Map<String, Object>> versions(long instrument) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/instruments/" + instrument + "/tariffs"),
                io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
    }

    private long instrument(String code, String name, long owner, long valueFen) {
        return jdbc.write(c -> Jdbc.insert(c, """
                INSERT INTO instrument (code, name, owner_id, category_code, original_value_fen, region_code, lat, lon,
                  source, source_id, content_hash)
                VALUES (?, ?, ?, '01', ?, '440305', 22.5960, 113.9980, 'test', ?, ?)""",
                code, name, owner, valueFen, code, UUID.randomUUID().toString().replace("-", "")
                        + UUID.randomUUID().toString().replace("-", "")));
    }

    private Actor actor(String email) {
        long id = jdbc.read(c -> Jdbc.one(c, "SELECT id FROM person WHERE email = ?", rs -> rs.getLong(1), email)).orElseThrow();
        return accounts.actor(id).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private String token(String email) {
        Map<String, Object> r = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/token",
                Map.of("email", email, "password", PASSWORD)), Map.class);
        return (String) r.get("accessToken");
    }

    private static <T> MutableHttpRequest<T> auth(MutableHttpRequest<T> request, String token) {
        return request.bearerAuth(token);
    }

    @SuppressWarnings("unchecked")
    private <T> Map<String, Object> call(MutableHttpRequest<T> request, String token) {
        return http.toBlocking().retrieve(auth(request, token), Map.class);
    }

    private HttpClientResponseException error(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + request.getPath());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> problem(HttpClientResponseException e) {
        String body = e.getResponse().getBody(String.class).orElse("{}");
        try {
            return json.readValue(body, Map.class);
        } catch (Exception ex) {
            throw new AssertionError("not problem JSON: " + body, ex);
        }
    }

    private static long line(List<Map<String, Object>> lines, String component) {
        return lines.stream().filter(l -> component.equals(l.get("component"))).mapToLong(l -> num(l.get("amountFen")))
                .findFirst().orElseThrow();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
