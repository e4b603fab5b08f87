package cn.dayi.marketplace.account.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Licences;
import cn.dayi.marketplace.filestore.StoredFile;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Business licences (营业执照) of enterprises waiting for verification; rules and errors on {@link Licences}.
 * <ul>
 *   <li>{@code PUT /api/v1/organisations/{id}/licence?name=licence.pdf} — the file as the raw body (a
 *       BUYER_MEMBER of the enterprise) → 201 {@link StoredFile} (size in bytes, SHA-256)</li>
 *   <li>{@code GET /api/v1/organisations/{id}/licence} — the latest licence as an attachment with
 *       {@code X-Content-SHA256} (the enterprise's members, platform admins; else 404 {@code LICENCE_NOT_FOUND})</li>
 *   <li>{@code POST /account/organisations/{id}/licence} — the account page's multipart form (part {@code file});
 *       back to {@code /account?licence=uploaded}, or {@code /account?licenceError=CODE} which the page explains
 *       (404 {@code LICENCE_NOT_FOUND} for someone not a member, as in the API)</li>
 * </ul>
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Accounts")
public class LicenceController {

    private final ActorResolver actors;
    private final Licences licences;

    public LicenceController(ActorResolver actors, Licences licences) {
        this.actors = actors;
        this.licences = licences;
    }

    @Put(value = "/api/v1/organisations/{id}/licence", consumes = MediaType.ALL)
    public HttpResponse<StoredFile> upload(@Nullable Authentication auth, @PathVariable long id,
                                           @Nullable @QueryValue String name,
                                           @Nullable @Header("Content-Length") Long contentLength,
                                           @Nullable @Body InputStream body) {
        return HttpResponse.created(licences.upload(actors.require(auth), id, name,
                contentLength == null ? -1 : contentLength, body == null ? InputStream.nullInputStream() : body));
    }

    @Get("/api/v1/organisations/{id}/licence")
    public HttpResponse<StreamedFile> download(@Nullable Authentication auth, @PathVariable long id) {
        Licences.Download d = licences.download(actors.require(auth), id);
        StreamedFile file = new StreamedFile(d.content(), MediaType.of(d.file().contentType()),
                d.file().uploadedAt().toEpochMilli(), d.file().sizeBytes()).attach(d.file().name());
        return HttpResponse.ok(file).header("X-Content-SHA256", d.file().sha256())
                .header("X-Content-Type-Options", "nosniff");
    }

    @Post(value = "/account/organisations/{id}/licence", consumes = MediaType.MULTIPART_FORM_DATA,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> uploadOnPage(@Nullable Authentication auth, @PathVariable long id,
                                        @Nullable @Part("file") CompletedFileUpload file) throws IOException {
        var actor = actors.require(auth);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return back("licenceError=FILE_REQUIRED");
        }
        try (InputStream in = file.getInputStream()) {
            licences.upload(actor, id, file.getFilename(), file.getSize(), in);
            return back("licence=uploaded");
        } catch (ApiException e) {
            if (e.status().getCode() == 403 || e.status().getCode() == 404) {
                throw e; // not theirs: the same refusal as the API, no page that hints at the organisation
            }
            return back("licenceError=" + e.code());
        }
    }

    private static HttpResponse<?> back(String query) {
        return HttpResponse.seeOther(URI.create("/account?" + query + "#licence"));
    }
}
