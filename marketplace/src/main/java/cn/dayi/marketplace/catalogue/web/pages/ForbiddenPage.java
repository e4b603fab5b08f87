package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.web.ApiException;
import cn.dayi.marketplace.web.ProblemHandlers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * A signed-in person who opens a page their roles do not allow sees a page that says so (HTTP 403),
 * with the reason and the way back, instead of problem JSON; API clients still get problem JSON.
 */
@Singleton
public class ForbiddenPage implements ExceptionHandler<ApiException.Forbidden, HttpResponse<?>> {

    private final Pages pages;
    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> views;

    public ForbiddenPage(Pages pages, ViewsRenderer<Map<String, Object>, HttpRequest<?>> views) {
        this.pages = pages;
        this.views = views;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ApiException.Forbidden e) {
        // browsers name text/html explicitly (and */* after it); API clients and curl do not
        boolean browser = request.getHeaders().accept().stream()
                .anyMatch(m -> "text".equals(m.getType()) && "html".equals(m.getSubtype()));
        if (!browser) {
            return ProblemHandlers.respond(e.status(), e.code(), e.getMessage(), e.errors());
        }
        PageText text = pages.text(request);
        Map<String, Object> model = pages.model((HttpRequest<?>) request, text.get("forbidden.title"), "home");
        model.put("message", e.getMessage());
        // rendered here: responses of exception handlers do not pass through the views filter
        StringWriter html = new StringWriter();
        try {
            views.render("forbidden", model, (HttpRequest<?>) request).writeTo(html);
        } catch (IOException io) {
            return ProblemHandlers.respond(e.status(), e.code(), e.getMessage(), e.errors());
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE).body(html.toString());
    }
}
