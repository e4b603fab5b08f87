package cn.dayi.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local Elasticsearch node, started from the Maven Central distribution
 * {@code org.elasticsearch.distribution.integ-test-zip:elasticsearch:<version>:zip} for the
 * local run and the tests when no {@code ELASTICSEARCH_URL} is configured.
 *
 * <p>The zip is taken from the local Maven repository (the build declares it, so it is there
 * after any build) or downloaded from Maven Central, and unpacked once into the cache folder
 * ({@link LocalPaths#cacheRoot()}). Each node gets its own configuration, data and log folders,
 * binds to 127.0.0.1 on a free port, runs with security off as a single node, and is stopped
 * (and its folders deleted) by {@link #close()} or at JVM exit.
 *
 * <p>Elasticsearch refuses to run as root. When this JVM runs as root the node is started as
 * the unprivileged system user {@value #SERVICE_USER} (created on first use with
 * {@code useradd --system}) through {@code setpriv}; its folders are chowned to that user.
 * {@code ES_JAVA_HOME} is this JVM's own JDK (21+), which must be readable by that user.
 */
public final class LocalElasticsearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearch.class);
    /** Unprivileged account that runs the node when this JVM is root. */
    public static final String SERVICE_USER = "dayi-es";
    private static final String CENTRAL = "https://repo1.maven.org/maven2/";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final Path nodeDir;
    private final int httpPort;

    private LocalElasticsearch(Process process, Path nodeDir, int httpPort) {
        this.process = process;
        this.nodeDir = nodeDir;
        this.httpPort = httpPort;
    }

    /** The node's HTTP address, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** This node's own folder (configuration, data, logs); deleted by {@link #close()}. */
    public java.nio.file.Path nodeDir() {
        return nodeDir;
    }

    /** Elasticsearch version of the distribution this build declares. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = LocalElasticsearch.class.getResourceAsStream("versions.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("versions.properties missing from dayi-local-services", e);
        }
        return p.getProperty("elasticsearch.version");
    }

    /**
     * Unpacks (once) and starts a node; blocks until the cluster is yellow.
     *
     * @param heap JVM heap for the node, e.g. {@code "1g"}
     * @throws IllegalStateException with the tail of the node's log when it does not come up
     */
    public static LocalElasticsearch start(String heap) {
        String version = version();
        Path install = unpackOnce(version);
        try {
            Path nodes = LocalPaths.cacheRoot().resolve("es-nodes");
            Files.createDirectories(nodes);
            Path nodeDir = Files.createTempDirectory(nodes, "node-");
            Path conf = nodeDir.resolve("config");
            copyTree(install.resolve("config"), conf);
            Files.createDirectories(nodeDir.resolve("data"));
            Files.createDirectories(nodeDir.resolve("logs"));
            Files.createDirectories(nodeDir.resolve("tmp"));
            int http = freePort();
            int transport = freePort();
            Files.writeString(conf.resolve("elasticsearch.yml"), String.join("\n",
                    "cluster.name: dayi-local",
                    "node.name: dayi-local-" + http,
                    "discovery.type: single-node",
                    "network.host: 127.0.0.1",
                    "http.port: " + http,
                    "transport.port: " + transport,
                    "path.data: " + nodeDir.resolve("data"),
                    "path.logs: " + nodeDir.resolve("logs"),
                    "cluster.routing.allocation.disk.threshold_enabled: false",
                    "action.destructive_requires_name: false",
                    "xpack.security.enabled: false",
                    ""));
            List<String> cmd = new ArrayList<>();
            boolean root = LocalPaths.isRoot();
            if (root) {
                ensureServiceUser();
                chown(nodeDir);
                cmd.addAll(List.of("setpriv", "--reuid=" + SERVICE_USER, "--regid=" + SERVICE_USER,
                        "--init-groups", "--"));
            }
            // A keystore made up front: left to itself, the 9.x launcher writes cluster-state
            // encryption secrets into a new keystore that this minimal distribution cannot read.
            createKeystore(cmd, install, conf, nodeDir);
            cmd.add(install.resolve("bin/elasticsearch").toString());
            ProcessBuilder pb = new ProcessBuilder(cmd);
            Map<String, String> env = pb.environment();
            configureEnv(env, conf, nodeDir, heap, root);
            Path console = nodeDir.resolve("console.log");
            pb.redirectErrorStream(true).redirectOutput(console.toFile());
            LOG.info("Starting local Elasticsearch {} on 127.0.0.1:{} ({})", version, http, nodeDir);
            Process process = pb.start();
            LocalElasticsearch node = new LocalElasticsearch(process, nodeDir, http);
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "stop-local-elasticsearch"));
            node.awaitYellow(console);
            LOG.info("Local Elasticsearch ready at {}", node.url());
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void configureEnv(Map<String, String> env, Path conf, Path nodeDir, String heap, boolean root) {
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", conf.toString());
        env.put("ES_TMPDIR", nodeDir.resolve("tmp").toString());
        env.put("ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JAVA_HOME");
        if (root) {
            env.put("HOME", nodeDir.toString());
        }
    }

    private static void createKeystore(List<String> prefix, Path install, Path conf, Path nodeDir)
            throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(install.resolve("bin/elasticsearch-keystore").toString());
        cmd.add("create");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(nodeDir.resolve("keystore.log").toFile());
        configureEnv(pb.environment(), conf, nodeDir, "64m", !prefix.isEmpty());
        try {
            int rc = pb.start().waitFor();
            if (rc != 0) {
                throw new IllegalStateException("elasticsearch-keystore create exited " + rc + ":\n"
                        + tail(nodeDir.resolve("keystore.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void awaitYellow(Path console) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        HttpRequest health = HttpRequest.newBuilder(URI.create(url()
                + "/_cluster/health?wait_for_status=yellow&timeout=5s")).timeout(Duration.ofSeconds(10)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with " + process.exitValue()
                        + " before it was ready:\n" + tail(console));
            }
            try {
                HttpResponse<String> r = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
            }
            sleep(500);
        }
        close();
        throw new IllegalStateException("Elasticsearch not ready after " + START_TIMEOUT + ":\n" + tail(console));
    }

    /** Stops the node (SIGTERM, then SIGKILL after 30 s) and deletes its folders. Idempotent. */
    @Override
    public synchronized void close() {
        if (process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
        deleteTree(nodeDir);
    }

    // ---------------------------------------------------------------- install

    private static Path unpackOnce(String version) {
        Path root = LocalPaths.cacheRoot();
        Path install = root.resolve("elasticsearch-" + version);
        Path marker = install.resolve(".dayi-unpacked");
        try {
            Files.createDirectories(root);
            try (FileChannel ch = FileChannel.open(root.resolve(".es-unpack.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                if (Files.exists(marker)) {
                    return install;
                }
                Path zip = locateZip(version);
                LOG.info("Unpacking {} into {}", zip, install);
                deleteTree(install);
                Path staging = Files.createTempDirectory(root, "es-unpack-");
                unzip(zip, staging);
                Path top;
                try (Stream<Path> s = Files.list(staging)) {
                    top = s.filter(Files::isDirectory).findFirst()
                            .orElseThrow(() -> new IllegalStateException("empty Elasticsearch zip " + zip));
                }
                try (Stream<Path> s = Files.list(top.resolve("bin"))) {
                    s.forEach(f -> f.toFile().setExecutable(true, false));
                }
                Files.move(top, install, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(staging);
                makeReadableByAll(root);
                Files.writeString(marker, version);
                return install;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Elasticsearch into " + install, e);
        }
    }

    private static Path locateZip(String version) throws IOException {
        String rel = "org/elasticsearch/distribution/integ-test-zip/elasticsearch/" + version
                + "/elasticsearch-" + version + ".zip";
        String repo = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path local = Path.of(repo).resolve(rel);
        if (Files.isRegularFile(local)) {
            return local;
        }
        Path cached = LocalPaths.cacheRoot().resolve("elasticsearch-" + version + ".zip");
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        LOG.info("Downloading Elasticsearch {} from Maven Central (≈130 MB, once)", version);
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        Path part = Files.createTempFile(LocalPaths.cacheRoot(), "es-", ".zip.part");
        try {
            HttpResponse<Path> r = client.send(HttpRequest.newBuilder(URI.create(CENTRAL + rel)).build(),
                    HttpResponse.BodyHandlers.ofFile(part));
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode() + " for " + CENTRAL + rel);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Files.move(part, cached, StandardCopyOption.ATOMIC_MOVE);
        return cached;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    // ---------------------------------------------------------------- running as root

    private static void ensureServiceUser() {
        if (run("id", "-u", SERVICE_USER) == 0) {
            return;
        }
        int rc = run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER);
        if (rc != 0 && run("id", "-u", SERVICE_USER) != 0) {
            throw new IllegalStateException("cannot create system user " + SERVICE_USER
                    + " to run Elasticsearch (it refuses to run as root); useradd exited " + rc);
        }
    }

    private static void chown(Path dir) {
        int rc = run("chown", "-R", SERVICE_USER + ":" + SERVICE_USER, dir.toString());
        if (rc != 0) {
            throw new IllegalStateException("chown of " + dir + " failed with " + rc);
        }
    }

    private static void makeReadableByAll(Path root) {
        // the cache folder and the unpacked distribution must be readable by the service user
        run("chmod", "-R", "a+rX", root.toString());
    }

    private static int run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (IOException e) {
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    // ---------------------------------------------------------------- helpers

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try {
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
