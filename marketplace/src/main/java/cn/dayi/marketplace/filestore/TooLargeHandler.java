package cn.dayi.marketplace.filestore;

import cn.dayi.marketplace.web.Problem;
import cn.dayi.marketplace.web.ProblemHandlers;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body over {@code micronaut.server.max-request-size} (refused by the server before it is
 * read, or as soon as it passes the limit): 413 problem JSON, {@code FILE_TOO_LARGE} on upload routes
 * (paths ending in {@code /results} or {@code /files}), {@code PAYLOAD_TOO_LARGE} elsewhere. The operator's
 * result-upload form ({@code POST /operator/orders/{id}/results}) is sent back to the order page with the
 * reason instead, as its other refusals are.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
class TooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    private static final Pattern UPLOAD_PAGE = Pattern.compile("/operator/orders/(\\d{1,18})/results");

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException e) {
        String path = request.getPath();
        Matcher page = UPLOAD_PAGE.matcher(path);
        if (page.matches()) {
            return HttpResponse.seeOther(URI.create("/orders/" + page.group(1) + "?error=" + URLEncoder.encode(
                    "The file is larger than the limit this server accepts; nothing was saved. Split or compress it "
                            + "(ZIP) and upload again.", StandardCharsets.UTF_8)));
        }
        boolean upload = path.endsWith("/results") || path.endsWith("/files");
        return ProblemHandlers.respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, upload ? "FILE_TOO_LARGE" : "PAYLOAD_TOO_LARGE",
                upload ? "The file is larger than the limit of 100 MB per file; nothing was saved. Split or compress it "
                        + "(ZIP) and upload again." : "The request is larger than this server accepts.", List.of());
    }
}
