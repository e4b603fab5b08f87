package cn.dayi.app.bench;

import cn.dayi.local.TestServices;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.ops.settlement.CompletedOrdersSource;
import cn.dayi.ops.settlement.PartyStatement;
import cn.dayi.ops.settlement.SettlementPeriod;
import cn.dayi.ops.settlement.Settlements;
import io.micronaut.context.ApplicationContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The settlement benchmark (issue 5): settle one month of N completed orders, each with its completion journal in
 * the ledger (5 legs: the buyer's prepayment against owner 50 %, fiscal fund 20 %, operator 25 %, platform the rest;
 * an operator's own instrument: operator and platform 5 %), over 50 operators, 200 owners and 2,000 instruments.
 * For each size, in one JVM against the real MariaDB:
 * <ul>
 *   <li><b>baseline</b>: one scan that counts and sums the month's completed orders (the least any settlement
 *       reads);</li>
 *   <li><b>settlement</b>: {@link Settlements#settle} as the monthly job runs it (statements for every party with
 *       the shares from the ledger) — wall time, ratio to the baseline, and the peak heap in use while it ran
 *       (sampled every 20 ms), which must stay flat as N grows;</li>
 *   <li><b>re-run</b>: settling the same month again writes nothing;</li>
 *   <li><b>checks</b>: the parties' shares sum to the owner and operator credits in the month's journals, and the
 *       operators' gross to the orders' totals.</li>
 * </ul>
 * Orders are generated with MariaDB's sequence engine ({@code seq_1_to_N}) in a few INSERT … SELECT statements.
 * Run with {@code scripts/bench-settlement.sh 100000 1000000}; prints a Markdown section for docs/benchmarks.md
 * and writes it to bench-results/.
 */
public final class SettlementBenchmark {

    private static final int OPERATORS = 50;
    private static final int OWNERS = 200;
    private static final int INSTRUMENTS = 2_000;

    private SettlementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> props = new HashMap<>(TestServices.isolatedMicronautProperties());
        props.put("dayi.catalogue.seed-on-empty", false);
        props.put("dayi.scheduler.enabled", false);
        props.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID());
        try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
            Jdbc jdbc = ctx.getBean(Jdbc.class);
            StringBuilder md = new StringBuilder();
            md.append("### Settlement benchmark — ").append(Instant.now()).append("\n\n").append(machine()).append("\n\n")
                    .append("| orders | generate s | baseline scan s | settle s | settle ÷ baseline | statements | ")
                    .append("peak heap in use MiB | re-run s (written) | checks |\n")
                    .append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            seedParties(jdbc);
            int month = 1;
            for (String arg : args.length == 0 ? new String[] {"100000", "1000000"} : args) {
                int n = Integer.parseInt(arg);
                SettlementPeriod period = SettlementPeriod.parse(String.format("2025-%02d", month++));
                long t0 = System.nanoTime();
                generate(jdbc, n, period);
                double generate = seconds(t0);
                t0 = System.nanoTime();
                long[] scan = jdbc.read(c -> Jdbc.one(c, "SELECT COUNT(*), COALESCE(SUM(o.total_fen), 0) FROM service_order o"
                        + " JOIN service_order_event e ON e.order_id = o.id AND e.to_state = 'COMPLETED'"
                        + " WHERE e.at >= ? AND e.at < ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                        period.start(), period.end()).orElseThrow());
                double baseline = seconds(t0);
                Clock after = Clock.fixed(period.end().plusSeconds(3600), ZoneOffset.UTC);
                CompletedOrdersSource source = new CompletedOrdersSource(jdbc, after);
                Settlements settlements = new Settlements(jdbc, source, after);
                System.gc();
                HeapSampler heap = HeapSampler.start();
                t0 = System.nanoTime();
                Settlements.RunResult run = settlements.settle(period);
                double settle = seconds(t0);
                long peak = heap.stop();
                t0 = System.nanoTime();
                Settlements.RunResult again = new Settlements(jdbc, new CompletedOrdersSource(jdbc, after), after).settle(period);
                double rerun = seconds(t0);
                String checks = check(jdbc, period, source, scan);
                md.append(String.format(java.util.Locale.ROOT, "| %,d | %.1f | %.2f | %.1f | %.1f× | %,d | %d | %.2f (%d) | %s |%n",
                        scan[0], generate, baseline, settle, settle / baseline, run.parties(), peak / 1_048_576, rerun,
                        again.writtenNow(), checks));
                System.out.println(md);
            }
            System.out.println(md);
            Path out = Path.of("../bench-results").toAbsolutePath().normalize();
            Files.createDirectories(out);
            Files.writeString(out.resolve("settlement-" + System.currentTimeMillis() + ".md"), md.toString());
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /** Operators, owners, one buyer, instruments (every 20th an operator's own), and their ledger accounts. */
    private static void seedParties(Jdbc jdbc) {
        jdbc.write(c -> {
            run(c, "INSERT INTO organisation (name_zh, kind, source, source_id) SELECT CONCAT('服务机构', seq), 'OPERATOR',"
                    + " 'bench', CONCAT('op-', seq) FROM seq_1_to_" + OPERATORS);
            run(c, "INSERT INTO organisation (name_zh, kind, source, source_id) SELECT CONCAT('产权单位', seq), 'UNIVERSITY',"
                    + " 'bench', CONCAT('owner-', seq) FROM seq_1_to_" + OWNERS);
            run(c, "INSERT INTO organisation (name_zh, kind, source, source_id) VALUES ('需求企业', 'ENTERPRISE', 'bench', 'buyer')");
            run(c, "INSERT INTO person (email, display_name, password_hash) VALUES ('bench@dayi.test', 'B', 'x')");
            run(c, "CREATE TABLE bench_party (kind CHAR(1), k INT, id BIGINT, PRIMARY KEY (kind, k))");
            run(c, "INSERT INTO bench_party SELECT 'P', CAST(SUBSTRING(source_id, 4) AS UNSIGNED) - 1, id FROM organisation"
                    + " WHERE source = 'bench' AND source_id LIKE 'op-%'");
            run(c, "INSERT INTO bench_party SELECT 'W', CAST(SUBSTRING(source_id, 7) AS UNSIGNED) - 1, id FROM organisation"
                    + " WHERE source = 'bench' AND source_id LIKE 'owner-%'");
            // instrument k: served by operator k % 50; owned by owner k % 200, or by its operator when k % 20 = 0
            run(c, "INSERT INTO instrument (code, name, owner_id, source, source_id, content_hash)"
                    + " SELECT CONCAT('BENCH', seq), CONCAT('仪器', seq), IF(seq % 20 = 0, op.id, ow.id), 'bench', CONCAT('i-', seq),"
                    + " REPEAT('0', 64) FROM seq_0_to_" + (INSTRUMENTS - 1)
                    + " JOIN bench_party op ON op.kind = 'P' AND op.k = seq % " + OPERATORS
                    + " JOIN bench_party ow ON ow.kind = 'W' AND ow.k = seq % " + OWNERS);
            run(c, "CREATE TABLE bench_instrument (k INT PRIMARY KEY, instrument_id BIGINT, operator_id BIGINT, owner_id BIGINT)");
            run(c, "INSERT INTO bench_instrument SELECT CAST(SUBSTRING(i.source_id, 3) AS UNSIGNED), i.id, op.id, i.owner_id"
                    + " FROM instrument i JOIN bench_party op ON op.kind = 'P'"
                    + " AND op.k = CAST(SUBSTRING(i.source_id, 3) AS UNSIGNED) % " + OPERATORS + " WHERE i.source = 'bench'");
            run(c, "INSERT INTO ledger_account (type, party_id, currency) SELECT 'OWNER_PAYABLE', id, 'CNY' FROM organisation"
                    + " WHERE source = 'bench' AND kind IN ('UNIVERSITY', 'OPERATOR')");
            run(c, "INSERT INTO ledger_account (type, party_id, currency) SELECT 'OPERATOR_PAYABLE', id, 'CNY' FROM organisation"
                    + " WHERE source = 'bench' AND kind = 'OPERATOR'");
            run(c, "INSERT INTO ledger_account (type, party_id, currency) SELECT 'BUYER_PREPAID', id, 'CNY' FROM organisation"
                    + " WHERE source = 'bench' AND kind = 'ENTERPRISE'");
            run(c, "INSERT IGNORE INTO ledger_account (type, party_id, currency) VALUES ('FISCAL_FUND_PAYABLE', 0, 'CNY'),"
                    + " ('PLATFORM_REVENUE', 0, 'CNY')");
            return null;
        });
    }

    /** N completed orders spread over the month, their COMPLETED events and their completion journals. */
    private static void generate(Jdbc jdbc, int n, SettlementPeriod period) {
        jdbc.write(c -> {
            long before = Jdbc.one(c, "SELECT COALESCE(MAX(id), 0) FROM service_order", rs -> rs.getLong(1)).orElse(0L);
            long buyer = Jdbc.one(c, "SELECT id FROM organisation WHERE source = 'bench' AND source_id = 'buyer'",
                    rs -> rs.getLong(1)).orElseThrow();
            long person = Jdbc.one(c, "SELECT id FROM person WHERE email = 'bench@dayi.test'", rs -> rs.getLong(1)).orElseThrow();
            // starts within the first 27 days (Shanghai), 1–3 hours long, totals 100–2,000 元
            Jdbc.update(c, "INSERT INTO service_order (instrument_id, operator_id, buyer_org_id, buyer_person_id, state, mode,"
                    + " starts_at, ends_at, quote_json, total_fen, created_at, updated_at)"
                    + " SELECT b.instrument_id, b.operator_id, ?, ?, 'COMPLETED', 'STAFF_OPERATED',"
                    + " TIMESTAMPADD(MINUTE, (seq * 7919) % 38880, ?), TIMESTAMPADD(MINUTE, (seq * 7919) % 38880 + 60 * (1 + seq % 3), ?),"
                    + " '{}', 10000 + (seq * 37) % 190000, ?, ?"
                    + " FROM seq_1_to_" + n + " JOIN bench_instrument b ON b.k = seq % " + INSTRUMENTS,
                    buyer, person, period.start(), period.start(), period.start(), period.start());
            Jdbc.update(c, "INSERT INTO service_order_event (order_id, event, from_state, to_state, at)"
                    + " SELECT id, 'CHECKED_OUT', 'IN_SERVICE', 'COMPLETED', ends_at FROM service_order WHERE id > ?", before);
            Jdbc.update(c, "INSERT INTO ledger_journal (business_key, event, order_id, posted_at)"
                    + " SELECT CONCAT('ORDER:', id, ':COMPLETED'), 'COMPLETED', id, ends_at FROM service_order WHERE id > ?", before);
            String from = " FROM ledger_journal j JOIN service_order o ON o.id = j.order_id"
                    + " JOIN instrument i ON i.id = o.instrument_id WHERE o.id > ? AND j.business_key LIKE 'ORDER:%:COMPLETED'";
            String entry = "INSERT INTO ledger_entry (journal_id, account_id, amount_fen, currency, posted_at) ";
            Jdbc.update(c, entry + "SELECT j.id, (SELECT id FROM ledger_account WHERE type = 'BUYER_PREPAID' AND party_id = ?),"
                    + " o.total_fen, 'CNY', j.posted_at" + from, buyer, before);
            // entrusted instruments: owner 50 %, fiscal fund 20 %, operator 25 %, platform the rest
            Jdbc.update(c, entry + "SELECT j.id, la.id, -FLOOR(o.total_fen * 50 / 100), 'CNY', j.posted_at" + from.replace(
                    " WHERE", " JOIN ledger_account la ON la.type = 'OWNER_PAYABLE' AND la.party_id = i.owner_id WHERE")
                    + " AND i.owner_id <> o.operator_id", before);
            Jdbc.update(c, entry + "SELECT j.id, (SELECT id FROM ledger_account WHERE type = 'FISCAL_FUND_PAYABLE'),"
                    + " -FLOOR(o.total_fen * 20 / 100), 'CNY', j.posted_at" + from + " AND i.owner_id <> o.operator_id", before);
            Jdbc.update(c, entry + "SELECT j.id, la.id, IF(i.owner_id <> o.operator_id, -FLOOR(o.total_fen * 25 / 100),"
                    + " -(o.total_fen - FLOOR(o.total_fen * 5 / 100))), 'CNY', j.posted_at" + from.replace(" WHERE",
                    " JOIN ledger_account la ON la.type = 'OPERATOR_PAYABLE' AND la.party_id = o.operator_id WHERE"), before);
            Jdbc.update(c, entry + "SELECT j.id, (SELECT id FROM ledger_account WHERE type = 'PLATFORM_REVENUE'),"
                    + " IF(i.owner_id <> o.operator_id, -(o.total_fen - FLOOR(o.total_fen * 50 / 100) - FLOOR(o.total_fen * 20 / 100)"
                    + " - FLOOR(o.total_fen * 25 / 100)), -FLOOR(o.total_fen * 5 / 100)), 'CNY', j.posted_at" + from, before);
            return null;
        });
    }

    /** The statements against the ledger and the orders; "OK" or what differs. */
    private static String check(Jdbc jdbc, SettlementPeriod period, CompletedOrdersSource source, long[] scan) {
        Map<Long, PartyStatement> all = source.all(period);
        long shares = all.values().stream().mapToLong(PartyStatement::shareFen).sum();
        long operatorGross = all.values().stream().flatMap(s -> s.lines().stream())
                .filter(l -> l.role() == PartyStatement.Role.OPERATOR).mapToLong(PartyStatement.Line::grossFen).sum();
        long credited = jdbc.read(c -> Jdbc.one(c, "SELECT -COALESCE(SUM(le.amount_fen), 0) FROM ledger_entry le"
                + " JOIN ledger_account la ON la.id = le.account_id JOIN ledger_journal j ON j.id = le.journal_id"
                + " WHERE la.type IN ('OWNER_PAYABLE', 'OPERATOR_PAYABLE') AND j.posted_at >= ? AND j.posted_at < ?",
                rs -> rs.getLong(1), period.start(), period.end()).orElseThrow());
        long unbalanced = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM (SELECT journal_id FROM ledger_entry"
                + " GROUP BY journal_id HAVING SUM(amount_fen) <> 0) u"));
        String out = (shares == credited ? "" : "shares " + shares + " ≠ ledger " + credited + "; ")
                + (operatorGross == scan[1] ? "" : "gross " + operatorGross + " ≠ orders " + scan[1] + "; ")
                + (unbalanced == 0 ? "" : unbalanced + " unbalanced journals");
        return out.isEmpty() ? "OK" : out;
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Samples the heap in use every 20 ms; {@link #stop} answers the largest sample (bytes). */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;

        private HeapSampler() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                var pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                        .toList();
                while (!Thread.currentThread().isInterrupted()) {
                    long used = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapSampler start() {
            return new HeapSampler();
        }

        long stop() throws InterruptedException {
            thread.interrupt();
            thread.join();
            return peak.get();
        }
    }

    private static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(java.util.Locale.ROOT, "Machine: %d cores (`nproc`), %.0f GiB RAM, %s %s; JVM %s, -Xmx%d MiB; "
                        + "MariaDB at 127.0.0.1:3306; %d operators, %d owners, %d instruments (every 20th an operator's own).",
                os.getAvailableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize() / 1073741824.0,
                os.getName(), os.getVersion(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / 1_048_576, OPERATORS, OWNERS, INSTRUMENTS);
    }
}
