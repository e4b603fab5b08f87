package cn.dayi.app.bench;

import cn.dayi.local.TestServices;
import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Availability;
import cn.dayi.marketplace.booking.BookingMode;
import cn.dayi.marketplace.booking.BookingRules;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.NewBooking;
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
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.pricing.tariff.ChargeUnit;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The booking benchmark (issue 4), in one JVM against the real MariaDB, through the booking use
 * cases (no HTTP):
 * <ol>
 *   <li><b>Race</b>: 100 threads book the same hour of one instrument at once, 20 rounds; a
 *       violation is a round with more than one winner, or slot rows that do not match the winner
 *       (2 slots + 1 buffer slot, all held by the winning order). Must be 0.</li>
 *   <li><b>Throughput</b>: 8 clients for 30 s each read one day's free time of a random one of 20
 *       instruments, pick a random free hour and book it (bookings/s, p50/p99 of the booking call,
 *       conflicts = SLOT_TAKEN from racing clients), against a baseline measured in the same run:
 *       the same 8 clients only reading free time for 30 s.</li>
 *   <li><b>Free-time query</b> for a one-month window on a partly booked calendar (p50/p99).</li>
 * </ol>
 * Run with {@code scripts/bench-booking.sh}; prints a Markdown section for docs/benchmarks.md and
 * writes it to bench-results/.
 */
public final class BookingBenchmark {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    private static final int INSTRUMENTS = 20;
    private static final int CLIENTS = 8;

    private BookingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Map<String, Object> props = new HashMap<>(TestServices.isolatedMicronautProperties());
        props.put("dayi.catalogue.seed-on-empty", false);
        props.put("datasources.default.maximum-pool-size", 100); // 100 racing threads, each with a connection
        props.put("datasources.default.connection-timeout", 600_000);
        // the application context signs tokens; nobody signs in here, but the bean wants a secret
        props.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
        try {
            run(seconds, rounds, props);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private record Setup(List<String> instruments, Actor buyer) {
    }

    private static void run(int seconds, int rounds, Map<String, Object> props) throws Exception {
        StringBuilder md = new StringBuilder();
        try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
            Setup s = setUp(ctx);
            Bookings bookings = ctx.getBean(Bookings.class);
            Availability availability = ctx.getBean(Availability.class);
            Jdbc jdbc = ctx.getBean(Jdbc.class);
            md.append("### Booking benchmark — ").append(Instant.now()).append("\n\n").append(machine()).append("\n\n");

            // 1. the race
            int violations = 0;
            long winnersTotal = 0;
            long takenTotal = 0;
            long otherTotal = 0;
            List<Long> roundMillis = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                Instant start = at(2 + r, 9, 0);
                Instant end = start.plus(Duration.ofHours(1));
                long t0 = System.nanoTime();
                Map<String, AtomicInteger> outcome = race(bookings, s.buyer(), s.instruments().get(0), start, end, 100);
                roundMillis.add((System.nanoTime() - t0) / 1_000_000);
                int winners = outcome.getOrDefault("OK", new AtomicInteger()).get();
                int taken = outcome.getOrDefault("SLOT_TAKEN", new AtomicInteger()).get();
                long instrumentId = Long.parseLong(s.instruments().get(0));
                List<Long> holders = jdbc.read(c -> Jdbc.list(c, "SELECT order_id FROM booking_slot WHERE instrument_id = ? "
                        + "AND slot_start >= ? AND slot_start < ?", rs -> rs.getLong(1), instrumentId, start,
                        end.plus(Duration.ofMinutes(30))));
                long orders = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM service_order WHERE instrument_id = ? "
                        + "AND starts_at = ?", instrumentId, start));
                boolean ok = winners == 1 && holders.size() == 3 && holders.stream().distinct().count() == 1 && orders == 1;
                if (!ok) {
                    violations++;
                    System.err.println("VIOLATION in round " + r + ": " + outcome + " holders " + holders + " orders " + orders);
                }
                winnersTotal += winners;
                takenTotal += taken;
                otherTotal += 100 - winners - taken;
            }
            Collections.sort(roundMillis);
            md.append("**Race** — 100 concurrent attempts at the same hour of one instrument, ").append(rounds)
                    .append(" rounds (a fresh hour each round):\n\n");
            md.append("| rounds | attempts | winners | 409 SLOT_TAKEN | other errors | violations | round time median ms |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
            md.append(String.format("| %d | %,d | %d | %,d | %d | **%d** | %d |%n%n", rounds, rounds * 100, winnersTotal,
                    takenTotal, otherTotal, violations, roundMillis.get(roundMillis.size() / 2)));
            System.err.println(md);

            // 2. baseline (free-time reads only), then the booking mix
            Mix baseline = mix(availability, bookings, s, seconds, false);
            Mix booking = mix(availability, bookings, s, seconds, true);
            md.append("**Throughput** — ").append(CLIENTS).append(" clients, ").append(seconds).append(" s each, ")
                    .append(INSTRUMENTS).append(" instruments open 08:00–20:00 every day, 30-minute slots, 30-minute buffer; ")
                    .append("each booking is one hour on a random day 1–60 ahead:\n\n");
            md.append("| workload | operations | ops/s | p50 ms | p99 ms | bookings | bookings/s | conflicts (409) |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            md.append(String.format("| baseline: read one day's free time | %,d | %.0f | %.1f | %.1f | – | – | – |%n",
                    baseline.reads.count(), baseline.reads.throughput(), baseline.reads.percentileMillis(50),
                    baseline.reads.percentileMillis(99)));
            md.append(String.format("| mix: read a day's free time, book a free hour (booking call) | %,d | %.0f | %.1f | %.1f | %,d | %.1f | %,d |%n",
                    booking.books.count(), booking.books.throughput(), booking.books.percentileMillis(50),
                    booking.books.percentileMillis(99), booking.booked.get(), booking.booked.get() / (double) seconds,
                    booking.conflicts.get()));
            md.append(String.format("| mix: its free-time reads | %,d | %.0f | %.1f | %.1f | | | |%n%n",
                    booking.reads.count(), booking.reads.throughput(), booking.reads.percentileMillis(50),
                    booking.reads.percentileMillis(99)));

            // 3. one-month free-time query
            long booked = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM service_order"));
            Latencies month = sequential(300, i -> availability.free(s.instruments().get(i % INSTRUMENTS), at(1, 0, 0), at(31, 0, 0)));
            md.append(String.format("**Free-time query**, 30-day window, 1 client, %,d queries over %d instruments with %,d "
                            + "orders booked: p50 **%.1f ms**, p99 **%.1f ms**.%n", month.count(), INSTRUMENTS, booked,
                    month.percentileMillis(50), month.percentileMillis(99)));
        }
        System.out.println(md);
        Path out = Path.of("../bench-results").toAbsolutePath().normalize();
        Files.createDirectories(out);
        Files.writeString(out.resolve("booking-" + System.currentTimeMillis() + ".md"), md.toString());
    }

    private static Map<String, AtomicInteger> race(Bookings bookings, Actor buyer, String instrument, Instant start,
                                                   Instant end, int n) throws Exception {
        Map<String, AtomicInteger> outcome = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                String key;
                try {
                    bookings.book(buyer, instrument, new NewBooking(start, end, BookingMode.STAFF_OPERATED, null, null));
                    key = "OK";
                } catch (ApiException e) {
                    key = e.code();
                } catch (RuntimeException e) {
                    key = e.getClass().getSimpleName();
                }
                outcome.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        ready.await();
        go.countDown();
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        return outcome;
    }

    private static final class Mix {
        Latencies reads;
        Latencies books;
        final AtomicInteger booked = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
    }

    private static Mix mix(Availability availability, Bookings bookings, Setup s, int seconds, boolean book) throws Exception {
        Mix mix = new Mix();
        List<Long> readMicros = Collections.synchronizedList(new ArrayList<>());
        List<Long> bookMicros = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> all = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            all.add(pool.submit(() -> {
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    String instrument = s.instruments().get(rnd.nextInt(INSTRUMENTS));
                    int day = 1 + rnd.nextInt(60);
                    long r0 = System.nanoTime();
                    var free = availability.free(instrument, at(day, 0, 0), at(day + 1, 0, 0)).free().stream()
                            .filter(f -> !f.end().isBefore(f.start().plus(Duration.ofHours(1)))).toList();
                    readMicros.add((System.nanoTime() - r0) / 1000);
                    if (!book || free.isEmpty()) {
                        continue;
                    }
                    var f = free.get(rnd.nextInt(free.size()));
                    long halfHours = Duration.between(f.start(), f.end()).toMinutes() / 30 - 2;
                    Instant start = f.start().plus(Duration.ofMinutes(30 * (halfHours <= 0 ? 0 : rnd.nextLong(halfHours + 1))));
                    long b0 = System.nanoTime();
                    try {
                        bookings.book(s.buyer(), instrument, new NewBooking(start, start.plus(Duration.ofHours(1)),
                                BookingMode.STAFF_OPERATED, null, null));
                        mix.booked.incrementAndGet();
                    } catch (ApiException e) {
                        if (!"SLOT_TAKEN".equals(e.code())) {
                            throw e;
                        }
                        mix.conflicts.incrementAndGet();
                    }
                    bookMicros.add((System.nanoTime() - b0) / 1000);
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        double wall = (System.nanoTime() - t0) / 1e9;
        mix.reads = new Latencies(readMicros.stream().mapToLong(Long::longValue).toArray(), wall);
        mix.books = new Latencies(bookMicros.stream().mapToLong(Long::longValue).toArray(), wall);
        return mix;
    }

    @FunctionalInterface
    private interface Op {
        Object run(int i) throws Exception;
    }

    private static Latencies sequential(int n, Op op) throws Exception {
        long[] micros = new long[n];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            op.run(i);
            micros[i] = (System.nanoTime() - s) / 1000;
        }
        return new Latencies(micros, (System.nanoTime() - t0) / 1e9);
    }

    /** An operator holding 20 entrusted, priced instruments with opening hours, and a buyer. */
    private static Setup setUp(ApplicationContext ctx) throws Exception {
        Organisations organisations = ctx.getBean(Organisations.class);
        Accounts accounts = ctx.getBean(Accounts.class);
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000);
        long operator = organisations.create("基准服务机构-" + tag, null, OrganisationKind.OPERATOR, "440305").id();
        long enterprise = organisations.create("基准需求企业-" + tag, null, OrganisationKind.ENTERPRISE, "440305").id();
        String ownerName = "基准大学-" + tag;
        StringBuilder csv = new StringBuilder("source_id,name,model,manufacturer,country,original_value_cny,purchase_date,"
                + "funding_source,owner_name,owner_kind,district,lat,lon,category,technical_parameters,sharing_mode\n");
        for (int i = 0; i < INSTRUMENTS; i++) {
            csv.append("BENCH-").append(i).append(",场发射扫描电子显微镜,SU8").append(i).append(",Hitachi,日本,3000000,")
                    .append("2018-05-01,地方财政资金,").append(ownerName).append(",高校,南山区,22.53,113.93,01,1 kV,外部共享\n");
        }
        ImportReport report = ctx.getBean(CatalogueImporter.class).importFile("dayi-csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                new ImportOptions("bench-booking-" + tag, null, 0), ImportProgress.NONE);
        Jdbc jdbc = ctx.getBean(Jdbc.class);
        List<String> ids = jdbc.read(c -> Jdbc.list(c, "SELECT id FROM instrument WHERE source = ? ORDER BY id",
                rs -> Long.toString(rs.getLong(1)), report.source()));
        long owner = organisations.search(ownerName, null, 1).get(0).id();
        Actor manager = actor(accounts, "manager-" + tag, operator, Role.OPERATOR_MANAGER);
        Actor ownerAdmin = actor(accounts, "owner-" + tag, owner, Role.OWNER_ADMIN);
        Actor buyer = actor(accounts, "buyer-" + tag, enterprise, Role.BUYER_MEMBER);
        Entrustments entrustments = ctx.getBean(Entrustments.class);
        long e = entrustments.draft(manager, operator, new NewEntrustment(owner, ids, LocalDate.now(SH),
                LocalDate.now(SH).plusYears(1), "机时", new RevenueShares(4000, 1000, 4500, 500), true)).id();
        entrustments.command(manager, e, Command.PROPOSE, null);
        entrustments.command(ownerAdmin, e, Command.ACCEPT, null);
        List<BookingRules.Opening> weekly = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.add(new BookingRules.Opening(d, LocalTime.of(8, 0), LocalTime.of(20, 0)));
        }
        Tariffs tariffs = ctx.getBean(Tariffs.class);
        Availability availability = ctx.getBean(Availability.class);
        for (String id : ids) {
            tariffs.publish(manager, id, new NewTariff("SEM-HOUR", ChargeUnit.HOUR, 30_000L, 2000, 5000, null, null, null,
                    null, null));
            availability.setRules(manager, id, new BookingRules(30, 30, 0, 61, weekly));
        }
        return new Setup(ids, buyer);
    }

    /** A person {@code name@bench.dayi} (password {@code bench-password-123}) with {@code role} in {@code org}. */
    static Actor actor(Accounts accounts, String name, long org, Role role) {
        var p = accounts.create(name + "@bench.dayi", name, "bench-password-123", org, role, null);
        return accounts.actor(p.id()).orElseThrow();
    }

    private static Instant at(int days, int hour, int minute) {
        return LocalDate.now(SH).plusDays(days).atTime(hour, minute).atZone(SH).toInstant();
    }

    private static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format("Machine: %d cores (`nproc`), %.0f GiB RAM, %s %s; JVM %s (%s); MariaDB at 127.0.0.1:3306 "
                        + "(pool of 100 connections); benchmark client, app code and database on the same cores.",
                os.getAvailableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize() / 1073741824.0,
                os.getName(), os.getVersion(), System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
