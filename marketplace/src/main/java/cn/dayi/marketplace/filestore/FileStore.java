package cn.dayi.marketplace.filestore;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps uploaded files in a local folder ({@code dayi.files.root}; default {@code /var/cache/dayi/files}
 * when running as root, else {@code ~/.cache/dayi/files}) and their facts in {@code stored_file}.
 * An S3-compatible store is not built (the folder can be a mounted volume shared by the app nodes).
 *
 * <p>Saving is two steps so that nothing is half-saved: {@link #stage} streams the upload into a
 * temporary file in the store's {@code tmp} folder (never into memory), counting bytes and computing
 * the SHA-256 as it goes, and stops at {@code dayi.files.max-bytes} (default 100 MiB = 104,857,600
 * bytes; a {@link FileKind} may allow less: a licence 10 MiB); then it detects the type from the bytes. {@link #commit} inserts the row on the caller's
 * transaction and moves the file into place; a {@link Staged} file that is not committed is
 * {@link Staged#close() deleted}, and one whose transaction rolled back is removed by
 * {@link Staged#rolledBack()}.
 *
 * <p>Type check: the name's extension must be on the {@link FileKind}'s list, and the type detected
 * from the bytes (Tika's magic numbers) must be the type the name implies or a more general type of
 * it (an {@code .xlsx} is a ZIP, a {@code .csv} is plain text) — never merely "some bytes"
 * ({@code application/octet-stream}). Limitation: Tika core does not look inside ZIP containers, so
 * any ZIP passes as {@code .xlsx}/{@code .docx}.
 *
 * <p>Errors: 413 {@code FILE_TOO_LARGE}; 415 {@code FILE_TYPE_NOT_ALLOWED} (extension not on the list),
 * {@code FILE_TYPE_MISMATCH} (the bytes are something else than the name says); 400
 * {@code FILE_NAME_REQUIRED}, {@code FILE_EMPTY}; 500 {@code FILE_CORRUPTED} (checksum mismatch on read:
 * the bytes changed on disk; the file is not served).
 */
@Singleton
public class FileStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileStore.class);
    /** The default size limit: 100 MiB. */
    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    private final Path root;
    private final long maxBytes;
    private final Tika tika = new Tika();
    private final MediaTypeRegistry types = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    FileStore(@Nullable @Value("${dayi.files.root:}") String root,
              @Value("${dayi.files.max-bytes:104857600}") long maxBytes) {
        this.root = root == null || root.isBlank() ? defaultRoot() : Path.of(root);
        this.maxBytes = maxBytes;
    }

    private static Path defaultRoot() {
        boolean isRoot = "root".equals(System.getProperty("user.name"));
        return isRoot ? Path.of("/var/cache/dayi/files") : Path.of(System.getProperty("user.home"), ".cache", "dayi", "files");
    }

    /** The most bytes one file may have. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The folder the files are kept in. */
    public Path root() {
        return root;
    }

    /**
     * An upload written to a temporary file and checked, not yet in the store. Close it (try-with-
     * resources) after {@link #commit}: an uncommitted file is deleted then.
     */
    public static final class Staged implements AutoCloseable {
        private final Path temp;
        private final String name;
        private final String contentType;
        private final long sizeBytes;
        private final String sha256;
        private Path placed;

        Staged(Path temp, String name, String contentType, long sizeBytes, String sha256) {
            this.temp = temp;
            this.name = name;
            this.contentType = contentType;
            this.sizeBytes = sizeBytes;
            this.sha256 = sha256;
        }

        public String name() {
            return name;
        }

        public String contentType() {
            return contentType;
        }

        public long sizeBytes() {
            return sizeBytes;
        }

        public String sha256() {
            return sha256;
        }

        /**
         * Undoes {@link #commit}'s move when the transaction it ran in rolled back (its row is gone):
         * call it from the caller's failure path.
         */
        public void rolledBack() {
            if (placed != null) {
                try {
                    Files.deleteIfExists(placed);
                } catch (IOException e) {
                    LOG.warn("could not delete the bytes of a rolled-back upload {}", placed, e);
                }
                placed = null;
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.warn("could not delete temporary upload {}", temp, e);
            }
        }
    }

    /**
     * Streams {@code body} into a temporary file and checks it.
     *
     * @param declaredLength the request's Content-Length, or -1 when unknown: a declared length over
     *                       the limit is refused before a byte is read
     */
    public Staged stage(InputStream body, String fileName, long declaredLength, FileKind kind) {
        String name = cleanName(fileName);
        String ext = kind.allowedExtension(name).orElseThrow(() -> new ApiException.RuleViolation(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "FILE_TYPE_NOT_ALLOWED", "'" + name + "' is not a file type accepted as "
                + kind.name().toLowerCase(java.util.Locale.ROOT) + " (" + FileKind.NAMES_ZH.get(kind.name()) + "); accepted: "
                + kind.extensions().stream().sorted().toList() + "."));
        long limit = kind.maxBytes(maxBytes);
        if (declaredLength > limit) {
            throw tooLarge(declaredLength, limit);
        }
        Path temp;
        try {
            Files.createDirectories(root.resolve("tmp"));
            temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean ok = false;
        try {
            MessageDigest sha = sha256();
            long size = 0;
            try (InputStream in = new DigestInputStream(body, sha); OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    size += n;
                    if (size > limit) {
                        throw tooLarge(declaredLength > 0 ? declaredLength : size, limit);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new ApiException.ValidationFailed("file", "FILE_EMPTY", "'" + name + "' is empty.");
            }
            String type = checkType(temp, name, ext);
            ok = true;
            return new Staged(temp, name, type, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            throw new ApiException.ValidationFailed("file", "UPLOAD_INCOMPLETE",
                    "The upload of '" + name + "' broke off before the end; nothing was saved. Please send it again.");
        } finally {
            if (!ok) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.warn("could not delete temporary upload {}", temp, e);
                }
            }
        }
    }

    private String checkType(Path file, String name, String ext) throws IOException {
        MediaType byName = MediaType.parse(tika.detect(name));
        MediaType byBytes;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byBytes = MediaType.parse(tika.detect(in)); // magic numbers only: no name given
        }
        boolean consistent = !MediaType.OCTET_STREAM.equals(byBytes)
                && (byName.equals(byBytes) || types.isInstanceOf(byName, byBytes) || types.isInstanceOf(byBytes, byName));
        if (!consistent) {
            throw new ApiException.RuleViolation(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "FILE_TYPE_MISMATCH",
                    "'" + name + "' is named like " + byName + " (." + ext + ") but its content is " + describe(byBytes)
                            + "; rename it to what it is or upload the right file.");
        }
        return byName.toString();
    }

    private static String describe(MediaType t) {
        return MediaType.OCTET_STREAM.equals(t) ? "not a recognisable file of that type (binary data)" : t.toString();
    }

    /**
     * Puts a staged file into the store on the caller's transaction: inserts its row, then moves the
     * bytes into place. If the transaction rolls back afterwards, call {@link Staged#rolledBack()}.
     *
     * @return the stored file
     */
    public StoredFile commit(Connection c, Staged s, long by, Instant now) throws SQLException {
        String key = now.toString().substring(0, 7) + "/" + UUID.randomUUID();
        long id = Jdbc.insert(c, "INSERT INTO stored_file (storage_key, original_name, content_type, size_bytes, sha256, "
                + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", key, s.name, s.contentType, s.sizeBytes, s.sha256,
                by, now);
        Path target = root.resolve(key);
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(s.temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(s.temp, target);
            }
            s.placed = target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not move an upload into the file store", e);
        }
        return new StoredFile(id, s.name, s.contentType, s.sizeBytes, s.sha256, by, now);
    }

    /** The facts of a file, on the caller's connection. */
    public Optional<StoredFile> find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT id, original_name, content_type, size_bytes, sha256, created_by, created_at FROM stored_file "
                + "WHERE id = ?", rs -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getLong(6), Jdbc.instant(rs, "created_at")), id);
    }

    /**
     * Opens a file for reading after checking its SHA-256 against the stored one (the whole file is
     * read once for that); 500 {@code FILE_CORRUPTED} when the bytes changed or are missing.
     */
    public InputStream open(Connection c, long id) throws SQLException {
        String key = Jdbc.one(c, "SELECT storage_key FROM stored_file WHERE id = ?", rs -> rs.getString(1), id)
                .orElseThrow(() -> new ApiException.NotFound("FILE_NOT_FOUND", "There is no file " + id + "."));
        StoredFile f = find(c, id).orElseThrow();
        Path path = root.resolve(key);
        try {
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(f.sha256())) {
                LOG.error("file {} ({}) fails its checksum: stored {}, on disk {}", id, path, f.sha256(), actual);
                throw corrupted(id);
            }
            return Files.newInputStream(path);
        } catch (IOException e) {
            LOG.error("file {} ({}) cannot be read", id, path, e);
            throw corrupted(id);
        }
    }

    /** Where the bytes of file {@code id} lie (tests and repair tools). */
    public Path pathOf(Connection c, long id) throws SQLException {
        return root.resolve(Jdbc.one(c, "SELECT storage_key FROM stored_file WHERE id = ?", rs -> rs.getString(1), id)
                .orElseThrow());
    }

    private ApiException corrupted(long id) {
        return new ApiException.RuleViolation(HttpStatus.INTERNAL_SERVER_ERROR, "FILE_CORRUPTED", "File " + id
                + " cannot be served: its content no longer matches the checksum taken at upload. The operator has been "
                + "told (logged); please ask them to upload it again.");
    }

    private static ApiException tooLarge(long size, long limit) {
        return new ApiException.RuleViolation(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "FILE_TOO_LARGE", "The file is "
                + (size >= 0 ? "larger than " : "") + "the limit of " + limit / (1024 * 1024) + " MB (" + limit
                + " bytes) per file; nothing was saved. Split or compress it (ZIP) and upload again.");
    }

    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").strip();
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(ch -> ch < 0x20)) {
            throw new ApiException.ValidationFailed("name", "FILE_NAME_REQUIRED",
                    "Give the file's name with its extension (e.g. report.pdf), at most 255 characters.");
        }
        return name;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
