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
import java.util.List;

/**
 * A request body over {@code micronaut.server.max-request-size} (refused by the server before it is
 * read, or as soon as it passes the limit): 413 problem JSON, {@code FILE_TOO_LARGE} on upload routes
 * (paths ending in {@code /results} or {@code /files}), {@code PAYLOAD_TOO_LARGE} elsewhere.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
class TooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ContentLengthExceededException e) {
        String path = request.getPath();
        boolean upload = path.endsWith("/results") || path.endsWith("/files");
        return ProblemHandlers.respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, upload ? "FILE_TOO_LARGE" : "PAYLOAD_TOO_LARGE",
                upload ? "The file is larger than the limit of 100 MB per file; nothing was saved. Split or compress it "
                        + "(ZIP) and upload again." : "The request is larger than this server accepts.", List.of());
    }
}
