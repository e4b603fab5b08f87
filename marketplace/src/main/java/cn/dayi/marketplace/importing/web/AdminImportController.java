package cn.dayi.marketplace.importing.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportRejectedException;
import cn.dayi.marketplace.importing.ImportReport;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * {@code POST /api/v1/admin/imports} (multipart: {@code file}, {@code format} = {@code uniquip} |
 * {@code dayi-csv}, optional {@code source} and {@code owner}) — the same import pipeline as
 * {@code ./dayi import}, for platform admins. Answers 200 with the row report
 * ({@link ImportReport}: rows read, inserted, updated, unchanged, skipped rows with reasons, invalid
 * rows with row, field, code and reason). Errors: 400 {@code UNKNOWN_FORMAT}, {@code FILE_REQUIRED},
 * the format's own code when the file is not that format at all; 413 {@code PAYLOAD_TOO_LARGE}
 * above 50 MB; 401/403 for anyone but a platform admin.
 */
@Controller("/api/v1/admin/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Administration")
public class AdminImportController {

    private static final Set<String> UPLOAD_FORMATS = Set.of("uniquip", "dayi-csv");

    private final ActorResolver actors;
    private final CatalogueImporter importer;

    public AdminImportController(ActorResolver actors, CatalogueImporter importer) {
        this.actors = actors;
        this.importer = importer;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a catalogue file (uniquip or Dayi CSV) and get the row report")
    public ImportReport upload(@Nullable Authentication auth, @Nullable @Part("file") CompletedFileUpload file,
                               @Nullable @Part("format") String format, @Nullable @Part("source") String source,
                               @Nullable @Part("owner") String owner) throws IOException {
        actors.require(auth).requireRole(Role.PLATFORM_ADMIN);
        if (format == null || !UPLOAD_FORMATS.contains(format)) {
            throw new ImportRejectedException("UNKNOWN_FORMAT",
                    "Say which format the file is in: format=uniquip or format=dayi-csv.");
        }
        if (file == null || file.getSize() == 0) {
            throw new ApiException.ValidationFailed("file", "FILE_REQUIRED", "Attach the catalogue file as the part 'file'.");
        }
        String sourceName = source != null && !source.isBlank() ? source : baseName(file.getFilename());
        try (InputStream in = file.getInputStream()) {
            return importer.importFile(format, in, new ImportOptions(sourceName, owner, 0), ImportProgress.NONE);
        }
    }

    private static String baseName(String filename) {
        String name = filename == null ? "upload" : filename.replaceAll(".*[/\\\\]", "");
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
