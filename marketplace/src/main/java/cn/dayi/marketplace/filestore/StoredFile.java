package cn.dayi.marketplace.filestore;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A file in the store, as the API shows it.
 *
 * @param id           the file's id
 * @param name         the name it was uploaded with (no folders)
 * @param contentType  the media type, detected from the bytes and consistent with the name
 * @param sizeBytes    size in bytes
 * @param sha256       SHA-256 of the bytes, lower-case hex; checked whenever the file is read
 * @param uploadedBy   person id of the uploader
 * @param uploadedAt   when (UTC)
 */
@Serdeable
public record StoredFile(long id, String name, String contentType, long sizeBytes, String sha256, long uploadedBy,
                         Instant uploadedAt) {
}
