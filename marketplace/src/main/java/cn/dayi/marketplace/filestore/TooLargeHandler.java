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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body over {@code micronaut.server.max-request-size} (refused by the server before it is
 * read, or as soon as it passes the limit): 413 problem JSON, {@code FILE_TOO_LARGE} on upload routes
 * (paths ending in {@code /results}, {@code /files} or {@code /licence}), {@code PAYLOAD_TOO_LARGE} elsewhere.
 */
@Singleton
@Replaces(ContentLengthExceededHandler.class)
class TooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ContentLengthExceededException e) {
        String path = request.getPath();
        boolean upload = path.endsWith("/results") || path.endsWith("/files")
                || path.endsWith("/licence");
        return ProblemHandlers.respond(HttpStatus.REQUEST_ENTITY_TOO_LARGE, upload ? "FILE_TOO_LARGE" : "PAYLOAD_TOO_LARGE",
                upload ? "The file is larger than " + limitOf(e) + "; nothing was saved. Split or compress it "
                        + "(ZIP) and upload again." : "The request is larger than this server accepts.", List.of());
    }

    private static final Pattern MAX = Pattern.compile("maximum allowed content length \\[(\\d+)]");

    /** The limit the server applied (request size, or a page form's file size), in words. */
    private static String limitOf(ContentLengthExceededException e) {
        Matcher m = e.getMessage() == null ? null : MAX.matcher(e.getMessage());
        if (m != null && m.find()) {
            long bytes = Long.parseLong(m.group(1));
            return "the limit of " + bytes / (1024 * 1024) + " MB (" + bytes + " bytes) for this upload";
        }
        return "this upload accepts";
    }
}
