package cn.dayi.app.bench;

import cn.dayi.local.TestServices;
import cn.dayi.marketplace.importing.CatalogueFormat;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportReport;
import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.InstrumentQuery.GeoPoint;
import cn.dayi.search.api.InstrumentQuery.Sort;
import cn.dayi.search.api.InstrumentSearch;
import io.micronaut.context.ApplicationContext;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The foundation benchmark (issue 2): bulk import of a 100,000-instrument Dayi CSV file including
 * indexing, then search latency p50/p99 at 1, 8 and 32 concurrent clients for a mix of text, facet
 * and geo queries — Elasticsearch against a baseline {@code LIKE} query on MySQL over the same rows,
 * in the same run. Run with {@code ./dayi bench [count]}; prints a Markdown section for
 * docs/benchmarks.md and writes it to bench-results/.
 */
public final class SearchBenchmark {

    private static final String[] TEXTS = {"核磁", "电镜", "质谱", "Bruker", "XRD", "色谱", "扫描电子显微镜",
        "激光", "Agilent", "流式细胞仪", "JEOL", "原子力显微镜", "Zeiss", "万能材料试验机", "ICP-MS", "拉曼"};
    private static final String[] CATEGORIES = {"01", "02", "04", "13", "14"};
    private static final String[] DISTRICTS = {"440305", "440307", "440306", "440304"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perLevel = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Map<String, Object> props = new HashMap<>(TestServices.isolatedMicronautProperties());
        props.put("dayi.catalogue.seed-on-empty", false);
        // accounts sign tokens: the context needs a secret even though the benchmark signs nobody in
        props.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
                "benchmark-secret-of-at-least-256-bits-for-hs256-0123456789");
        props.put("datasources.default.maximum-pool-size", 40); // 32 baseline clients, each holding one connection
        props.put("datasources.default.connection-timeout", 600_000);
        try {
            run(count, perLevel, props);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(int count, int perLevel, Map<String, Object> props) throws Exception {
        StringBuilder md = new StringBuilder();
        try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
            CatalogueImporter importer = ctx.getBean(CatalogueImporter.class);
            CatalogueFormat demo = ctx.getBeansOfType(CatalogueFormat.class).stream()
                    .filter(f -> f.id().equals("demo")).findFirst().orElseThrow();
            Path file = Path.of("target/bench/catalogue-" + count + ".csv").toAbsolutePath();
            DemoCsvExport.write(demo, count, file);
            long t0 = System.nanoTime();
            ImportReport report;
            try (InputStream in = Files.newInputStream(file)) {
                report = importer.importFile("dayi-csv", in, new ImportOptions("bench", null, 0), ImportProgress.NONE);
            }
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            md.append("### Search and import benchmark — ").append(Instant.now()).append("\n\n");
            md.append(machine()).append("\n\n");
            md.append(String.format("**Bulk import** of %s (%,d rows, %.1f MB, Dayi CSV) including indexing: "
                            + "%.1f s → **%,.0f rows/s** (%d inserted, %d invalid).%n%n",
                    file.getFileName(), report.rowsRead(), Files.size(file) / 1e6, importSeconds,
                    report.rowsRead() / importSeconds, report.inserted(), report.invalidRows()));

            InstrumentSearch search = ctx.getBean(InstrumentSearch.class);
            DataSource ds = cn.dayi.marketplace.db.PlainDataSource.of(ctx.getBean(DataSource.class));
            md.append("| clients | engine | requests | p50 ms | p99 ms | req/s | p99 ratio MySQL/ES |\n");
            md.append("|---:|---|---:|---:|---:|---:|---:|\n");
            for (int clients : new int[] {1, 8, 32}) {
                Latencies es = run(clients, perLevel, i -> search.search(query(i)));
                Latencies sql = run(clients, Math.max(40, clients * 5), i -> likeBaseline(ds, query(i)));
                row(md, clients, "Elasticsearch", es, "");
                row(md, clients, "MySQL LIKE", sql, String.format("%.1f×", sql.percentileMillis(99) / es.percentileMillis(99)));
                System.err.println(md.substring(md.lastIndexOf("| " + clients + " | Elasticsearch")));
            }
        }
        md.append("\nQuery mix: text (").append(TEXTS.length).append(" terms, Chinese and English, with abbreviation ")
                .append("expansion in Elasticsearch), every 3rd with a category filter, every 4th with a district filter, ")
                .append("every 5th a 5 km geo filter with distance sort; each request returns page 1 (20 rows), the total ")
                .append("and facet counts. The MySQL baseline runs the same filters with `LIKE '%term%'` on name, model, ")
                .append("manufacturer, parameters and owner name (3 statements: page, count, category facet).\n");
        System.out.println(md);
        Path out = Path.of("../bench-results").toAbsolutePath().normalize();
        Files.createDirectories(out);
        Files.writeString(out.resolve("search-" + System.currentTimeMillis() + ".md"), md.toString());
    }

    private static void row(StringBuilder md, int clients, String engine, Latencies l, String ratio) {
        md.append(String.format("| %d | %s | %,d | %.1f | %.1f | %.0f | %s |%n", clients, engine, l.count(),
                l.percentileMillis(50), l.percentileMillis(99), l.throughput(), ratio));
    }

    static InstrumentQuery query(int i) {
        String text = TEXTS[i % TEXTS.length];
        List<String> categories = i % 3 == 0 ? List.of(CATEGORIES[(i / 3) % CATEGORIES.length]) : List.of();
        List<String> districts = i % 4 == 0 ? List.of(DISTRICTS[(i / 4) % DISTRICTS.length]) : List.of();
        GeoPoint near = null;
        Double radius = null;
        Sort sort = Sort.RELEVANCE;
        if (i % 5 == 0) {
            near = new GeoPoint(22.53 + (i % 7) * 0.01, 113.93 + (i % 11) * 0.01);
            radius = 5.0;
            sort = Sort.DISTANCE;
            districts = List.of();
        }
        return new InstrumentQuery(text, categories, null, districts, null, null, null, null, null, near, radius,
                sort, 0, 20);
    }

    interface Request {
        void run(int i) throws Exception;
    }

    static Latencies run(int clients, int requests, Request request) throws Exception {
        for (int i = 0; i < Math.min(100, requests); i++) {
            request.run(i); // warm-up
        }
        long[] micros = new long[requests];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long t = System.nanoTime();
                    request.run(i + 1000);
                    micros[i] = (System.nanoTime() - t) / 1000;
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Latencies(micros, wall);
    }

    /** The naive baseline: LIKE over the same rows, same filters; page + total + category facet. */
    static void likeBaseline(DataSource ds, InstrumentQuery q) throws SQLException {
        StringBuilder where = new StringBuilder(" FROM instrument i JOIN organisation o ON o.id = i.owner_id WHERE "
                + "(i.name LIKE ? OR i.model LIKE ? OR i.manufacturer LIKE ? OR i.technical_parameters LIKE ? OR o.name_zh LIKE ?)");
        List<Object> args = new ArrayList<>();
        String like = "%" + q.text() + "%";
        for (int k = 0; k < 5; k++) {
            args.add(like);
        }
        if (!q.categories().isEmpty()) {
            where.append(" AND i.category_code = ?");
            args.add(q.categories().get(0));
        }
        if (!q.districts().isEmpty()) {
            where.append(" AND i.region_code = ?");
            args.add(q.districts().get(0));
        }
        String order = " ORDER BY i.id";
        if (q.near() != null) {
            double dLat = q.radiusKm() / 111.0;
            double dLon = q.radiusKm() / (111.0 * Math.cos(Math.toRadians(q.near().lat())));
            where.append(" AND i.lat BETWEEN ? AND ? AND i.lon BETWEEN ? AND ?");
            args.add(q.near().lat() - dLat);
            args.add(q.near().lat() + dLat);
            args.add(q.near().lon() - dLon);
            args.add(q.near().lon() + dLon);
            order = " ORDER BY POW(i.lat - " + q.near().lat() + ", 2) + POW(i.lon - " + q.near().lon() + ", 2)";
        }
        try (Connection c = ds.getConnection()) {
            exec(c, "SELECT i.id, i.code, i.name, i.model, i.manufacturer, o.name_zh" + where + order + " LIMIT 20", args);
            exec(c, "SELECT COUNT(*)" + where, args);
            exec(c, "SELECT i.category_code, COUNT(*)" + where + " GROUP BY i.category_code", args);
        }
    }

    private static void exec(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < args.size(); k++) {
                ps.setObject(k + 1, args.get(k));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }

    private static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format("Machine: %d cores, %.0f GiB RAM, %s %s; JVM %s; MariaDB at 127.0.0.1:3306; one local "
                        + "Elasticsearch %s node (heap %s).",
                os.getAvailableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) os).getTotalMemorySize() / 1073741824.0,
                os.getName(), os.getVersion(), System.getProperty("java.version"),
                cn.dayi.local.LocalElasticsearch.version(), System.getenv().getOrDefault("DAYI_TEST_ES_HEAP", "768m"));
    }
}
