package cn.dayi.operator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.db.Jdbc;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The authorisation matrix: every HTTP endpoint of the platform × every kind of caller, by role
 * <em>and</em> organisation. A caller outside {@code allowed} must be refused (anonymous: 401, or a
 * redirect to the sign-in page for browsers; signed-in: 403, or 404 where existence is hidden) and
 * a caller inside must get through. A route that is not in the matrix fails the test, so a new
 * endpoint cannot ship without saying who may call it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIT implements RealServices {

    /** Kinds of caller. X and Y are operators; A and B owners; A owns the instruments X is entrusted with. */
    enum Who { ANONYMOUS, ADMIN, FISCAL, OWNER_A, OWNER_B, MANAGER_X, TECH_X, FINANCE_X, MANAGER_Y, BUYER }

    static final Set<Who> EVERYONE = EnumSet.allOf(Who.class);
    static final Set<Who> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
    static final Set<Who> STAFF_X = EnumSet.of(Who.MANAGER_X, Who.TECH_X, Who.FINANCE_X);

    /** One endpoint: who may call it, and how to build a (fresh) request for a caller. */
    record Case(String method, String route, Set<Who> allowed, Function<Who, MutableHttpRequest<?>> request) {
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Router router;
    @Inject
    Organisations organisations;
    @Inject
    Jdbc jdbc;

    World w;
    final AtomicInteger seq = new AtomicInteger();
    Long active;
    /** Instrument B[0], held by operator X, with saved costs, a tariff in effect and a service item. */
    String priced;
    long serviceItem;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void world() throws Exception {
        w = World.in(context);
        priced = w.instrumentsB.get(0);
        Map<String, Object> body = proposal(priced);
        body.put("ownerId", w.ownerB);
        long id = post(w.managerX, "/api/v1/operators/" + w.operatorX + "/entrustments", body);
        post(w.managerX, "/api/v1/entrustments/" + id + "/propose", Map.of());
        post(w.ownerAdminB, "/api/v1/entrustments/" + id + "/accept", Map.of());
        http.toBlocking().exchange(HttpRequest.PUT("/api/v1/instruments/" + priced + "/cost", Map.of("inputs", costs()))
                .bearerAuth(w.managerX));
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/instruments/" + priced + "/tariffs", tariff("MATRIX-HOUR"))
                .bearerAuth(w.managerX));
        serviceItem = post(w.managerX, "/api/v1/instruments/" + priced + "/service-items",
                Map.of("name", "形貌观察", "unitPriceFen", 80_000, "turnaroundDays", 5));
        http.toBlocking().exchange(HttpRequest.PUT("/api/v1/instruments/" + priced + "/booking-rules", bookingRules())
                .bearerAuth(w.managerX));
    }

    // ---- bookings: rules on the priced instrument, and fresh orders in a given state ----

    private static Map<String, Object> bookingRules() {
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.add(Map.of("weekday", d, "opens", "08:00", "closes", "20:00"));
        }
        return Map.of("slotMinutes", 30, "minNoticeHours", 24, "maxAdvanceDays", 60, "weekly", weekly);
    }

    /** A booking request for the next unused half-hour of the priced instrument (20 a day from day 3 on). */
    private Map<String, Object> nextBooking() {
        int k = slot.getAndIncrement();
        java.time.ZoneId sh = java.time.ZoneId.of("Asia/Shanghai");
        java.time.Instant start = LocalDate.now(sh).plusDays(3 + k / 24).atTime(8, 0).atZone(sh).toInstant()
                .plusSeconds(1800L * (k % 24));
        return Map.of("start", start.toString(), "end", start.plusSeconds(1800).toString(), "mode", "STAFF_OPERATED");
    }

    private final AtomicInteger slot = new AtomicInteger();

    private long submitted() {
        return post(w.buyer, "/api/v1/instruments/" + priced + "/bookings", nextBooking());
    }

    private long awaitingPayment() {
        long id = submitted();
        post(w.managerX, "/api/v1/orders/" + id + "/accept", Map.of());
        return id;
    }

    private long totalFen(long order) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT total_fen FROM service_order WHERE id = ?", order));
    }

    private long confirmed() {
        long id = awaitingPayment();
        post(w.financeX, "/api/v1/orders/" + id + "/bank-transfer", Map.of("amountFen", totalFen(id), "reference",
                "MATRIX-" + id));
        return id;
    }

    /** Owner B's OWNER_PAYABLE ledger account, posted to by completing an order on the priced instrument. */
    private synchronized long ownerBRevenueAccount() {
        String sql = "SELECT id FROM ledger_account WHERE type = 'OWNER_PAYABLE' AND party_id = ?";
        if (jdbc.read(c -> Jdbc.one(c, sql, rs -> rs.getLong(1), w.ownerB)).isEmpty()) {
            post(w.technicianX, "/api/v1/orders/" + inService() + "/check-out", Map.of());
        }
        return jdbc.read(c -> Jdbc.one(c, sql, rs -> rs.getLong(1), w.ownerB)).orElseThrow();
    }

    private long inService() {
        long id = confirmed();
        post(w.technicianX, "/api/v1/orders/" + id + "/check-in", Map.of());
        return id;
    }

    /** A valid registration: a credit code with the right check character, a fresh e-mail. */
    private static Map<String, Object> registration(int n) {
        String first17 = String.format("9144030000%07d", n);
        return Map.of("organisationName", "矩阵注册企业" + n, "creditCode", World.creditCode(first17),
                "email", "reg" + n + "@matrix.test", "displayName", "R", "password", "registration-pw1");
    }

    private static Map<String, Object> costs() {
        return Map.of("originalValueFen", 400_000_000L, "residualRateBp", 500, "usefulLifeYears", 10);
    }

    private static Map<String, Object> tariff(String code) {
        return Map.of("code", code, "chargeUnit", "HOUR", "academicMarkupBp", 2000, "commercialMarkupBp", 5000);
    }

    private String token(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case ADMIN -> w.admin;
            case FISCAL -> w.fiscal;
            case OWNER_A -> w.ownerAdminA;
            case OWNER_B -> w.ownerAdminB;
            case MANAGER_X -> w.managerX;
            case TECH_X -> w.technicianX;
            case FINANCE_X -> w.financeX;
            case MANAGER_Y -> w.managerY;
            case BUYER -> w.buyer;
        };
    }

    // ---- fresh entrustments in a given state (created by the rightful parties through the API) ----

    private Map<String, Object> proposal(String instrument) {
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", w.ownerA);
        body.put("instruments", List.of(instrument));
        body.put("startsOn", LocalDate.now().toString());
        body.put("endsOn", LocalDate.now().plusYears(2).toString());
        body.put("shares", Map.of("ownerBp", 4000, "fiscalFundBp", 1000, "operatorBp", 4500, "platformBp", 500));
        body.put("fiscalFunded", true);
        return body;
    }

    @SuppressWarnings("unchecked")
    private long post(String token, String path, Object body) {
        Map<String, Object> r = http.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token), Map.class);
        return ((Number) r.get("id")).longValue();
    }

    private long draft() {
        return post(w.managerX, "/api/v1/operators/" + w.operatorX + "/entrustments", proposal(w.instrumentsA.get(0)));
    }

    private long proposed() {
        long id = draft();
        post(w.managerX, "/api/v1/entrustments/" + id + "/propose", Map.of());
        return id;
    }

    /** The active entrustment over instrument A[2], created again once someone terminated it. */
    @SuppressWarnings("unchecked")
    private synchronized long active() {
        if (active != null) {
            Map<String, Object> e = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/entrustments/" + active)
                    .bearerAuth(w.managerX), Map.class);
            if ("ACTIVE".equals(e.get("state"))) {
                return active;
            }
        }
        long id = post(w.managerX, "/api/v1/operators/" + w.operatorX + "/entrustments", proposal(w.instrumentsA.get(2)));
        post(w.managerX, "/api/v1/entrustments/" + id + "/propose", Map.of());
        post(w.ownerAdminA, "/api/v1/entrustments/" + id + "/accept", Map.of());
        active = id;
        return id;
    }

    private static MutableHttpRequest<?> page(String path) {
        return HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE);
    }

    private static MutableHttpRequest<?> form(String path, String body) {
        return HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE);
    }

    private List<Case> matrix() {
        List<Case> m = new ArrayList<>();
        // public catalogue and pages
        m.add(new Case("GET", "/api/v1/instruments", EVERYONE, who -> HttpRequest.GET("/api/v1/instruments?size=1")));
        m.add(new Case("GET", "/api/v1/instruments/suggest", EVERYONE, who -> HttpRequest.GET("/api/v1/instruments/suggest?q=核")));
        m.add(new Case("GET", "/api/v1/instruments/{id}", EVERYONE, who -> HttpRequest.GET("/api/v1/instruments/" + w.instrumentsA.get(0))));
        m.add(new Case("GET", "/", EVERYONE, who -> page("/")));
        m.add(new Case("GET", "/instruments", EVERYONE, who -> page("/instruments?q=核磁")));
        m.add(new Case("GET", "/instruments/{idOrCode}", EVERYONE, who -> page("/instruments/" + w.instrumentsA.get(0))));
        m.add(new Case("GET", "/sign-in", EVERYONE, who -> page("/sign-in")));
        m.add(new Case("POST", "/sign-in", EVERYONE, who -> form("/sign-in", "email=" + w.email("buyer") + "&password=" + World.PASSWORD)));
        m.add(new Case("POST", "/sign-out", EVERYONE, who -> form("/sign-out", "")));
        m.add(new Case("POST", "/api/v1/auth/token", EVERYONE, who -> HttpRequest.POST("/api/v1/auth/token",
                Map.of("email", w.email("buyer"), "password", World.PASSWORD))));
        // any signed-in person
        m.add(new Case("GET", "/api/v1/me", SIGNED_IN, who -> HttpRequest.GET("/api/v1/me")));
        m.add(new Case("GET", "/account", SIGNED_IN, who -> page("/account")));
        // a wrong current password is a 400 for a signed-in caller: through the gate, and changes nothing
        m.add(new Case("POST", "/api/v1/me/password", SIGNED_IN, who -> HttpRequest.POST("/api/v1/me/password",
                Map.of("currentPassword", "not-the-password", "newPassword", "whatever-long-password"))));
        m.add(new Case("POST", "/account/password", SIGNED_IN, who -> form("/account/password",
                "currentPassword=not-the-password&newPassword=whatever-long-password")));
        // administration
        m.add(new Case("GET", "/api/v1/admin/organisations", EnumSet.of(Who.ADMIN), who -> HttpRequest.GET("/api/v1/admin/organisations")));
        m.add(new Case("POST", "/api/v1/admin/organisations", EnumSet.of(Who.ADMIN), who -> HttpRequest.POST(
                "/api/v1/admin/organisations", Map.of("nameZh", "矩阵新单位" + seq.incrementAndGet(), "kind", "ENTERPRISE"))));
        m.add(new Case("GET", "/api/v1/admin/organisations/{id}/people", EnumSet.of(Who.ADMIN, Who.MANAGER_X),
                who -> HttpRequest.GET("/api/v1/admin/organisations/" + w.operatorX + "/people")));
        m.add(new Case("POST", "/api/v1/admin/people", EnumSet.of(Who.ADMIN, Who.MANAGER_X), who -> HttpRequest.POST(
                "/api/v1/admin/people", Map.of("email", "matrix" + seq.incrementAndGet() + "@dayi.test", "displayName", "m",
                        "password", "matrix-password", "organisationId", w.operatorX, "role", "OPERATOR_TECHNICIAN"))));
        m.add(new Case("GET", "/api/v1/admin/people/{id}", EnumSet.of(Who.ADMIN, Who.MANAGER_X),
                who -> HttpRequest.GET("/api/v1/admin/people/" + w.technicianXId)));
        m.add(new Case("POST", "/api/v1/admin/people/{id}/memberships", EnumSet.of(Who.ADMIN, Who.MANAGER_X),
                who -> HttpRequest.POST("/api/v1/admin/people/" + w.technicianXId + "/memberships",
                        Map.of("organisationId", w.operatorX, "role", "OPERATOR_FINANCE"))));
        m.add(new Case("DELETE", "/api/v1/admin/people/{id}/memberships/{organisationId}/{role}", EnumSet.of(Who.ADMIN, Who.MANAGER_X),
                who -> HttpRequest.DELETE("/api/v1/admin/people/" + w.technicianXId + "/memberships/" + w.operatorX + "/OPERATOR_FINANCE")));
        // re-activating an active person changes nothing: safe to call as every kind of caller
        m.add(new Case("PUT", "/api/v1/admin/people/{id}/active", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.PUT("/api/v1/admin/people/" + w.technicianXId + "/active", Map.of("active", true))));
        m.add(new Case("POST", "/api/v1/admin/imports", EnumSet.of(Who.ADMIN), who -> HttpRequest.POST("/api/v1/admin/imports",
                MultipartBody.builder().addPart("format", "dayi-csv").addPart("file", "m.csv", MediaType.TEXT_CSV_TYPE,
                        ("source_id,name,owner_name,category\nM-" + seq.incrementAndGet() + ",核磁共振波谱仪,矩阵导入大学,01\n")
                                .getBytes(StandardCharsets.UTF_8)).build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
        // registration (anyone; each call a new enterprise) and verification (platform admins)
        m.add(new Case("POST", "/api/v1/registrations", EVERYONE, who -> HttpRequest.POST("/api/v1/registrations",
                registration(seq.incrementAndGet()))));
        m.add(new Case("POST", "/api/v1/admin/organisations/{id}/verification", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.POST("/api/v1/admin/organisations/" + w.enterprise + "/verification",
                        Map.of("approve", true))));
        // administration pages
        m.add(new Case("GET", "/admin", EnumSet.of(Who.ADMIN), who -> page("/admin?q=大学")));
        m.add(new Case("POST", "/admin/organisations", EnumSet.of(Who.ADMIN), who -> form("/admin/organisations",
                "nameZh=页面新单位" + seq.incrementAndGet() + "&kind=ENTERPRISE")));
        m.add(new Case("GET", "/admin/organisations/{id}", EnumSet.of(Who.ADMIN), who -> page("/admin/organisations/" + w.operatorX)));
        m.add(new Case("POST", "/admin/organisations/{id}/people", EnumSet.of(Who.ADMIN), who -> form(
                "/admin/organisations/" + w.operatorX + "/people", "email=admpage" + seq.incrementAndGet()
                        + "@dayi.test&displayName=a&password=admin-page-pw1&role=OPERATOR_TECHNICIAN")));
        // fleet and owner instruments
        Set<Who> staffAndAdmin = EnumSet.copyOf(STAFF_X);
        staffAndAdmin.add(Who.ADMIN);
        m.add(new Case("GET", "/api/v1/operators/{operatorId}/fleet", staffAndAdmin,
                who -> HttpRequest.GET("/api/v1/operators/" + w.operatorX + "/fleet")));
        m.add(new Case("GET", "/api/v1/owners/{ownerId}/instruments", EnumSet.of(Who.ADMIN, Who.OWNER_A),
                who -> HttpRequest.GET("/api/v1/owners/" + w.ownerA + "/instruments")));
        // entrustments over the API
        m.add(new Case("GET", "/api/v1/organisations/{orgId}/entrustments", staffAndAdmin,
                who -> HttpRequest.GET("/api/v1/organisations/" + w.operatorX + "/entrustments")));
        m.add(new Case("POST", "/api/v1/operators/{operatorId}/entrustments", EnumSet.of(Who.MANAGER_X),
                who -> HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", proposal(w.instrumentsA.get(0)))));
        Set<Who> parties = EnumSet.copyOf(staffAndAdmin);
        parties.add(Who.OWNER_A);
        m.add(new Case("GET", "/api/v1/entrustments/{id}", parties, who -> HttpRequest.GET("/api/v1/entrustments/" + proposed())));
        m.add(new Case("POST", "/api/v1/entrustments/{id}/propose", EnumSet.of(Who.MANAGER_X),
                who -> HttpRequest.POST("/api/v1/entrustments/" + draft() + "/propose", Map.of())));
        m.add(new Case("POST", "/api/v1/entrustments/{id}/withdraw", EnumSet.of(Who.MANAGER_X),
                who -> HttpRequest.POST("/api/v1/entrustments/" + draft() + "/withdraw", Map.of())));
        m.add(new Case("POST", "/api/v1/entrustments/{id}/accept", EnumSet.of(Who.OWNER_A),
                who -> HttpRequest.POST("/api/v1/entrustments/" + proposed() + "/accept", Map.of())));
        m.add(new Case("POST", "/api/v1/entrustments/{id}/decline", EnumSet.of(Who.OWNER_A),
                who -> HttpRequest.POST("/api/v1/entrustments/" + proposed() + "/decline", Map.of("reason", "矩阵测试"))));
        m.add(new Case("POST", "/api/v1/entrustments/{id}/terminate", EnumSet.of(Who.OWNER_A, Who.MANAGER_X),
                who -> HttpRequest.POST("/api/v1/entrustments/" + active() + "/terminate", Map.of("reason", "矩阵测试"))));
        // pricing: the holding operator's staff see costs, its manager (or a platform admin) changes prices
        Set<Who> pricingStaff = EnumSet.copyOf(staffAndAdmin);
        Set<Who> pricingManagers = EnumSet.of(Who.ADMIN, Who.MANAGER_X);
        m.add(new Case("GET", "/api/v1/instruments/{id}/cost", pricingStaff,
                who -> HttpRequest.GET("/api/v1/instruments/" + priced + "/cost")));
        m.add(new Case("PUT", "/api/v1/instruments/{id}/cost", pricingManagers,
                who -> HttpRequest.PUT("/api/v1/instruments/" + priced + "/cost", Map.of("inputs", costs()))));
        m.add(new Case("POST", "/api/v1/instruments/{id}/cost/preview", pricingStaff,
                who -> HttpRequest.POST("/api/v1/instruments/" + priced + "/cost/preview", Map.of("inputs", costs()))));
        m.add(new Case("GET", "/api/v1/instruments/{id}/tariffs", EVERYONE,
                who -> HttpRequest.GET("/api/v1/instruments/" + priced + "/tariffs")));
        m.add(new Case("POST", "/api/v1/instruments/{id}/tariffs", pricingManagers,
                who -> HttpRequest.POST("/api/v1/instruments/" + priced + "/tariffs", tariff("M" + seq.incrementAndGet()))));
        m.add(new Case("GET", "/api/v1/instruments/{id}/quote", EVERYONE,
                who -> HttpRequest.GET("/api/v1/instruments/" + priced + "/quote?tariff=MATRIX-HOUR&quantity=2")));
        m.add(new Case("GET", "/api/v1/instruments/{id}/service-items", EVERYONE,
                who -> HttpRequest.GET("/api/v1/instruments/" + priced + "/service-items")));
        m.add(new Case("POST", "/api/v1/instruments/{id}/service-items", pricingManagers,
                who -> HttpRequest.POST("/api/v1/instruments/" + priced + "/service-items", Map.of("name", "检测" + seq.incrementAndGet()))));
        m.add(new Case("PUT", "/api/v1/instruments/{id}/service-items/{itemId}", pricingManagers,
                who -> HttpRequest.PUT("/api/v1/instruments/" + priced + "/service-items/" + serviceItem,
                        Map.of("name", "形貌观察", "unitPriceFen", 90_000, "turnaroundDays", 5))));
        m.add(new Case("GET", "/api/v1/pricing-guidance/{categoryCode}", EVERYONE,
                who -> HttpRequest.GET("/api/v1/pricing-guidance/01")));
        m.add(new Case("PUT", "/api/v1/pricing-guidance/{categoryCode}", EnumSet.of(Who.ADMIN, Who.FISCAL),
                who -> HttpRequest.PUT("/api/v1/pricing-guidance/01", Map.of("floorBp", 10_000, "capBp", 30_000))));
        m.add(new Case("GET", "/operator/instruments/{id}/tariff", pricingStaff,
                who -> page("/operator/instruments/" + priced + "/tariff")));
        m.add(new Case("POST", "/operator/instruments/{id}/tariff", pricingManagers, who -> form(
                "/operator/instruments/" + priced + "/tariff", "action=save&originalValueYuan=4000000&residualRatePct=5"
                        + "&usefulLifeYears=10")));
        m.add(new Case("POST", "/operator/instruments/{id}/tariff/items", pricingManagers, who -> form(
                "/operator/instruments/" + priced + "/tariff/items", "name=页面检测" + seq.incrementAndGet() + "&priceYuan=100")));
        m.add(new Case("POST", "/operator/instruments/{id}/tariff/items/{itemId}/active", pricingManagers, who -> form(
                "/operator/instruments/" + priced + "/tariff/items/" + serviceItem + "/active", "active=true")));
        // booking: free time and rules are public; buyers book and cancel; the serving operator handles orders
        m.add(new Case("GET", "/api/v1/instruments/{id}/availability", EVERYONE,
                who -> HttpRequest.GET("/api/v1/instruments/" + priced + "/availability")));
        m.add(new Case("GET", "/api/v1/instruments/{id}/booking-rules", EVERYONE,
                who -> HttpRequest.GET("/api/v1/instruments/" + priced + "/booking-rules")));
        m.add(new Case("PUT", "/api/v1/instruments/{id}/booking-rules", pricingManagers,
                who -> HttpRequest.PUT("/api/v1/instruments/" + priced + "/booking-rules", bookingRules())));
        Set<Who> floorStaff = EnumSet.of(Who.ADMIN, Who.MANAGER_X, Who.TECH_X);
        m.add(new Case("POST", "/api/v1/instruments/{id}/blackouts", floorStaff,
                who -> HttpRequest.POST("/api/v1/instruments/" + priced + "/blackouts", Map.of("start", "2027-02-10T00:00:00Z",
                        "end", "2027-02-10T01:00:00Z", "reason", "HOLIDAY"))));
        m.add(new Case("POST", "/api/v1/instruments/{id}/bookings", EnumSet.of(Who.BUYER),
                who -> HttpRequest.POST("/api/v1/instruments/" + priced + "/bookings", nextBooking())));
        Set<Who> orderParties = EnumSet.copyOf(staffAndAdmin);
        orderParties.add(Who.BUYER);
        m.add(new Case("GET", "/api/v1/orders/{id}", orderParties, who -> HttpRequest.GET("/api/v1/orders/" + submitted())));
        m.add(new Case("POST", "/api/v1/orders/{id}/cancel", EnumSet.of(Who.BUYER),
                who -> HttpRequest.POST("/api/v1/orders/" + submitted() + "/cancel", Map.of())));
        m.add(new Case("GET", "/api/v1/organisations/{orgId}/orders", EnumSet.of(Who.ADMIN, Who.BUYER),
                who -> HttpRequest.GET("/api/v1/organisations/" + w.enterprise + "/orders")));
        m.add(new Case("GET", "/api/v1/operators/{operatorId}/orders", staffAndAdmin,
                who -> HttpRequest.GET("/api/v1/operators/" + w.operatorX + "/orders?state=SUBMITTED")));
        Set<Who> handlers = EnumSet.of(Who.MANAGER_X, Who.TECH_X);
        m.add(new Case("POST", "/api/v1/orders/{id}/accept", handlers,
                who -> HttpRequest.POST("/api/v1/orders/" + submitted() + "/accept", Map.of())));
        m.add(new Case("POST", "/api/v1/orders/{id}/reject", handlers,
                who -> HttpRequest.POST("/api/v1/orders/" + submitted() + "/reject", Map.of("reason", "矩阵测试"))));
        m.add(new Case("POST", "/api/v1/orders/{id}/bank-transfer", EnumSet.of(Who.MANAGER_X, Who.FINANCE_X), who -> {
            long id = awaitingPayment();
            return HttpRequest.POST("/api/v1/orders/" + id + "/bank-transfer", Map.of("amountFen", totalFen(id),
                    "reference", "MATRIX-" + id));
        }));
        m.add(new Case("POST", "/api/v1/orders/{id}/check-in", handlers,
                who -> HttpRequest.POST("/api/v1/orders/" + confirmed() + "/check-in", Map.of())));
        m.add(new Case("POST", "/api/v1/orders/{id}/check-out", handlers,
                who -> HttpRequest.POST("/api/v1/orders/" + inService() + "/check-out", Map.of())));
        // through the gate, the serving staff get 409 NO_SHOW_TOO_EARLY (the booking has not started)
        m.add(new Case("POST", "/api/v1/orders/{id}/no-show", handlers,
                who -> HttpRequest.POST("/api/v1/orders/" + confirmed() + "/no-show", Map.of())));
        // money: the serving operator's finance staff or manager refund (Idempotency-Key required); whoever sees the
        // order sees its money; a party's accounts and statements for its own people and platform admins
        m.add(new Case("POST", "/api/v1/orders/{id}/refunds", EnumSet.of(Who.MANAGER_X, Who.FINANCE_X),
                who -> HttpRequest.POST("/api/v1/orders/" + confirmed() + "/refunds", Map.of("amountFen", 1,
                        "reason", "矩阵测试")).header("Idempotency-Key", "matrix-" + seq.incrementAndGet())));
        m.add(new Case("GET", "/api/v1/orders/{id}/money", orderParties,
                who -> HttpRequest.GET("/api/v1/orders/" + confirmed() + "/money")));
        m.add(new Case("GET", "/api/v1/ledger/parties/{party}/accounts", EnumSet.of(Who.ADMIN, Who.MANAGER_X, Who.FINANCE_X),
                who -> HttpRequest.GET("/api/v1/ledger/parties/" + w.operatorX + "/accounts")));
        m.add(new Case("GET", "/api/v1/ledger/accounts/{accountId}/statement", EnumSet.of(Who.ADMIN, Who.OWNER_B),
                who -> HttpRequest.GET("/api/v1/ledger/accounts/" + ownerBRevenueAccount() + "/statement")));
        // operator and owner pages
        Set<Who> anyOperatorStaff = EnumSet.copyOf(STAFF_X);
        anyOperatorStaff.add(Who.MANAGER_Y);
        m.add(new Case("GET", "/operator", anyOperatorStaff, who -> page("/operator")));
        m.add(new Case("POST", "/operator/{operatorId}/entrustments", EnumSet.of(Who.MANAGER_X), who -> form(
                "/operator/" + w.operatorX + "/entrustments", "ownerId=" + w.ownerA + "&instruments=" + w.instrumentsA.get(0)
                        + "&startsOn=2027-01-01&endsOn=2028-12-31&ownerBp=4000&fiscalFundBp=1000&operatorBp=4500"
                        + "&platformBp=500&fiscalFunded=on&action=draft")));
        m.add(new Case("GET", "/operator/{operatorId}/staff", EnumSet.of(Who.ADMIN, Who.MANAGER_X),
                who -> page("/operator/" + w.operatorX + "/staff")));
        m.add(new Case("POST", "/operator/{operatorId}/staff", EnumSet.of(Who.ADMIN, Who.MANAGER_X), who -> form(
                "/operator/" + w.operatorX + "/staff", "email=staff" + seq.incrementAndGet() + "@dayi.test&displayName=s"
                        + "&password=staff-password-1&role=OPERATOR_TECHNICIAN")));
        m.add(new Case("GET", "/owner", EnumSet.of(Who.OWNER_A, Who.OWNER_B), who -> page("/owner")));
        m.add(new Case("GET", "/entrustments/{id}", parties, who -> page("/entrustments/" + proposed())));
        m.add(new Case("POST", "/entrustments/{id}/{command}", EnumSet.of(Who.OWNER_A),
                who -> form("/entrustments/" + proposed() + "/accept", "reason=")));
        return m;
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        Set<String> covered = matrix().stream().map(c -> c.method() + " " + c.route()).collect(Collectors.toSet());
        Set<String> routes = router.uriRoutes()
                .filter(r -> r.getTargetMethod().getDeclaringType().getName().startsWith("cn.dayi."))
                .filter(r -> !r.getHttpMethodName().equals("HEAD")) // Micronaut adds HEAD to every GET, with its rules
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(routes);
        missing.removeAll(covered);
        assertTrue(missing.isEmpty(), "endpoints without a row in the authorisation matrix: " + missing + "; all: " + routes);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(routes);
        assertTrue(stale.isEmpty(), "matrix rows for endpoints that do not exist: " + stale);
    }

    @Test
    void everyCallerGetsExactlyWhatTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Case c : matrix()) {
            // refusals first (they change nothing), then the allowed callers
            List<Who> order = new ArrayList<>(EVERYONE);
            order.removeAll(c.allowed());
            order.addAll(c.allowed());
            for (Who who : order) {
                MutableHttpRequest<?> request = c.request().apply(who);
                String token = token(who);
                if (token != null) {
                    request.bearerAuth(token);
                }
                int status = status(request);
                String location = lastLocation;
                boolean refused = status == 401 || status == 403 || status == 404
                        || (status / 100 == 3 && location != null && location.startsWith("/sign-in"));
                boolean expectedAllowed = c.allowed().contains(who);
                if (expectedAllowed && (refused || status >= 500)) {
                    wrong.add(c.method() + " " + c.route() + " as " + who + ": expected through, got " + status);
                } else if (!expectedAllowed && !refused) {
                    wrong.add(c.method() + " " + c.route() + " as " + who + ": expected refusal, got " + status);
                } else if (!expectedAllowed && who == Who.ANONYMOUS && status != 401 && status / 100 != 3) {
                    wrong.add(c.method() + " " + c.route() + " as anonymous: expected 401 or sign-in redirect, got " + status);
                }
                calls++;
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + calls + " calls answered wrongly:\n" + String.join("\n", wrong));
    }

    private String lastLocation;

    private int status(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> r = http.toBlocking().exchange(request, String.class);
            lastLocation = r.header("Location");
            return r.getStatus().getCode();
        } catch (HttpClientResponseException e) {
            lastLocation = e.getResponse().header("Location");
            return e.getStatus().getCode();
        }
    }
}
