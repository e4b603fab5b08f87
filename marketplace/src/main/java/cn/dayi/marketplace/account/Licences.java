package cn.dayi.marketplace.account;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.filestore.FileKind;
import cn.dayi.marketplace.filestore.FileStore;
import cn.dayi.marketplace.filestore.StoredFile;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Business licences (营业执照) for an enterprise's real-name verification: a member of the enterprise
 * uploads a scan (PDF, PNG or JPEG, at most 10 MiB, type checked from the bytes, SHA-256 kept — see
 * {@link FileStore}); the platform admin who verifies the enterprise opens it. An enterprise may upload
 * again while it is not verified; the latest upload is the one shown. Uploading after a rejection
 * puts the enterprise back in the queue (REJECTED → PENDING, the old reason cleared), so a rejected
 * enterprise answers with a better scan instead of registering again.
 *
 * <p>Who: uploading — the enterprise's BUYER_MEMBERs; reading — its members and platform admins;
 * anyone else gets 404 {@code LICENCE_NOT_FOUND} (no hint that the organisation exists).
 *
 * <p>Errors: 409 {@code ALREADY_VERIFIED} (a verified enterprise's licence is settled; ask a platform
 * admin), 404 {@code LICENCE_NOT_FOUND}, and the file store's 413 {@code FILE_TOO_LARGE}, 415
 * {@code FILE_TYPE_NOT_ALLOWED} / {@code FILE_TYPE_MISMATCH}, 400 {@code FILE_EMPTY} /
 * {@code FILE_NAME_REQUIRED}. Nothing is saved unless the file is accepted.
 */
@Singleton
public class Licences {

    /** A file as read for download: its facts and its bytes, checksum already verified. */
    public record Download(StoredFile file, InputStream content) {
    }

    private final Jdbc jdbc;
    private final FileStore files;
    private final Clock clock;

    public Licences(Jdbc jdbc, FileStore files, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
    }

    /**
     * A BUYER_MEMBER of the enterprise uploads its licence; the body is streamed to a temporary file and
     * checked before anything is recorded.
     *
     * @param declaredLength Content-Length of the upload, -1 when unknown
     */
    public StoredFile upload(Actor actor, long organisationId, String fileName, long declaredLength, InputStream body) {
        if (!actor.hasRoleIn(organisationId, Role.BUYER_MEMBER)) {
            throw notFound(organisationId);
        }
        requireOpen(status(organisationId));
        try (FileStore.Staged staged = files.stage(body, fileName, declaredLength, FileKind.LICENCE)) {
            Instant now = clock.instant();
            try {
                return jdbc.write(c -> {
                    String state = Jdbc.one(c, "SELECT verification FROM organisation WHERE id = ? FOR UPDATE",
                            rs -> rs.getString(1), organisationId).orElseThrow(() -> notFound(organisationId));
                    requireOpen(state);
                    StoredFile f = files.commit(c, staged, actor.personId(), now);
                    Jdbc.update(c, "INSERT INTO organisation_licence (organisation_id, file_id, uploaded_by, uploaded_at) "
                            + "VALUES (?, ?, ?, ?)", organisationId, f.id(), actor.personId(), now);
                    if ("REJECTED".equals(state)) {
                        Jdbc.update(c, "UPDATE organisation SET verification = 'PENDING', verification_note = NULL "
                                + "WHERE id = ?", organisationId);
                    }
                    return f;
                });
            } catch (RuntimeException e) {
                staged.rolledBack();
                throw e;
            }
        }
    }

    /** The latest licence of an organisation, if any (for the admin's and the members' pages). */
    public Optional<StoredFile> latest(long organisationId) {
        return jdbc.read(c -> latest(c, organisationId));
    }

    /** The latest licence for download: the organisation's members and platform admins only. */
    public Download download(Actor actor, long organisationId) {
        if (!actor.isPlatformAdmin() && actor.memberships().stream().noneMatch(m -> m.organisationId() == organisationId)) {
            throw notFound(organisationId);
        }
        return jdbc.read(c -> {
            StoredFile f = latest(c, organisationId).orElseThrow(() -> notFound(organisationId));
            return new Download(f, files.open(c, f.id()));
        });
    }

    private Optional<StoredFile> latest(Connection c, long organisationId) throws SQLException {
        Optional<Long> id = Jdbc.one(c, "SELECT file_id FROM organisation_licence WHERE organisation_id = ? "
                + "ORDER BY id DESC LIMIT 1", rs -> rs.getLong(1), organisationId);
        return id.isEmpty() ? Optional.empty() : files.find(c, id.get());
    }

    private String status(long organisationId) {
        return jdbc.read(c -> Jdbc.one(c, "SELECT verification FROM organisation WHERE id = ?", rs -> rs.getString(1),
                organisationId)).orElseThrow(() -> notFound(organisationId));
    }

    private static void requireOpen(String verification) {
        if ("VERIFIED".equals(verification)) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "ALREADY_VERIFIED", "The organisation is verified "
                    + "already; its business licence is settled. Ask a platform admin if the licence changed.");
        }
    }

    private static ApiException notFound(long organisationId) {
        return new ApiException.NotFound("LICENCE_NOT_FOUND", "There is no business licence of organisation "
                + organisationId + " that you may see.");
    }
}
