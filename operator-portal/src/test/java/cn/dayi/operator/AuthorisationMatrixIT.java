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
    /** A voucher programme (Shenzhen, everything, 50%) with a grant to the world's enterprise; a claim on it. */
    long voucherProgramme;
    long voucherClaim;
    /** Instrument B[1], also held by operator X: incidents are reported on it (they block its calendar). */
    String incidentOn;
    /** A self-registered enterprise, still PENDING, whose registrant uploaded a business licence. */
    long pendingWithLicence;
    /** A settled month's statement of owner A, written directly (its figures do not matter to the gate). */
    long ownerStatement;
    /** Its payout, in the bank payout file (written directly: the gate is what matters). */
    long ownerPayout;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void world() throws Exception {
        w = World.in(context);
        priced = w.instrumentsB.get(0);
        incidentOn = w.instrumentsB.get(1);
        Map<String, Object> body = proposal(priced);
        body.put("instruments", List.of(priced, incidentOn));
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
        voucherProgramme = post(w.fiscal, "/api/v1/voucher-programmes", voucherProgramme());
        post(w.fiscal, "/api/v1/voucher-programmes/" + voucherProgramme + "/grants",
                Map.of("enterpriseId", w.enterprise, "amountFen", 100_000_000));
        voucherClaim = voucherClaim();
        pendingWithLicence = pendingWithLicence();
        ownerStatement = jdbc.write(c -> {
            Jdbc.update(c, "INSERT INTO settlement_run (period, state, started_at) VALUES ('2020-01', 'COMPLETED', "
                    + "CURRENT_TIMESTAMP(3))");
            return Jdbc.insert(c, "INSERT INTO settlement_statement (party_id, period, orders_count, minutes_used, gross_fen, "
                    + "created_at) VALUES (?, '2020-01', 0, 0, 0, CURRENT_TIMESTAMP(3))", w.ownerA);
        });
        ownerPayout = jdbc.write(c -> Jdbc.insert(c, "INSERT INTO payout (statement_id, party_id, period, amount_fen, owner_fen,"
                + " operator_fen, state, method, payee_name, bank_name, account_number, created_at, updated_at)"
                + " VALUES (?, ?, '2020-01', 100, 100, 0, 'IN_FILE', 'BANK_FILE', '矩阵大学', '矩阵银行', '12345678',"
                + " CURRENT_TIMESTAMP(3), CURRENT_TIMESTAMP(3))", ownerStatement, w.ownerA));
    }

    private long pendingWithLicence() {
        Map<String, Object> registration = registration(9_000_001);
        long org = ((Number) http.toBlocking().retrieve(HttpRequest.POST("/api/v1/registrations", registration), Map.class)
                .get("organisationId")).longValue();
        String registrant = String.valueOf(http.toBlocking().retrieve(HttpRequest.POST("/api/v1/auth/token",
                Map.of("email", registration.get("email"), "password", "registration-pw1")), Map.class).get("accessToken"));
        http.toBlocking().exchange(HttpRequest.PUT("/api/v1/organisations/" + org + "/licence?name=licence.pdf", PDF)
                .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE).bearerAuth(registrant));
        return org;
    }

    private static Map<String, Object> voucherProgramme() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return Map.of("name", "矩阵创新券", "type", "STANDARD", "budgetFen", 1_000_000_000L, "validFrom",
                today.minusDays(1).toString(), "validUntil", today.plusDays(200).toString(), "regions", List.of("440300"),
                "coverBp", 5_000);
    }

    /** A submitted redemption claim of operator X, written directly (its orders do not matter to the gate). */
    private long voucherClaim() {
        return jdbc.write(c -> Jdbc.insert(c, "INSERT INTO voucher_claim (kind, programme_id, claimant_id, period, amount_fen, "
                + "uses, submitted_at) VALUES ('REDEMPTION', ?, ?, '2026-01', 100, 1, CURRENT_TIMESTAMP(3))",
                voucherProgramme, w.operatorX));
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

    /** A fresh qualification of the buyer for the priced instrument, granted by X's technician. */
    private long qualification() {
        return post(w.technicianX, "/api/v1/instruments/" + priced + "/qualifications", Map.of("email", w.email("buyer"),
                "trainedOn", LocalDate.now().toString(), "validUntil", LocalDate.now().plusYears(1).toString()));
    }

    /** A fresh open incident on {@link #incidentOn}, reported by X's technician. */
    private long incident() {
        return post(w.technicianX, "/api/v1/instruments/" + incidentOn + "/incidents", Map.of("description", "矩阵故障"));
    }

    /** The form fields of a booking request, for the booking pages. */
    private String bookingForm() {
        Map<String, Object> b = nextBooking();
        return "start=" + b.get("start") + "&end=" + b.get("end") + "&mode=STAFF_OPERATED";
    }

    // ---- testing-service orders (送样检测) on the priced instrument, in a given state ----

    private Long onRequestItem;
    private long[] reviewedOrder;

    @SuppressWarnings("unchecked")
    private long testingOrder(long item) {
        Map<String, Object> r = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/instruments/" + priced
                + "/testing-orders", Map.of("items", List.of(Map.of("serviceItemId", item, "sampleCount", 1)),
                "sampleDescription", "矩阵样品")).bearerAuth(w.buyer), Map.class);
        return ((Number) ((Map<String, Object>) r.get("order")).get("id")).longValue();
    }

    private long testingSubmitted() {
        return testingOrder(serviceItem);
    }

    @SuppressWarnings("unchecked")
    private long testingQuoted() {
        if (onRequestItem == null) {
            onRequestItem = post(w.managerX, "/api/v1/instruments/" + priced + "/service-items",
                    Map.of("name", "矩阵面议项目", "turnaroundDays", 7));
        }
        long id = testingOrder(onRequestItem);
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + id + "/quote", Map.of("lines",
                List.of(Map.of("lineId", onRequestLine(id), "unitPriceFen", 120_000)))).bearerAuth(w.managerX));
        return id;
    }

    private long onRequestLine(long order) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT id FROM testing_order_line WHERE order_id = ?", order));
    }

    private long testingConfirmed() {
        long id = testingSubmitted();
        post(w.managerX, "/api/v1/orders/" + id + "/accept", Map.of());
        post(w.financeX, "/api/v1/orders/" + id + "/bank-transfer", Map.of("amountFen", totalFen(id), "reference",
                "MATRIX-T-" + id));
        return id;
    }

    private long testingInService() {
        long id = testingConfirmed();
        post(w.technicianX, "/api/v1/orders/" + id + "/samples-received", Map.of());
        return id;
    }

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private MutableHttpRequest<?> resultUpload(long order) {
        return HttpRequest.POST("/api/v1/orders/" + order + "/results?name=report.pdf", PDF)
                .contentType(io.micronaut.http.MediaType.APPLICATION_OCTET_STREAM_TYPE);
    }

    /** An order with one result file: {order id, file id}. */
    private long[] testingWithResult() {
        long id = testingInService();
        long file = post(w.technicianX, "/api/v1/orders/" + id + "/results?name=report.pdf", PDF);
        return new long[] {id, file};
    }

    private long testingCompleted() {
        long id = testingWithResult()[0];
        post(w.technicianX, "/api/v1/orders/" + id + "/deliver", Map.of());
        return id;
    }

    private long testingReviewed() {
        long id = testingCompleted();
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + id + "/review", Map.of("rating", 4))
                .bearerAuth(w.buyer));
        return id;
    }

    /** One reviewed order (with its result file) for the rows that only read. */
    private long[] reviewed() {
        if (reviewedOrder == null) {
            long[] o = testingWithResult();
            post(w.technicianX, "/api/v1/orders/" + o[0] + "/deliver", Map.of());
            http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + o[0] + "/review", Map.of("rating", 4))
                    .bearerAuth(w.buyer));
            reviewedOrder = o;
        }
        return reviewedOrder;
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
        MutableHttpRequest<?> request = HttpRequest.POST(path, body).bearerAuth(token);
        if (body instanceof byte[]) {
            request.contentType(io.micronaut.http.MediaType.APPLICATION_OCTET_STREAM_TYPE);
        }
        Map<String, Object> r = http.toBlocking().retrieve(request, Map.class);
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

    /** A failed run of hold-expiry in the job history, as a node would have written it. */
    private long failedJobRun() {
        return jdbc.write(c -> Jdbc.insert(c, "INSERT INTO job_run (job_name, trigger_name, fire_instance_id, node, started_at,"
                + " finished_at, outcome, message) VALUES ('hold-expiry', 'hold-expiry', ?, 'matrix-node', NOW(3), NOW(3),"
                + " 'FAILED', 'matrix')", "matrix-" + seq.incrementAndGet()));
    }

    /** A notification in the inbox of {@code who} (for anonymous callers: the buyer's), written for the call. */
    private long notificationOf(Who who) {
        String name = switch (who) {
            case ANONYMOUS, BUYER -> "buyer";
            case ADMIN -> "admin";
            case FISCAL -> "fiscal";
            case OWNER_A -> "owner-a";
            case OWNER_B -> "owner-b";
            case MANAGER_X -> "manager-x";
            case TECH_X -> "tech-x";
            case FINANCE_X -> "finance-x";
            case MANAGER_Y -> "manager-y";
        };
        return jdbc.write(c -> Jdbc.insert(c, "INSERT INTO notification (person_id, event, subject_zh, subject_en, body_zh, "
                + "body_en, created_at) SELECT id, 'MATRIX', '矩阵', 'matrix', '矩阵', 'matrix', NOW(3) FROM person WHERE email = ?",
                w.email(name)));
    }

    /** A fresh invitation to the enterprise (as BUYER_MEMBER, by the buyer) and its token. */
    private String invitation() {
        String token = "matrix-invitation-" + seq.incrementAndGet() + "-" + System.nanoTime();
        String hash;
        try {
            hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        jdbc.write(c -> Jdbc.update(c, "INSERT INTO invitation (organisation_id, role, email, token_sha256, invited_by, "
                + "created_at, expires_at) SELECT ?, 'BUYER_MEMBER', ?, ?, id, NOW(3), NOW(3) + INTERVAL 7 DAY FROM person "
                + "WHERE email = ?", w.enterprise, "invited" + seq.incrementAndGet() + "@matrix.test", hash, w.email("buyer")));
        return token;
    }

    private static MutableHttpRequest<?> page(String path) {
        return HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE);
    }

    /** A map as an url-encoded form body. */
    private static String formOf(Map<String, Object> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(String.valueOf(e.getValue()),
                StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
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
        // registration and verification pages
        m.add(new Case("GET", "/register", EVERYONE, who -> page("/register")));
        m.add(new Case("POST", "/register", EVERYONE, who -> form("/register", formOf(registration(seq.incrementAndGet())))));
        m.add(new Case("GET", "/admin/verifications", EnumSet.of(Who.ADMIN), who -> page("/admin/verifications")));
        m.add(new Case("POST", "/admin/verifications/{id}", EnumSet.of(Who.ADMIN),
                who -> form("/admin/verifications/" + w.enterprise, "decision=approve")));
        // business licences: the world's enterprise is verified already (its member gets 409 ALREADY_VERIFIED or the
        // page's explanation, i.e. through); the pending enterprise's licence is for the admin's eyes
        m.add(new Case("PUT", "/api/v1/organisations/{id}/licence", EnumSet.of(Who.BUYER),
                who -> HttpRequest.PUT("/api/v1/organisations/" + w.enterprise + "/licence?name=licence.pdf", PDF)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE)));
        m.add(new Case("GET", "/api/v1/organisations/{id}/licence", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.GET("/api/v1/organisations/" + pendingWithLicence + "/licence")));
        m.add(new Case("POST", "/account/organisations/{id}/licence", EnumSet.of(Who.BUYER),
                who -> HttpRequest.POST("/account/organisations/" + w.enterprise + "/licence", MultipartBody.builder()
                        .addPart("file", "licence.pdf", MediaType.APPLICATION_PDF_TYPE, PDF).build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE)));
        // monthly statements: the party's owner admins (operator managers / finance for an operator) answer;
        // platform admins read and see disputes
        m.add(new Case("GET", "/api/v1/organisations/{partyId}/statements", EnumSet.of(Who.OWNER_A, Who.ADMIN),
                who -> HttpRequest.GET("/api/v1/organisations/" + w.ownerA + "/statements")));
        m.add(new Case("POST", "/api/v1/statements/{id}/dispute", EnumSet.of(Who.OWNER_A),
                who -> HttpRequest.POST("/api/v1/statements/" + ownerStatement + "/dispute", Map.of("reason", "矩阵"))));
        m.add(new Case("POST", "/api/v1/statements/{id}/approve", EnumSet.of(Who.OWNER_A),
                who -> HttpRequest.POST("/api/v1/statements/" + ownerStatement + "/approve", Map.of())));
        m.add(new Case("GET", "/statements", EnumSet.of(Who.OWNER_A),
                who -> page("/statements?org=" + w.ownerA)));
        m.add(new Case("POST", "/statements/{id}/approve", EnumSet.of(Who.OWNER_A),
                who -> form("/statements/" + ownerStatement + "/approve", "")));
        m.add(new Case("POST", "/statements/{id}/dispute", EnumSet.of(Who.OWNER_A),
                who -> form("/statements/" + ownerStatement + "/dispute", "reason=x")));
        m.add(new Case("GET", "/admin/statements", EnumSet.of(Who.ADMIN), who -> page("/admin/statements")));
        // payouts: a party's payout account for its owner admins / operator managers and finance (and platform admins);
        // its payouts likewise; the payout page, the bank payout file and marking paid / failed / retry for platform
        // admins (through the gate: the first mark paid posts, then 200 again; failed and retry answer 409)
        Set<Who> moneyOfX = EnumSet.of(Who.ADMIN, Who.MANAGER_X, Who.FINANCE_X);
        m.add(new Case("GET", "/api/v1/organisations/{orgId}/payout-account", moneyOfX,
                who -> HttpRequest.GET("/api/v1/organisations/" + w.operatorX + "/payout-account")));
        m.add(new Case("PUT", "/api/v1/organisations/{orgId}/payout-account", moneyOfX,
                who -> HttpRequest.PUT("/api/v1/organisations/" + w.operatorX + "/payout-account",
                        Map.of("stripeAccountId", "acct_1Matrix" + seq.incrementAndGet()))));
        m.add(new Case("GET", "/organisations/{orgId}/payout-account", moneyOfX,
                who -> page("/organisations/" + w.operatorX + "/payout-account")));
        m.add(new Case("POST", "/organisations/{orgId}/payout-account", moneyOfX,
                who -> form("/organisations/" + w.operatorX + "/payout-account", "payeeName=" + java.net.URLEncoder.encode(
                        "矩阵服务机构", StandardCharsets.UTF_8) + "&bankName=" + java.net.URLEncoder.encode("矩阵银行",
                        StandardCharsets.UTF_8) + "&accountNumber=6222020200001234")));
        m.add(new Case("GET", "/api/v1/organisations/{orgId}/payouts", EnumSet.of(Who.OWNER_A, Who.ADMIN),
                who -> HttpRequest.GET("/api/v1/organisations/" + w.ownerA + "/payouts")));
        m.add(new Case("GET", "/api/v1/admin/payouts", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.GET("/api/v1/admin/payouts?period=2020-01")));
        m.add(new Case("POST", "/api/v1/admin/payouts/{id}/paid", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.POST("/api/v1/admin/payouts/" + ownerPayout + "/paid", Map.of("bankReference", "MATRIX"))));
        m.add(new Case("POST", "/api/v1/admin/payouts/{id}/failed", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.POST("/api/v1/admin/payouts/" + ownerPayout + "/failed", Map.of("reason", "矩阵"))));
        m.add(new Case("POST", "/api/v1/admin/payouts/{id}/retry", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.POST("/api/v1/admin/payouts/" + ownerPayout + "/retry", Map.of())));
        m.add(new Case("GET", "/admin/payouts", EnumSet.of(Who.ADMIN), who -> page("/admin/payouts?period=2020-01")));
        m.add(new Case("GET", "/admin/payouts/bank-file", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.GET("/admin/payouts/bank-file?period=2020-01").accept("text/csv")));
        m.add(new Case("POST", "/admin/payouts/{id}/paid", EnumSet.of(Who.ADMIN),
                who -> form("/admin/payouts/" + ownerPayout + "/paid", "bankReference=MATRIX")));
        m.add(new Case("POST", "/admin/payouts/{id}/failed", EnumSet.of(Who.ADMIN),
                who -> form("/admin/payouts/" + ownerPayout + "/failed", "reason=x")));
        m.add(new Case("POST", "/admin/payouts/{id}/retry", EnumSet.of(Who.ADMIN),
                who -> form("/admin/payouts/" + ownerPayout + "/retry", "")));
        // owner revenue report: the owner's admins and platform admins
        m.add(new Case("GET", "/api/v1/owners/{ownerId}/revenue", EnumSet.of(Who.OWNER_A, Who.ADMIN),
                who -> HttpRequest.GET("/api/v1/owners/" + w.ownerA + "/revenue")));
        m.add(new Case("GET", "/owner/{ownerId}/revenue", EnumSet.of(Who.OWNER_A, Who.ADMIN),
                who -> page("/owner/" + w.ownerA + "/revenue")));
        m.add(new Case("GET", "/owner/{ownerId}/revenue/export", EnumSet.of(Who.OWNER_A, Who.ADMIN),
                who -> HttpRequest.GET("/owner/" + w.ownerA + "/revenue/export?format=csv")));
        // operator revenue report: the operator's manager and finance staff, platform admins
        Set<Who> operatorRevenue = EnumSet.of(Who.MANAGER_X, Who.FINANCE_X, Who.ADMIN);
        m.add(new Case("GET", "/api/v1/operators/{operatorId}/revenue", operatorRevenue,
                who -> HttpRequest.GET("/api/v1/operators/" + w.operatorX + "/revenue")));
        m.add(new Case("GET", "/operator/{operatorId}/revenue", operatorRevenue,
                who -> page("/operator/" + w.operatorX + "/revenue")));
        m.add(new Case("GET", "/operator/{operatorId}/revenue/export", operatorRevenue,
                who -> HttpRequest.GET("/operator/" + w.operatorX + "/revenue/export?format=csv")));
        // fiscal report: fiscal officers and platform admins
        m.add(new Case("GET", "/api/v1/fiscal/report", EnumSet.of(Who.FISCAL, Who.ADMIN),
                who -> HttpRequest.GET("/api/v1/fiscal/report")));
        m.add(new Case("GET", "/fiscal/report", EnumSet.of(Who.FISCAL, Who.ADMIN), who -> page("/fiscal/report")));
        m.add(new Case("GET", "/fiscal/report/export", EnumSet.of(Who.FISCAL, Who.ADMIN),
                who -> HttpRequest.GET("/fiscal/report/export?table=due&format=xlsx")));
        // administration pages
        m.add(new Case("GET", "/admin", EnumSet.of(Who.ADMIN), who -> page("/admin?q=大学")));
        m.add(new Case("POST", "/admin/organisations", EnumSet.of(Who.ADMIN), who -> form("/admin/organisations",
                "nameZh=页面新单位" + seq.incrementAndGet() + "&kind=ENTERPRISE")));
        m.add(new Case("GET", "/admin/organisations/{id}", EnumSet.of(Who.ADMIN), who -> page("/admin/organisations/" + w.operatorX)));
        m.add(new Case("POST", "/admin/organisations/{id}/people", EnumSet.of(Who.ADMIN), who -> form(
                "/admin/organisations/" + w.operatorX + "/people", "email=admpage" + seq.incrementAndGet()
                        + "@dayi.test&displayName=a&password=admin-page-pw1&role=OPERATOR_TECHNICIAN")));
        // scheduled jobs (ops module; the scheduler is off in this test, so run now / retry answer
        // 409 SCHEDULER_OFF to the API and a notice to the page — through the gate either way)
        m.add(new Case("GET", "/api/v1/admin/jobs", EnumSet.of(Who.ADMIN), who -> HttpRequest.GET("/api/v1/admin/jobs")));
        m.add(new Case("GET", "/api/v1/admin/jobs/{name}/runs", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.GET("/api/v1/admin/jobs/hold-expiry/runs")));
        m.add(new Case("POST", "/api/v1/admin/jobs/{name}/run", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.POST("/api/v1/admin/jobs/hold-expiry/run", Map.of())));
        m.add(new Case("POST", "/api/v1/admin/jobs/runs/{id}/retry", EnumSet.of(Who.ADMIN),
                who -> HttpRequest.POST("/api/v1/admin/jobs/runs/" + failedJobRun() + "/retry", Map.of())));
        m.add(new Case("GET", "/admin/jobs", EnumSet.of(Who.ADMIN), who -> page("/admin/jobs")));
        m.add(new Case("POST", "/admin/jobs/{name}/run", EnumSet.of(Who.ADMIN), who -> form("/admin/jobs/hold-expiry/run", "")));
        m.add(new Case("POST", "/admin/jobs/runs/{id}/retry", EnumSet.of(Who.ADMIN),
                who -> form("/admin/jobs/runs/" + failedJobRun() + "/retry", "")));
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
        // card payments (Stripe is not configured here: callers who get through see 422 CARD_PAYMENT_UNAVAILABLE);
        // the webhook is public, its signature is the check
        m.add(new Case("GET", "/api/v1/orders/{id}/card-payment", orderParties,
                who -> HttpRequest.GET("/api/v1/orders/" + submitted() + "/card-payment")));
        m.add(new Case("POST", "/api/v1/orders/{id}/card-payment", EnumSet.of(Who.BUYER),
                who -> HttpRequest.POST("/api/v1/orders/" + awaitingPayment() + "/card-payment", Map.of())
                        .header("Idempotency-Key", "matrix-" + seq.incrementAndGet())));
        m.add(new Case("POST", "/api/v1/orders/{id}/card-refunds", EnumSet.of(Who.ADMIN, Who.MANAGER_X, Who.FINANCE_X),
                who -> HttpRequest.POST("/api/v1/orders/" + confirmed() + "/card-refunds", Map.of("amountFen", 100,
                        "reason", "矩阵测试")).header("Idempotency-Key", "matrix-" + seq.incrementAndGet())));
        m.add(new Case("POST", "/api/v1/payments/stripe/webhook", EVERYONE,
                who -> HttpRequest.POST("/api/v1/payments/stripe/webhook", "{}").header("Stripe-Signature", "t=1,v1=00")));
        // innovation vouchers: the fiscal officer keeps programmes, grants and claims (admins read); buyers see
        // their grants and check out; either side of an order sees its voucher; operators' money staff claim
        Set<Who> fiscalReaders = EnumSet.of(Who.FISCAL, Who.ADMIN);
        m.add(new Case("GET", "/api/v1/voucher-programmes", fiscalReaders, who -> HttpRequest.GET("/api/v1/voucher-programmes")));
        m.add(new Case("POST", "/api/v1/voucher-programmes", EnumSet.of(Who.FISCAL),
                who -> HttpRequest.POST("/api/v1/voucher-programmes", voucherProgramme())));
        m.add(new Case("GET", "/api/v1/voucher-programmes/{id}", fiscalReaders,
                who -> HttpRequest.GET("/api/v1/voucher-programmes/" + voucherProgramme)));
        m.add(new Case("GET", "/api/v1/voucher-programmes/{id}/grants", fiscalReaders,
                who -> HttpRequest.GET("/api/v1/voucher-programmes/" + voucherProgramme + "/grants")));
        m.add(new Case("POST", "/api/v1/voucher-programmes/{id}/grants", EnumSet.of(Who.FISCAL),
                who -> HttpRequest.POST("/api/v1/voucher-programmes/" + voucherProgramme + "/grants",
                        Map.of("enterpriseId", w.enterprise, "amountFen", 1))));
        m.add(new Case("GET", "/api/v1/organisations/{orgId}/voucher-grants", EnumSet.of(Who.FISCAL, Who.ADMIN, Who.BUYER),
                who -> HttpRequest.GET("/api/v1/organisations/" + w.enterprise + "/voucher-grants")));
        m.add(new Case("GET", "/api/v1/orders/{id}/voucher", orderParties,
                who -> HttpRequest.GET("/api/v1/orders/" + submitted() + "/voucher")));
        m.add(new Case("POST", "/api/v1/orders/{id}/checkout", EnumSet.of(Who.BUYER),
                who -> HttpRequest.POST("/api/v1/orders/" + awaitingPayment() + "/checkout", Map.of())));
        m.add(new Case("GET", "/api/v1/voucher-claims", fiscalReaders, who -> HttpRequest.GET("/api/v1/voucher-claims")));
        m.add(new Case("POST", "/api/v1/voucher-claims/{id}/approve", EnumSet.of(Who.FISCAL),
                who -> HttpRequest.POST("/api/v1/voucher-claims/" + (who == Who.FISCAL ? voucherClaim() : voucherClaim)
                        + "/approve", Map.of())));
        m.add(new Case("POST", "/api/v1/voucher-claims/{id}/reject", EnumSet.of(Who.FISCAL),
                who -> HttpRequest.POST("/api/v1/voucher-claims/" + (who == Who.FISCAL ? voucherClaim() : voucherClaim)
                        + "/reject", Map.of("reason", "矩阵测试"))));
        m.add(new Case("GET", "/fiscal/vouchers", fiscalReaders, who -> page("/fiscal/vouchers")));
        Set<Who> operatorMoney = EnumSet.of(Who.MANAGER_X, Who.FINANCE_X);
        Set<Who> claimReaders = EnumSet.of(Who.MANAGER_X, Who.FINANCE_X, Who.FISCAL, Who.ADMIN);
        m.add(new Case("GET", "/api/v1/operators/{operatorId}/voucher-claims", claimReaders,
                who -> HttpRequest.GET("/api/v1/operators/" + w.operatorX + "/voucher-claims")));
        // through the gate, operator X's money staff get 422 NOTHING_TO_CLAIM
        m.add(new Case("POST", "/api/v1/operators/{operatorId}/voucher-claims", operatorMoney,
                who -> HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/voucher-claims",
                        Map.of("programmeId", voucherProgramme, "period", "2026-01"))));
        // notifications: my inbox (each caller marks a notification of their own), the buyer's calendar file
        m.add(new Case("GET", "/api/v1/me/notifications", SIGNED_IN, who -> HttpRequest.GET("/api/v1/me/notifications")));
        m.add(new Case("POST", "/api/v1/me/notifications/{id}/read", SIGNED_IN,
                who -> HttpRequest.POST("/api/v1/me/notifications/" + notificationOf(who) + "/read", Map.of())));
        m.add(new Case("POST", "/api/v1/me/notifications/read-all", SIGNED_IN,
                who -> HttpRequest.POST("/api/v1/me/notifications/read-all", Map.of())));
        m.add(new Case("GET", "/api/v1/orders/{id}/calendar.ics", EnumSet.of(Who.BUYER),
                who -> HttpRequest.GET("/api/v1/orders/" + submitted() + "/calendar.ics")));
        m.add(new Case("GET", "/inbox", SIGNED_IN, who -> page("/inbox")));
        m.add(new Case("POST", "/inbox/{id}/read", SIGNED_IN, who -> form("/inbox/" + notificationOf(who) + "/read", "")));
        m.add(new Case("POST", "/inbox/read-all", SIGNED_IN, who -> form("/inbox/read-all", "")));
        // invitations: the enterprise's buyer members (and platform admins) invite; anyone holding a link accepts it
        Set<Who> inviters = EnumSet.of(Who.ADMIN, Who.BUYER);
        m.add(new Case("POST", "/api/v1/organisations/{orgId}/invitations", inviters, who -> HttpRequest.POST(
                "/api/v1/organisations/" + w.enterprise + "/invitations", Map.of("email", "inv" + seq.incrementAndGet()
                        + "@matrix.test"))));
        m.add(new Case("GET", "/api/v1/organisations/{orgId}/invitations", inviters,
                who -> HttpRequest.GET("/api/v1/organisations/" + w.enterprise + "/invitations")));
        m.add(new Case("GET", "/api/v1/invitations/{token}", EVERYONE, who -> HttpRequest.GET("/api/v1/invitations/"
                + invitation())));
        m.add(new Case("POST", "/api/v1/invitations/{token}/accept", EVERYONE, who -> HttpRequest.POST(
                "/api/v1/invitations/" + invitation() + "/accept", Map.of("displayName", "受邀者", "password", "invited-pw-123"))));
        m.add(new Case("GET", "/organisations/{orgId}/invitations", inviters,
                who -> page("/organisations/" + w.enterprise + "/invitations")));
        m.add(new Case("POST", "/organisations/{orgId}/invitations", inviters, who -> form("/organisations/" + w.enterprise
                + "/invitations", "email=invpage" + seq.incrementAndGet() + "@matrix.test&role=BUYER_MEMBER")));
        m.add(new Case("GET", "/invitations/{token}", EVERYONE, who -> page("/invitations/" + invitation())));
        m.add(new Case("POST", "/invitations/{token}", EVERYONE, who -> form("/invitations/" + invitation(),
                "displayName=受邀者&password=invited-pw-123")));
        // qualification register and incidents
        Set<Who> floorStaffAndAdmin = EnumSet.of(Who.ADMIN, Who.MANAGER_X, Who.TECH_X);
        m.add(new Case("POST", "/api/v1/instruments/{id}/qualifications", floorStaffAndAdmin,
                who -> HttpRequest.POST("/api/v1/instruments/" + priced + "/qualifications", Map.of("email", w.email("buyer"),
                        "trainedOn", LocalDate.now().toString(), "validUntil", LocalDate.now().plusMonths(6).toString()))));
        m.add(new Case("GET", "/api/v1/operators/{operatorId}/qualifications", staffAndAdmin,
                who -> HttpRequest.GET("/api/v1/operators/" + w.operatorX + "/qualifications")));
        m.add(new Case("POST", "/api/v1/qualifications/{id}/revoke", floorStaffAndAdmin,
                who -> HttpRequest.POST("/api/v1/qualifications/" + qualification() + "/revoke", Map.of("reason", "矩阵"))));
        m.add(new Case("POST", "/api/v1/instruments/{id}/incidents", floorStaffAndAdmin,
                who -> HttpRequest.POST("/api/v1/instruments/" + incidentOn + "/incidents", Map.of("description", "矩阵故障"))));
        m.add(new Case("GET", "/api/v1/instruments/{id}/incidents", staffAndAdmin,
                who -> HttpRequest.GET("/api/v1/instruments/" + incidentOn + "/incidents?open=true")));
        m.add(new Case("POST", "/api/v1/incidents/{id}/resolve", floorStaffAndAdmin,
                who -> HttpRequest.POST("/api/v1/incidents/" + incident() + "/resolve", Map.of("description", "已修复"))));
        // booking pages: buyers book and follow their orders; the serving operator's staff handle them
        m.add(new Case("GET", "/instruments/{id}/book", EnumSet.of(Who.BUYER), who -> {
            Map<String, Object> b = nextBooking();
            return page("/instruments/" + priced + "/book?start=" + b.get("start") + "&end=" + b.get("end"));
        }));
        m.add(new Case("POST", "/instruments/{id}/book", EnumSet.of(Who.BUYER),
                who -> form("/instruments/" + priced + "/book", bookingForm())));
        m.add(new Case("GET", "/orders", EnumSet.of(Who.BUYER), who -> page("/orders")));
        m.add(new Case("GET", "/orders/{id}", orderParties, who -> page("/orders/" + submitted())));
        m.add(new Case("POST", "/orders/{id}/cancel", EnumSet.of(Who.BUYER),
                who -> form("/orders/" + submitted() + "/cancel", "reason=")));
        // the payment panel's steps (payment/web): the buyer applies its voucher and starts a card payment
        m.add(new Case("POST", "/orders/{id}/voucher", EnumSet.of(Who.BUYER),
                who -> form("/orders/" + awaitingPayment() + "/voucher", "")));
        m.add(new Case("POST", "/orders/{id}/card", EnumSet.of(Who.BUYER),
                who -> form("/orders/" + awaitingPayment() + "/card", "key=matrix-" + seq.incrementAndGet())));
        m.add(new Case("GET", "/operator/{operatorId}/orders", staffAndAdmin, who -> page("/operator/" + w.operatorX + "/orders")));
        m.add(new Case("POST", "/operator/orders/{id}/{command}", handlers,
                who -> form("/operator/orders/" + submitted() + "/accept", "back=/operator")));
        m.add(new Case("POST", "/operator/orders/{id}/bank-transfer", EnumSet.of(Who.MANAGER_X, Who.FINANCE_X), who -> {
            long id = awaitingPayment();
            long fen = totalFen(id);
            return form("/operator/orders/" + id + "/bank-transfer", "amountYuan=" + fen / 100 + "." + String.format("%02d",
                    fen % 100) + "&reference=MATRIX-PAGE-" + id);
        }));
        m.add(new Case("GET", "/operator/instruments/{id}/schedule", staffAndAdmin,
                who -> page("/operator/instruments/" + priced + "/schedule")));
        m.add(new Case("POST", "/operator/instruments/{id}/incidents", floorStaffAndAdmin,
                who -> form("/operator/instruments/" + incidentOn + "/incidents", "description=页面故障")));
        m.add(new Case("POST", "/operator/incidents/{id}/resolve", floorStaffAndAdmin,
                who -> form("/operator/incidents/" + incident() + "/resolve", "description=已修复")));
        m.add(new Case("GET", "/operator/{operatorId}/qualifications", staffAndAdmin,
                who -> page("/operator/" + w.operatorX + "/qualifications")));
        m.add(new Case("POST", "/operator/{operatorId}/qualifications", floorStaffAndAdmin, who -> form(
                "/operator/" + w.operatorX + "/qualifications", "instrument=" + priced + "&email=" + w.email("buyer")
                        + "&trainedOn=" + LocalDate.now() + "&validUntil=" + LocalDate.now().plusMonths(3))));
        m.add(new Case("POST", "/operator/qualifications/{id}/revoke", floorStaffAndAdmin,
                who -> form("/operator/qualifications/" + qualification() + "/revoke", "reason=矩阵&back=/operator")));
        // testing-service orders (送样检测), result files and reviews
        m.add(new Case("POST", "/api/v1/instruments/{id}/testing-orders", EnumSet.of(Who.BUYER),
                who -> HttpRequest.POST("/api/v1/instruments/" + priced + "/testing-orders", Map.of("items",
                        List.of(Map.of("serviceItemId", serviceItem, "sampleCount", 2)), "sampleDescription", "矩阵样品"))));
        m.add(new Case("GET", "/api/v1/testing-orders/{id}", orderParties,
                who -> HttpRequest.GET("/api/v1/testing-orders/" + reviewed()[0])));
        m.add(new Case("PUT", "/api/v1/testing-orders/{id}/shipping", EnumSet.of(Who.BUYER),
                who -> HttpRequest.PUT("/api/v1/testing-orders/" + testingSubmitted() + "/shipping",
                        Map.of("courier", "顺丰速运", "trackingNumber", "SF" + seq.incrementAndGet()))));
        m.add(new Case("POST", "/api/v1/orders/{id}/quote", handlers, who -> {
            testingQuoted(); // makes sure the item on request exists
            long id = testingOrder(onRequestItem);
            return HttpRequest.POST("/api/v1/orders/" + id + "/quote", Map.of("lines",
                    List.of(Map.of("lineId", onRequestLine(id), "unitPriceFen", 99_000))));
        }));
        m.add(new Case("POST", "/api/v1/orders/{id}/accept-quote", EnumSet.of(Who.BUYER),
                who -> HttpRequest.POST("/api/v1/orders/" + testingQuoted() + "/accept-quote", Map.of())));
        m.add(new Case("POST", "/api/v1/orders/{id}/decline-quote", EnumSet.of(Who.BUYER),
                who -> HttpRequest.POST("/api/v1/orders/" + testingQuoted() + "/decline-quote", Map.of())));
        m.add(new Case("POST", "/api/v1/orders/{id}/samples-received", handlers,
                who -> HttpRequest.POST("/api/v1/orders/" + testingConfirmed() + "/samples-received", Map.of())));
        m.add(new Case("POST", "/api/v1/orders/{id}/results", handlers, who -> resultUpload(testingInService())));
        m.add(new Case("GET", "/api/v1/orders/{id}/results/{fileId}", orderParties,
                who -> HttpRequest.GET("/api/v1/orders/" + reviewed()[0] + "/results/" + reviewed()[1])));
        m.add(new Case("POST", "/api/v1/orders/{id}/deliver", handlers,
                who -> HttpRequest.POST("/api/v1/orders/" + testingWithResult()[0] + "/deliver", Map.of())));
        m.add(new Case("POST", "/api/v1/orders/{id}/review", EnumSet.of(Who.BUYER),
                who -> HttpRequest.POST("/api/v1/orders/" + testingCompleted() + "/review", Map.of("rating", 5))));
        m.add(new Case("GET", "/api/v1/orders/{id}/review", orderParties,
                who -> HttpRequest.GET("/api/v1/orders/" + reviewed()[0] + "/review")));
        m.add(new Case("POST", "/api/v1/orders/{id}/review/reply", handlers,
                who -> HttpRequest.POST("/api/v1/orders/" + testingReviewed() + "/review/reply", Map.of("reply", "谢谢"))));
        m.add(new Case("GET", "/api/v1/instruments/{id}/reviews", EVERYONE,
                who -> HttpRequest.GET("/api/v1/instruments/" + priced + "/reviews")));
        // money: the serving operator's finance staff or manager refund (Idempotency-Key required); whoever sees the
        // order sees its money; a party's accounts and statements for its own people and platform admins
        m.add(new Case("POST", "/api/v1/orders/{id}/refunds", EnumSet.of(Who.MANAGER_X, Who.FINANCE_X),
                who -> HttpRequest.POST("/api/v1/orders/" + confirmed() + "/refunds", Map.of("amountFen", 1,
                        "reason", "矩阵测试")).header("Idempotency-Key", "matrix-" + seq.incrementAndGet())));
        m.add(new Case("POST", "/operator/orders/{id}/refund", EnumSet.of(Who.MANAGER_X, Who.FINANCE_X),
                who -> form("/operator/orders/" + confirmed() + "/refund", "amountYuan=0.01&reason=" + java.net.URLEncoder
                        .encode("矩阵测试", java.nio.charset.StandardCharsets.UTF_8) + "&key=matrix-" + seq.incrementAndGet())));
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
        // testing-service pages (送样检测): buyers order and follow their testing orders; the serving operator's
        // manager and technicians quote, upload results and reply
        m.add(new Case("GET", "/instruments/{id}/testing", EnumSet.of(Who.BUYER), who -> page("/instruments/" + priced
                + "/testing")));
        m.add(new Case("POST", "/instruments/{id}/testing", EnumSet.of(Who.BUYER), who -> form("/instruments/" + priced
                + "/testing", "item-" + serviceItem + "=on&count-" + serviceItem + "=2&sampleDescription=矩阵页面样品")));
        m.add(new Case("POST", "/orders/{id}/shipping", EnumSet.of(Who.BUYER), who -> form("/orders/" + testingSubmitted()
                + "/shipping", "courier=顺丰速运&trackingNumber=SFP" + seq.incrementAndGet())));
        m.add(new Case("POST", "/orders/{id}/accept-quote", EnumSet.of(Who.BUYER),
                who -> form("/orders/" + testingQuoted() + "/accept-quote", "")));
        m.add(new Case("POST", "/orders/{id}/decline-quote", EnumSet.of(Who.BUYER),
                who -> form("/orders/" + testingQuoted() + "/decline-quote", "reason=超出预算")));
        m.add(new Case("POST", "/orders/{id}/review", EnumSet.of(Who.BUYER),
                who -> form("/orders/" + testingCompleted() + "/review", "rating=4&comment=矩阵评价")));
        m.add(new Case("POST", "/operator/orders/{id}/quote", EnumSet.of(Who.MANAGER_X, Who.TECH_X), who -> {
            testingQuoted(); // makes sure the item on request exists
            long id = testingOrder(onRequestItem);
            return form("/operator/orders/" + id + "/quote", "price-" + onRequestLine(id) + "=990.00&back=/operator");
        }));
        m.add(new Case("POST", "/operator/orders/{id}/results", EnumSet.of(Who.MANAGER_X, Who.TECH_X),
                who -> HttpRequest.POST("/operator/orders/" + testingInService() + "/results", MultipartBody.builder()
                        .addPart("file", "report.pdf", MediaType.APPLICATION_PDF_TYPE, PDF).build())
                        .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE)));
        m.add(new Case("POST", "/operator/orders/{id}/review-reply", EnumSet.of(Who.MANAGER_X, Who.TECH_X),
                who -> form("/operator/orders/" + testingReviewed() + "/review-reply", "reply=谢谢评价")));
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
