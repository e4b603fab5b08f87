package cn.dayi.app.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import cn.dayi.local.TestServices;
import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.SignIn;
import cn.dayi.marketplace.account.Tokens;
import cn.dayi.marketplace.booking.Availability;
import cn.dayi.marketplace.booking.BookingMode;
import cn.dayi.marketplace.booking.BookingRules;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.NewBooking;
import cn.dayi.marketplace.booking.OrderLifecycle;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.EntrustmentLifecycle.Command;
import cn.dayi.marketplace.entrustment.Entrustments;
import cn.dayi.marketplace.entrustment.NewEntrustment;
import cn.dayi.marketplace.entrustment.RevenueShares;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportReport;
import cn.dayi.marketplace.tariff.NewTariff;
import cn.dayi.marketplace.tariff.Tariffs;
import cn.dayi.pricing.tariff.ChargeUnit;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.Stripe;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The checkout-latency benchmark (issue 5 §9): what a buyer waits for when paying an order part innovation voucher,
 * part card, over HTTP against the running platform (real MariaDB, WireMock as the Stripe API answering at once, so
 * the figures are the platform's own cost, not Stripe's):
 * <ol>
 *   <li><b>voucher checkout</b> {@code POST /api/v1/orders/{id}/checkout}: the best grant found and held (grant rows
 *       locked, quota taken by a conditional UPDATE, the order moved, all in one transaction);</li>
 *   <li><b>card start</b> {@code POST /api/v1/orders/{id}/card-payment}: the attempt reserved, the PaymentIntent
 *       created at "Stripe", the client secret returned;</li>
 *   <li><b>webhook</b> {@code POST /api/v1/payments/stripe/webhook}: a signed {@code payment_intent.succeeded}
 *       verified, deduplicated and applied — the order CONFIRMED and the payment journal posted;</li>
 *   <li><b>baseline</b>, in the same run and with the same clients: {@code GET /api/v1/orders/{id}} (sign-in check,
 *       one order read), the least any request costs.</li>
 * </ol>
 * At 1 and 8 concurrent buyers of different enterprises, all drawing on one programme's grants (so checkouts contend
 * on the programme as they would in a city scheme). Checks afterwards: every order CONFIRMED, each grant's quota
 * reduced by exactly the vouchers held, no order paid twice.
 * Run with {@code scripts/bench-checkout.sh [orders per client]} (default 60).
 */
public final class CheckoutBenchmark {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    private static final String WEBHOOK_SECRET = "whsec_bench_0123456789";
    private static final int INSTRUMENTS = 10;
    private static final int[] CLIENT_LEVELS = {1, 8};
    private static final long GRANT_FEN = 50_000_000;
    /** Orders per buyer paid first and not measured: the JIT, the pools and stripe-java warm up. */
    private static final int WARM = 10;

    private static String base;
    private static JsonMapper json;

    private CheckoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perClient = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        try {
            run(perClient);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** One buyer (its own enterprise and grant) and the orders it will pay, all AWAITING_PAYMENT. */
    private record Buyer(String token, long enterprise, List<Long> orders) {
    }

    private static void run(int perClient) throws Exception {
        WireMockServer stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(32).globalTemplating(true));
        stripe.start();
        // a PaymentIntent per create call: its id from the idempotency key, the amount as asked
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("{\"id\":\"pi_{{request.headers.Idempotency-Key}}\",\"object\":\"payment_intent\","
                + "\"amount\":{{formData request.body 'f' urlDecode=true}}{{f.amount}},\"currency\":\"cny\","
                + "\"status\":\"requires_payment_method\",\"client_secret\":\"pi_{{request.headers.Idempotency-Key}}_secret_x\","
                + "\"livemode\":false,\"payment_method_types\":[\"card\"],\"metadata\":{}}")));
        Map<String, Object> props = new HashMap<>(TestServices.isolatedMicronautProperties());
        props.put("micronaut.server.port", -1);
        props.put("dayi.catalogue.seed-on-empty", false);
        props.put("dayi.scheduler.enabled", false);
        props.put("stripe.secret-key", "sk_test_bench");
        props.put("stripe.webhook-secret", WEBHOOK_SECRET);
        props.put("stripe.api-base", stripe.baseUrl());
        StringBuilder md = new StringBuilder();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            base = "http://localhost:" + server.getPort();
            ApplicationContext ctx = server.getApplicationContext();
            json = ctx.getBean(JsonMapper.class);
            int clientsMax = CLIENT_LEVELS[CLIENT_LEVELS.length - 1];
            long t0 = System.nanoTime();
            List<Buyer> buyers = setUp(ctx, clientsMax, WARM + perClient * CLIENT_LEVELS.length);
            double setUpSeconds = (System.nanoTime() - t0) / 1e9;
            measure(buyers, 0, WARM, (b, order) -> send(b.token(), "GET", "/api/v1/orders/" + order, null, null, 200));
            checkout(buyers, 0, WARM);
            md.append("### Checkout benchmark — ").append(Instant.now()).append("\n\n").append(machine()).append("\n\n")
                    .append(String.format(java.util.Locale.ROOT, "%d orders per buyer prepared in %.0f s (booked and "
                            + "accepted through the use cases); the first %d of each buyer paid to warm up, not measured; "
                            + "30 %% co-pay voucher, the rest by card.%n%n",
                            WARM + perClient * CLIENT_LEVELS.length, setUpSeconds, WARM));
            md.append("| buyers at once | orders | step | p50 ms | p99 ms | per s | ÷ baseline p50 |\n")
                    .append("|---:|---:|---|---:|---:|---:|---:|\n");
            int level = 0;
            for (int clients : CLIENT_LEVELS) {
                int from = WARM + level++ * perClient;
                List<Buyer> active = buyers.subList(0, clients);
                Latencies baseline = measure(active, from, perClient, (b, order) -> send(b.token(), "GET",
                        "/api/v1/orders/" + order, null, null, 200));
                Latencies[] steps = checkout(active, from, perClient);
                String[] names = {"voucher checkout", "card start (PaymentIntent)", "webhook: confirm and post",
                        "**checkout as the buyer waits (voucher + card start)**"};
                md.append(row(clients, baseline, "baseline: read the order", baseline));
                for (int i = 0; i < steps.length; i++) {
                    md.append(row(clients, steps[i], names[i], baseline));
                }
            }
            md.append("\n").append(checks(ctx.getBean(Jdbc.class), buyers)).append("\n");
        } finally {
            stripe.stop();
        }
        System.out.println(md);
        Path out = Path.of("../bench-results").toAbsolutePath().normalize();
        Files.createDirectories(out);
        Files.writeString(out.resolve("checkout-" + System.currentTimeMillis() + ".md"), md.toString());
    }

    private static String row(int clients, Latencies l, String name, Latencies baseline) {
        return String.format(java.util.Locale.ROOT, "| %d | %,d | %s | %.1f | %.1f | %.0f | %.1f× |%n", clients, l.count(),
                name, l.percentileMillis(50), l.percentileMillis(99), l.throughput(),
                l.percentileMillis(50) / baseline.percentileMillis(50));
    }

    private interface Step {
        void run(Buyer buyer, long order) throws Exception;
    }

    /** Every buyer runs {@code step} on its orders {@code from … from + n − 1} at once; latency of each call. */
    private static Latencies measure(List<Buyer> buyers, int from, int n, Step step) throws Exception {
        long[] micros = new long[buyers.size() * n];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        long t0 = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (Buyer b : buyers) {
            all.add(pool.submit(() -> {
                for (int i = from; i < from + n; i++) {
                    long s = System.nanoTime();
                    step.run(b, b.orders().get(i));
                    micros[next.getAndIncrement()] = (System.nanoTime() - s) / 1_000;
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        return new Latencies(micros, (System.nanoTime() - t0) / 1e9);
    }

    /** Voucher checkout, card start and webhook per order, each timed; the fourth is the first two together. */
    private static Latencies[] checkout(List<Buyer> buyers, int from, int n) throws Exception {
        int total = buyers.size() * n;
        long[][] micros = new long[4][total];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        long t0 = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (Buyer b : buyers) {
            all.add(pool.submit(() -> {
                for (int i = from; i < from + n; i++) {
                    long order = b.orders().get(i);
                    long s0 = System.nanoTime();
                    send(b.token(), "POST", "/api/v1/orders/" + order + "/checkout", "{}", null, 200);
                    long s1 = System.nanoTime();
                    Map<String, Object> started = send(b.token(), "POST", "/api/v1/orders/" + order + "/card-payment", "{}",
                            "bench-" + order, 201);
                    long s2 = System.nanoTime();
                    String event = "{\"id\":\"evt_bench_" + order + "\",\"object\":\"event\",\"api_version\":\""
                            + Stripe.API_VERSION + "\",\"created\":" + Instant.now().getEpochSecond() + ",\"livemode\":false,"
                            + "\"pending_webhooks\":1,\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":{\"id\":\""
                            + started.get("paymentIntentId") + "\",\"object\":\"payment_intent\",\"amount\":"
                            + started.get("amountFen") + ",\"currency\":\"cny\",\"status\":\"succeeded\",\"livemode\":false,"
                            + "\"metadata\":{\"order_id\":\"" + order + "\"}}}}";
                    Map<String, Object> applied = webhook(event);
                    long s3 = System.nanoTime();
                    if (!"CONFIRMED".equals(applied.get("outcome"))) {
                        throw new IllegalStateException("order " + order + ": " + applied);
                    }
                    int k = next.getAndIncrement();
                    micros[0][k] = (s1 - s0) / 1_000;
                    micros[1][k] = (s2 - s1) / 1_000;
                    micros[2][k] = (s3 - s2) / 1_000;
                    micros[3][k] = (s2 - s0) / 1_000;
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        double wall = (System.nanoTime() - t0) / 1e9;
        Latencies[] out = new Latencies[4];
        for (int i = 0; i < 4; i++) {
            out[i] = new Latencies(micros[i], wall);
        }
        return out;
    }

    private static String checks(Jdbc jdbc, List<Buyer> buyers) {
        long paid = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(DISTINCT order_id) FROM card_payment_attempt"));
        long unconfirmed = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM service_order o WHERE o.state <> 'CONFIRMED' "
                + "AND EXISTS (SELECT 1 FROM card_payment_attempt a WHERE a.order_id = o.id)"));
        long confirmedTwice = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM (SELECT order_id FROM service_order_event "
                + "WHERE to_state = 'CONFIRMED' GROUP BY order_id HAVING COUNT(*) > 1) t"));
        long heldVsQuota = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM voucher_grant g WHERE g.held_fen"
                + " <> (SELECT COALESCE(SUM(u.amount_fen), 0) FROM voucher_use u WHERE u.grant_id = g.id AND u.kind = 'VOUCHER' "
                + "AND u.state = 'HELD') OR g.held_fen > g.quota_fen"));
        return String.format("Checks over the %,d orders paid (warm-up included): not CONFIRMED **%d**, confirmed twice **%d**, "
                + "grants whose held amount ≠ the vouchers held (or over quota) **%d** (all must be 0; %d buyers).", paid,
                unconfirmed, confirmedTwice, heldVsQuota, buyers.size());
    }

    // ---- set-up through the use cases and the API ----

    private static List<Buyer> setUp(ApplicationContext ctx, int buyersCount, int ordersPerBuyer) throws Exception {
        Organisations organisations = ctx.getBean(Organisations.class);
        Accounts accounts = ctx.getBean(Accounts.class);
        long operator = organisations.create("基准服务机构", null, OrganisationKind.OPERATOR, "440305").id();
        long authority = organisations.create("基准科技局", null, OrganisationKind.AUTHORITY, null).id();
        StringBuilder csv = new StringBuilder("source_id,name,model,manufacturer,country,original_value_cny,purchase_date,"
                + "funding_source,owner_name,owner_kind,district,lat,lon,category,technical_parameters,sharing_mode\n");
        for (int i = 0; i < INSTRUMENTS; i++) {
            csv.append("CHK-").append(i).append(",核磁共振波谱仪,AV").append(i).append(",Bruker,德国,6000000,")
                    .append("2019-05-01,地方财政资金,基准大学,高校,南山区,22.53,113.93,01,600 MHz,外部共享\n");
        }
        ImportReport report = ctx.getBean(CatalogueImporter.class).importFile("dayi-csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                new ImportOptions("bench-checkout", null, 0), ImportProgress.NONE);
        Jdbc jdbc = ctx.getBean(Jdbc.class);
        List<String> ids = jdbc.read(c -> Jdbc.list(c, "SELECT id FROM instrument WHERE source = ? ORDER BY id",
                rs -> Long.toString(rs.getLong(1)), report.source()));
        long owner = organisations.search("基准大学", null, 1).get(0).id();
        Actor manager = BookingBenchmark.actor(accounts, "manager", operator, Role.OPERATOR_MANAGER);
        Actor ownerAdmin = BookingBenchmark.actor(accounts, "owner", owner, Role.OWNER_ADMIN);
        Entrustments entrustments = ctx.getBean(Entrustments.class);
        long e = entrustments.draft(manager, operator, new NewEntrustment(owner, ids, LocalDate.now(SH),
                LocalDate.now(SH).plusYears(1), "机时", new RevenueShares(5000, 2000, 2500, 500), true)).id();
        entrustments.command(manager, e, Command.PROPOSE, null);
        entrustments.command(ownerAdmin, e, Command.ACCEPT, null);
        List<BookingRules.Opening> weekly = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.add(new BookingRules.Opening(d, LocalTime.of(8, 0), LocalTime.of(20, 0)));
        }
        Tariffs tariffs = ctx.getBean(Tariffs.class);
        Availability availability = ctx.getBean(Availability.class);
        for (String id : ids) {
            tariffs.publish(manager, id, new NewTariff("NMR-HOUR", ChargeUnit.HOUR, 30_000L, 0, 0, null, null, null, null, null));
            availability.setRules(manager, id, new BookingRules(60, 0, 0, 61, weekly));
        }
        accounts.create("fiscal@bench.dayi", "fiscal", "bench-password-123", authority, Role.FISCAL_OFFICER, null);
        String fiscal = token(ctx, "fiscal@bench.dayi");
        LocalDate today = LocalDate.now(SH);
        long programme = num(send(fiscal, "POST", "/api/v1/voucher-programmes", "{\"name\":\"基准创新券\",\"type\":\"STANDARD\","
                + "\"budgetFen\":" + GRANT_FEN * buyersCount + ",\"validFrom\":\"" + today.minusDays(1) + "\",\"validUntil\":\""
                + today.plusDays(300) + "\",\"regions\":[\"440300\"],\"acceptingRegions\":[],\"categories\":[\"01\"],"
                + "\"coverBp\":3000,\"perOrderCapFen\":2000000,\"yearlyCapFen\":" + GRANT_FEN + "}",
                null, 201), "id");
        Bookings bookings = ctx.getBean(Bookings.class);
        List<Buyer> buyers = new ArrayList<>();
        int slot = 0;
        for (int b = 0; b < buyersCount; b++) {
            long enterprise = organisations.create("基准需求企业-" + b, null, OrganisationKind.ENTERPRISE, "440305").id();
            Actor buyer = BookingBenchmark.actor(accounts, "buyer-" + b, enterprise, Role.BUYER_MEMBER);
            send(fiscal, "POST", "/api/v1/voucher-programmes/" + programme + "/grants", "{\"enterpriseId\":" + enterprise
                    + ",\"amountFen\":" + GRANT_FEN + "}", null, 201);
            List<Long> orders = new ArrayList<>();
            for (int i = 0; i < ordersPerBuyer; i++, slot++) {
                // instrument, day 2…60 ahead, hour 08…19: a distinct slot for every order
                String instrument = ids.get(slot % INSTRUMENTS);
                int day = 2 + slot / INSTRUMENTS / 12;
                int hour = 8 + slot / INSTRUMENTS % 12;
                Instant start = today.plusDays(day).atTime(hour, 0).atZone(SH).toInstant();
                long id = bookings.book(buyer, instrument, new NewBooking(start, start.plusSeconds(3600),
                        BookingMode.STAFF_OPERATED, null, null)).id();
                bookings.command(manager, id, OrderLifecycle.Command.ACCEPT, null);
                orders.add(id);
            }
            buyers.add(new Buyer(token(ctx, "buyer-" + b + "@bench.dayi"), enterprise, orders));
        }
        return buyers;
    }

    private static String token(ApplicationContext ctx, String email) {
        return ctx.getBean(Tokens.class).issue(ctx.getBean(SignIn.class).signIn(email, "bench-password-123", "bench"));
    }

    // ---- HTTP ----

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> send(String token, String method, String path, String body, String idempotencyKey,
                                            int expected) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            r.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> answer = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + answer.statusCode() + " " + answer.body());
        }
        return json.readValue(answer.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> webhook(String event) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + event)
                .getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/payments/stripe/webhook"))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("webhook → " + answer.statusCode() + " " + answer.body());
        }
        return json.readValue(answer.body(), Map.class);
    }

    private static long num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    private static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(java.util.Locale.ROOT, "Machine: %d cores (`nproc`), %.0f GiB RAM, %s %s; JVM %s; MariaDB at "
                        + "127.0.0.1:3306, a local Elasticsearch node, WireMock as Stripe, the HTTP clients and the platform "
                        + "all on the same cores.", os.getAvailableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize() / 1073741824.0,
                os.getName(), os.getVersion(), System.getProperty("java.version"));
    }
}
