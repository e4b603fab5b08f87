package cn.dayi.operator.booking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.SignIn;
import cn.dayi.marketplace.account.Tokens;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.filestore.FileStore;
import cn.dayi.marketplace.searchsync.SearchIndexer;
import cn.dayi.marketplace.searchsync.SearchReindexer;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Testing-service orders (送样检测) over HTTP on the real MariaDB and Elasticsearch: a verified buyer
 * orders service items with sample counts; fixed prices are quoted at once and items on request
 * (面议) get the operator's quote, which the buyer accepts or declines; after the bank transfer the
 * operator receives the samples, uploads checksummed result files and delivers; only the two sides
 * (and admins) download; the buyer reviews, the operator replies once, and instruments sort by rating.
 * Uploads that are too large or not what their name says are refused and leave nothing behind.
 *
 * <p>Instruments: A[0] (TEM) with two fixed-price items and one on request; A[1] with one fixed item.
 * Both entrusted to operator X.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestingIT implements RealServices {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    /** The smallest valid PDF header and trailer: enough for type detection. */
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806"
            + "0000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    EmbeddedServer server;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Organisations organisations;
    @Inject
    Accounts accounts;
    @Inject
    SignIn signIn;
    @Inject
    Tokens tokens;
    @Inject
    Jdbc jdbc;
    @Inject
    FileStore files;

    World w;
    String tem;
    String second;
    long fixedA;
    long fixedB;
    long onRequest;
    long fixedSecond;
    String otherBuyer;
    int reference;

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        tem = w.instrumentsA.get(0);
        second = w.instrumentsA.get(1);
        entrust(w.ownerA, w.ownerAdminA, List.of(tem, second));
        fixedA = item(tem, "形貌观察 SEM/TEM imaging", 80_000L, 5);
        fixedB = item(tem, "能谱分析 EDS", 45_050L, 3);
        onRequest = item(tem, "原位加热实验 in-situ heating", null, 10);
        fixedSecond = item(second, "核磁氢谱 1H NMR", 30_000L, 2);
        long other = organisations.create("另一家需求企业-" + w.enterprise, null, OrganisationKind.ENTERPRISE, "440305").id();
        accounts.create(w.email("other-buyer"), "other-buyer", World.PASSWORD, other, Role.BUYER_MEMBER, null);
        otherBuyer = tokens.issue(signIn.signIn(w.email("other-buyer"), World.PASSWORD, "test"));
    }

    private long item(String instrument, String name, Long unitPriceFen, int turnaroundDays) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("unitPriceFen", unitPriceFen);
        body.put("turnaroundDays", turnaroundDays);
        return id(send(w.managerX, HttpRequest.POST("/api/v1/instruments/" + instrument + "/service-items", body)));
    }

    private void entrust(long ownerId, String ownerAdmin, List<String> instruments) {
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", ownerId);
        body.put("instruments", instruments);
        body.put("startsOn", LocalDate.now(SH).toString());
        body.put("endsOn", LocalDate.now(SH).plusYears(2).toString());
        body.put("shares", Map.of("ownerBp", 4000, "fiscalFundBp", 1000, "operatorBp", 4500, "platformBp", 500));
        body.put("fiscalFunded", true);
        long id = id(send(w.managerX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", body)));
        send(w.managerX, HttpRequest.POST("/api/v1/entrustments/" + id + "/propose", Map.of()));
        send(ownerAdmin, HttpRequest.POST("/api/v1/entrustments/" + id + "/accept", Map.of()));
    }

    // ---- helpers ----

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        return http.toBlocking().retrieve(request, Map.class);
    }

    private static long id(Map<String, Object> m) {
        return ((Number) m.get("id")).longValue();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    /** Status and problem code of a request that must fail. */
    private String error(String token, MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            String body = e.getResponse().getBody(String.class).orElse("");
            String code = body.replaceAll("(?s).*\"code\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
            return e.getStatus().getCode() + " " + (code.equals(body) ? "" : code);
        }
        throw new AssertionError("expected an error for " + request.getMethod() + " " + request.getPath());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> order(String instrument, List<Map<String, Object>> items) {
        HttpResponse<Map> r = http.toBlocking().exchange(HttpRequest.POST("/api/v1/instruments/" + instrument
                + "/testing-orders", Map.of("items", items, "sampleDescription", "3 片硅片上的薄膜，常温保存；无危险"))
                .bearerAuth(w.buyer), Map.class);
        assertEquals(201, r.getStatus().getCode());
        return r.body();
    }

    private static Map<String, Object> line(long item, int samples) {
        return Map.of("serviceItemId", item, "sampleCount", samples);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> order(Map<String, Object> testing) {
        return (Map<String, Object>) testing.get("order");
    }

    private Map<String, Object> act(String token, long order, String command) {
        return send(token, HttpRequest.POST("/api/v1/orders/" + order + "/" + command, Map.of()));
    }

    private void pay(long order) {
        long total = num(send(w.buyer, HttpRequest.GET("/api/v1/orders/" + order)).get("totalFen"));
        send(w.financeX, HttpRequest.POST("/api/v1/orders/" + order + "/bank-transfer", Map.of("amountFen", total,
                "reference", "TEST-" + order + "-" + (++reference))));
    }

    /** A fixed-price order on {@code instrument}, paid and with its samples received (IN_SERVICE). */
    private long inService(String instrument, long item) {
        long id = id(order(order(instrument, List.of(line(item, 2)))));
        act(w.managerX, id, "accept");
        pay(id);
        assertEquals("IN_SERVICE", act(w.technicianX, id, "samples-received").get("state"));
        return id;
    }

    private HttpResponse<Map> upload(String token, long order, String name, byte[] bytes) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + order + "/results?name="
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), bytes)
                .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE).bearerAuth(token), Map.class);
    }

    private String uploadError(String token, long order, String name, byte[] bytes) {
        return error(token, HttpRequest.POST("/api/v1/orders/" + order + "/results?name=" + name, bytes)
                .contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE));
    }

    private long storedFiles() {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM stored_file"));
    }

    private long filesOnDisk() throws IOException {
        try (Stream<Path> s = Files.walk(files.root())) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> events(Map<String, Object> order) {
        return ((List<Map<String, Object>>) order.get("history")).stream().map(h -> (String) h.get("event")).toList();
    }

    // ---- tests ----

    @Test
    @SuppressWarnings("unchecked")
    void fixedPriceOrderRunsFromOrderToDeliveredResults() throws Exception {
        Map<String, Object> t = order(tem, List.of(line(fixedA, 3), line(fixedB, 2)));
        Map<String, Object> o = order(t);
        long id = id(o);
        assertEquals("TESTING", o.get("kind"));
        assertEquals("SUBMITTED", o.get("state"));
        List<Map<String, Object>> lines = (List<Map<String, Object>>) t.get("lines");
        assertEquals(List.of(240_000L, 90_100L), lines.stream().map(l -> num(l.get("lineTotalFen"))).toList());
        assertEquals(330_100L, num(o.get("totalFen")), "the lines sum to the total");
        assertEquals(false, t.get("quotePending"));
        assertEquals(5, num(t.get("turnaroundDays")), "the longest turnaround of the items");
        assertNull(t.get("shipping"));

        // shipping can be given after ordering
        Map<String, Object> shipped = send(w.buyer, HttpRequest.PUT("/api/v1/testing-orders/" + id + "/shipping",
                Map.of("courier", "顺丰速运", "trackingNumber", "SF1234567890")));
        assertEquals("SF1234567890", ((Map<String, Object>) shipped.get("shipping")).get("trackingNumber"));
        assertEquals("400 SHIPPING_INCOMPLETE", error(w.buyer, HttpRequest.PUT("/api/v1/testing-orders/" + id
                + "/shipping", Map.of("courier", "顺丰速运"))));

        assertEquals("AWAITING_PAYMENT", act(w.managerX, id, "accept").get("state"));
        pay(id);
        assertEquals("409 RESULTS_CLOSED", uploadError(w.technicianX, id, "report.pdf", PDF));
        assertEquals("IN_SERVICE", act(w.technicianX, id, "samples-received").get("state"));
        assertEquals("409 RESULTS_REQUIRED", error(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id + "/deliver",
                Map.of())));

        HttpResponse<Map> up = upload(w.technicianX, id, "检测报告.pdf", PDF);
        assertEquals(201, up.getStatus().getCode());
        Map<String, Object> file = up.body();
        assertEquals("application/pdf", file.get("contentType"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)), file.get("sha256"));
        upload(w.technicianX, id, "data.csv", "sample,thickness_nm\nA,12.5\nB,13.1\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("COMPLETED", act(w.technicianX, id, "deliver").get("state"));
        Map<String, Object> done = send(w.buyer, HttpRequest.GET("/api/v1/testing-orders/" + id));
        assertEquals(2, ((List<?>) done.get("results")).size());
        assertTrue(done.get("samplesReceivedAt") != null);
        assertEquals(List.of("SUBMITTED", "SHIPPING_GIVEN", "ACCEPTED", "PAID_BY_BANK_TRANSFER", "SAMPLES_RECEIVED",
                "RESULT_UPLOADED", "RESULT_UPLOADED", "RESULTS_DELIVERED"), events(order(done)));

        // the buyer, the operator's staff and admins download the very bytes; others see nothing
        String path = "/api/v1/orders/" + id + "/results/" + id(file);
        for (String who : List.of(w.buyer, w.technicianX, w.admin)) {
            HttpResponse<byte[]> d = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(who), byte[].class);
            assertArrayEquals(PDF, d.body());
            assertEquals(file.get("sha256"), d.header("X-Content-SHA256"));
            assertTrue(d.header("Content-Disposition").startsWith("attachment"));
        }
        assertEquals("404 ORDER_NOT_FOUND", error(otherBuyer, HttpRequest.GET(path)));
        assertEquals("404 ORDER_NOT_FOUND", error(w.managerY, HttpRequest.GET(path)));
        assertEquals("404 ORDER_NOT_FOUND", error(w.ownerAdminA, HttpRequest.GET(path)));
        assertEquals("401 UNAUTHORIZED", error(null, HttpRequest.GET(path)));
        assertEquals("409 RESULTS_CLOSED", uploadError(w.technicianX, id, "late.pdf", PDF));
    }

    @Test
    @SuppressWarnings("unchecked")
    void itemsOnRequestGetTheOperatorsQuoteWhichTheBuyerAcceptsOrDeclines() {
        Map<String, Object> t = order(tem, List.of(line(fixedA, 1), line(onRequest, 4)));
        long id = id(order(t));
        assertEquals(true, t.get("quotePending"));
        assertEquals(80_000L, num(order(t).get("totalFen")), "only the fixed line is priced so far");
        assertEquals(10, num(t.get("turnaroundDays")));
        long openLine = ((List<Map<String, Object>>) t.get("lines")).stream().filter(l -> l.get("unitPriceFen") == null)
                .map(l -> num(l.get("id"))).findFirst().orElseThrow();

        assertEquals("409 QUOTE_REQUIRED", error(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/accept", Map.of())));
        assertEquals("400 QUOTE_INCOMPLETE", error(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/quote",
                Map.of("lines", List.of()))));
        assertEquals("400 PRICE_INVALID", error(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/quote",
                Map.of("lines", List.of(Map.of("lineId", openLine, "unitPriceFen", -1))))));
        assertEquals("403 FORBIDDEN", error(w.buyer, HttpRequest.POST("/api/v1/orders/" + id + "/quote",
                Map.of("lines", List.of(Map.of("lineId", openLine, "unitPriceFen", 150_000))))));
        assertEquals("SUBMITTED", send(w.buyer, HttpRequest.GET("/api/v1/orders/" + id)).get("state"), "nothing saved");

        Map<String, Object> quoted = send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id + "/quote",
                Map.of("lines", List.of(Map.of("lineId", openLine, "unitPriceFen", 150_000)), "note", "含样品制备")));
        assertEquals("ACCEPTED", order(quoted).get("state"));
        assertEquals(false, quoted.get("quotePending"));
        long sum = ((List<Map<String, Object>>) quoted.get("lines")).stream().mapToLong(l -> num(l.get("lineTotalFen"))).sum();
        assertEquals(680_000L, sum);
        assertEquals(sum, num(order(quoted).get("totalFen")), "the lines sum to the total");
        assertEquals("409 ILLEGAL_TRANSITION", error(w.financeX, HttpRequest.POST("/api/v1/orders/" + id + "/bank-transfer",
                Map.of("amountFen", sum, "reference", "EARLY-" + id))));
        assertEquals("403 FORBIDDEN", error(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/accept-quote", Map.of())));
        assertEquals("AWAITING_PAYMENT", act(w.buyer, id, "accept-quote").get("state"));
        pay(id);
        assertEquals("CONFIRMED", send(w.buyer, HttpRequest.GET("/api/v1/orders/" + id)).get("state"));

        // another order: the buyer declines the quote
        Map<String, Object> t2 = order(tem, List.of(line(onRequest, 1)));
        long id2 = id(order(t2));
        long line2 = num(((List<Map<String, Object>>) t2.get("lines")).get(0).get("id"));
        send(w.managerX, HttpRequest.POST("/api/v1/orders/" + id2 + "/quote",
                Map.of("lines", List.of(Map.of("lineId", line2, "unitPriceFen", 900_000)))));
        Map<String, Object> declined = send(w.buyer, HttpRequest.POST("/api/v1/orders/" + id2 + "/decline-quote",
                Map.of("reason", "超出预算")));
        assertEquals("CANCELLED", declined.get("state"));
        assertEquals("QUOTE_DECLINED", events(declined).get(events(declined).size() - 1));
        assertNull(declined.get("cancellationFeeFen"), "declining a quote costs nothing");
    }

    @Test
    void badOrdersAndIllegalMovesAreRefusedWithStableCodes() {
        String path = "/api/v1/instruments/" + tem + "/testing-orders";
        assertEquals("400 ITEMS_REQUIRED", error(w.buyer, HttpRequest.POST(path, Map.of("sampleDescription", "x"))));
        assertEquals("400 SAMPLE_COUNT_INVALID", error(w.buyer, HttpRequest.POST(path, Map.of("items",
                List.of(line(fixedA, 0)), "sampleDescription", "x"))));
        assertEquals("400 DUPLICATE_ITEM", error(w.buyer, HttpRequest.POST(path, Map.of("items",
                List.of(line(fixedA, 1), line(fixedA, 2)), "sampleDescription", "x"))));
        assertEquals("400 SAMPLE_DESCRIPTION_REQUIRED", error(w.buyer, HttpRequest.POST(path, Map.of("items",
                List.of(line(fixedA, 1))))));
        assertEquals("422 SERVICE_ITEM_UNKNOWN", error(w.buyer, HttpRequest.POST(path, Map.of("items",
                List.of(line(fixedSecond, 1)), "sampleDescription", "x"))), "an item of another instrument");
        assertEquals("403 FORBIDDEN", error(w.managerX, HttpRequest.POST(path, Map.of("items",
                List.of(line(fixedA, 1)), "sampleDescription", "x"))));

        // only verified organisations order
        long pending = organisations.create("待认证企业-" + w.enterprise, null, OrganisationKind.ENTERPRISE, "440305").id();
        jdbc.write(c -> Jdbc.update(c, "UPDATE organisation SET verification = 'PENDING' WHERE id = ?", pending));
        accounts.create(w.email("pending-buyer"), "pending-buyer", World.PASSWORD, pending, Role.BUYER_MEMBER, null);
        String unverified = tokens.issue(signIn.signIn(w.email("pending-buyer"), World.PASSWORD, "test"));
        assertEquals("422 ORGANISATION_NOT_VERIFIED", error(unverified, HttpRequest.POST(path, Map.of("items",
                List.of(line(fixedA, 1)), "sampleDescription", "x"))));

        long id = id(order(order(tem, List.of(line(fixedA, 1)))));
        assertEquals("409 ILLEGAL_TRANSITION", error(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id
                + "/samples-received", Map.of())));
        assertEquals("409 ILLEGAL_TRANSITION", error(w.buyer, HttpRequest.POST("/api/v1/orders/" + id + "/review",
                Map.of("rating", 5))));
        assertEquals("409 NOTHING_TO_QUOTE", error(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/quote",
                Map.of("lines", List.of()))));
        act(w.managerX, id, "accept");
        pay(id);
        assertEquals("409 ILLEGAL_TRANSITION", error(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id
                + "/check-in", Map.of())), "machine-time moves do not apply to testing orders");
        assertEquals("409 ILLEGAL_TRANSITION", error(w.buyer, HttpRequest.POST("/api/v1/orders/" + id
                + "/accept-quote", Map.of())));
        assertEquals("409 ILLEGAL_TRANSITION", error(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id
                + "/deliver", Map.of())));
        assertEquals("CONFIRMED", send(w.buyer, HttpRequest.GET("/api/v1/orders/" + id)).get("state"));
    }

    @Test
    void mislabelledAndUnlistedFilesAreRefusedAndNothingIsSaved() throws Exception {
        long id = inService(tem, fixedA);
        long rows = storedFiles();
        long onDisk = filesOnDisk();
        assertEquals("415 FILE_TYPE_MISMATCH", uploadError(w.technicianX, id, "report.pdf", PNG));
        assertEquals("415 FILE_TYPE_MISMATCH", uploadError(w.technicianX, id, "report.pdf",
                "这不是 PDF，只是文字。".getBytes(StandardCharsets.UTF_8)));
        assertEquals("415 FILE_TYPE_MISMATCH", uploadError(w.technicianX, id, "image.png", PDF));
        assertEquals("415 FILE_TYPE_MISMATCH", uploadError(w.technicianX, id, "data.csv", PNG));
        assertEquals("415 FILE_TYPE_NOT_ALLOWED", uploadError(w.technicianX, id, "setup.exe", PDF));
        assertEquals("400 FILE_NAME_REQUIRED", uploadError(w.technicianX, id, "", PDF));
        assertEquals("400 FILE_EMPTY", uploadError(w.technicianX, id, "empty.pdf", new byte[0]));
        assertEquals("403 FORBIDDEN", uploadError(w.buyer, id, "report.pdf", PDF));
        assertEquals("404 ORDER_NOT_FOUND", uploadError(w.managerY, id, "report.pdf", PDF));
        assertEquals(rows, storedFiles(), "no row for a refused upload");
        assertEquals(onDisk, filesOnDisk(), "no bytes left on disk for a refused upload");
        assertEquals(201, upload(w.technicianX, id, "micrograph.png", PNG).getStatus().getCode(), "a real PNG passes");
    }

    @Test
    void a200MegabyteUploadIsRefusedBeforeItFillsMemoryOrDisk() throws Exception {
        long id = inService(tem, fixedB);
        long rows = storedFiles();
        long onDisk = filesOnDisk();
        long size = 200L * 1024 * 1024;
        // a raw socket, so that the test sees the server's answer even while it is still sending
        URI uri = URI.create(server.getURL().toString());
        long started = System.nanoTime();
        String answer;
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(60_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/orders/" + id + "/results?name=huge.zip HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Bearer " + w.technicianX + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread sender = Thread.ofVirtual().start(() -> {
                try (InputStream zeros = new Zeros(size)) {
                    zeros.transferTo(out); // stops when the server closes the connection
                } catch (IOException expected) {
                    // the server refused and closed
                }
            });
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            for (int n; head.size() < 4096 && (n = in.read(buffer)) > 0; ) {
                head.write(buffer, 0, n);
                if (head.toString(StandardCharsets.UTF_8).contains("}")) {
                    break;
                }
            }
            answer = head.toString(StandardCharsets.UTF_8);
            socket.close();
            sender.join(10_000);
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"FILE_TOO_LARGE\""), answer);
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(30).toNanos(), "refused promptly");
        assertEquals(rows, storedFiles(), "nothing recorded");
        assertEquals(onDisk, filesOnDisk(), "nothing on disk");
        assertEquals("IN_SERVICE", send(w.buyer, HttpRequest.GET("/api/v1/orders/" + id)).get("state"));
    }

    @Test
    void theChecksumIsVerifiedOnEveryDownload() throws Exception {
        long id = inService(tem, fixedA);
        long fileId = id(upload(w.technicianX, id, "report.pdf", PDF).body());
        String path = "/api/v1/orders/" + id + "/results/" + fileId;
        assertArrayEquals(PDF, http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(w.buyer), byte[].class));
        Path onDisk = jdbc.read(c -> files.pathOf(c, fileId));
        byte[] tampered = PDF.clone();
        tampered[tampered.length - 3] = 'X';
        Files.write(onDisk, tampered);
        assertEquals("500 FILE_CORRUPTED", error(w.buyer, HttpRequest.GET(path)));
        assertEquals("404 FILE_NOT_FOUND", error(w.buyer, HttpRequest.GET("/api/v1/orders/" + id + "/results/" + (fileId + 999))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void buyersReviewOnceOperatorsReplyOnceAndSearchSortsByRating() {
        long good = inService(second, fixedSecond);
        upload(w.technicianX, good, "nmr.pdf", PDF);
        act(w.technicianX, good, "deliver");
        long poor = inService(tem, fixedB);
        upload(w.technicianX, poor, "eds.pdf", PDF);
        act(w.technicianX, poor, "deliver");

        assertEquals("400 RATING_INVALID", error(w.buyer, HttpRequest.POST("/api/v1/orders/" + good + "/review",
                Map.of("rating", 6))));
        assertEquals("403 FORBIDDEN", error(w.technicianX, HttpRequest.POST("/api/v1/orders/" + good + "/review",
                Map.of("rating", 5))));
        assertEquals("404 REVIEW_NOT_FOUND", error(w.buyer, HttpRequest.GET("/api/v1/orders/" + good + "/review")));
        Map<String, Object> review = send(w.buyer, HttpRequest.POST("/api/v1/orders/" + good + "/review",
                Map.of("rating", 5, "comment", "出报告很快，数据清楚")));
        assertEquals(5, num(review.get("rating")));
        assertEquals("REVIEWED", send(w.buyer, HttpRequest.GET("/api/v1/orders/" + good)).get("state"));
        assertEquals("409 ILLEGAL_TRANSITION", error(w.buyer, HttpRequest.POST("/api/v1/orders/" + good + "/review",
                Map.of("rating", 1))));
        send(w.buyer, HttpRequest.POST("/api/v1/orders/" + poor + "/review", Map.of("rating", 2, "comment", "等了很久")));

        assertEquals("403 FORBIDDEN", error(w.buyer, HttpRequest.POST("/api/v1/orders/" + poor + "/review/reply",
                Map.of("reply", "x"))));
        assertEquals("400 REPLY_REQUIRED", error(w.managerX, HttpRequest.POST("/api/v1/orders/" + poor + "/review/reply",
                Map.of("reply", " "))));
        Map<String, Object> replied = send(w.managerX, HttpRequest.POST("/api/v1/orders/" + poor + "/review/reply",
                Map.of("reply", "抱歉，设备维护导致延误，已改进排期")));
        assertEquals("抱歉，设备维护导致延误，已改进排期", replied.get("reply"));
        assertEquals("409 ALREADY_REPLIED", error(w.technicianX, HttpRequest.POST("/api/v1/orders/" + poor
                + "/review/reply", Map.of("reply", "再说一次"))));

        Map<String, Object> ratings = send(null, HttpRequest.GET("/api/v1/instruments/" + second + "/reviews"));
        assertEquals(5.0, ((Number) ratings.get("averageRating")).doubleValue());
        assertEquals(1L, num(ratings.get("reviewCount")));
        Map<String, Object> temRatings = send(null, HttpRequest.GET("/api/v1/instruments/" + tem + "/reviews"));
        assertEquals(2.0, ((Number) temRatings.get("averageRating")).doubleValue());
        assertEquals("抱歉，设备维护导致延误，已改进排期",
                ((List<Map<String, Object>>) temRatings.get("reviews")).get(0).get("reply"));

        context.getBean(SearchReindexer.class).rebuildIfMissing();
        SearchIndexer.DrainResult drained = context.getBean(SearchIndexer.class).drainNow();
        assertNull(drained.error());
        Map<String, Object> found = send(null, HttpRequest.GET("/api/v1/instruments?sort=rating&size=100"));
        List<Map<String, Object>> items = (List<Map<String, Object>>) found.get("items");
        List<Long> ids = items.stream().map(i -> num(i.get("id"))).toList();
        assertEquals(List.of(Long.parseLong(second), Long.parseLong(tem)), ids.subList(0, 2),
                "best reviewed first, then the 2-star one, unreviewed after them");
        assertEquals(5.0, ((Number) items.get(0).get("ratingAverage")).doubleValue());
        assertNull(items.get(2).get("ratingAverage"));
        assertFalse(ids.isEmpty());
    }

    /** {@code size} zero bytes, made on the fly (never held in memory). */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
