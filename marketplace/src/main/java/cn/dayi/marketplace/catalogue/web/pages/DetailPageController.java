package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.catalogue.CatalogueReader;
import cn.dayi.marketplace.catalogue.InstrumentDetail;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.View;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /instruments/{idOrCode}} — one instrument by numeric id or public code ({@code DY…}):
 * name, model, manufacturer, country, original value, purchase date, funding source, category,
 * owner, department, address, district, a small map when it has coordinates, technical
 * parameters, sample requirements, services, contact, sharing mode, status, source, and a badge
 * for demo data. Read from the database, so it works while search is down. An unknown id or code
 * answers a friendly "not found" page (HTTP 404).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/instruments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DetailPageController {

    private static final int MAX_ID_LENGTH = 64;

    private final CatalogueReader reader;
    private final Pages pages;
    private final JsonMapper json;

    public DetailPageController(CatalogueReader reader, Pages pages, JsonMapper json) {
        this.reader = reader;
        this.pages = pages;
        this.json = json;
    }

    @Get(uri = "/{idOrCode}", produces = MediaType.TEXT_HTML)
    @View("detail")
    public Map<String, Object> detail(HttpRequest<?> request, @PathVariable String idOrCode) {
        String key = idOrCode.strip();
        Optional<InstrumentDetail> found = key.isEmpty() || key.length() > MAX_ID_LENGTH ? Optional.empty()
                : reader.instrument(key);
        InstrumentDetail d = found.orElseThrow(() -> new UnknownInstrument(key));
        PageText text = pages.text(request);
        QueryLinks links = QueryLinks.of("/instruments/" + d.code(), request.getParameters());
        Map<String, Object> model = pages.model(request, links, text, d.name(), "search");
        String markers = d.location() == null ? null : toJson(List.of(new ResultItems.Marker(d.location().lat(),
                d.location().lon(), d.name(), "/instruments/" + d.code(), d.model() == null ? "" : d.model(), 1)));
        model.put("instrument", DetailView.of(d, text, markers));
        return model;
    }

    /** The "not found" page for an unknown id or code (HTTP 404). */
    @Error(exception = UnknownInstrument.class)
    public HttpResponse<ModelAndView<Map<String, Object>>> unknown(HttpRequest<?> request, UnknownInstrument e) {
        PageText text = pages.text(request);
        QueryLinks links = QueryLinks.of(request.getPath(), request.getParameters());
        Map<String, Object> model = pages.model(request, links, text, text.get("notFound.instrument.title"), "search");
        model.put("message", text.get("notFound.instrument.text", e.idOrCode()));
        return HttpResponse.notFound(new ModelAndView<>("not-found", model));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No instrument has this id or code. */
    static final class UnknownInstrument extends RuntimeException {
        private final String idOrCode;

        UnknownInstrument(String idOrCode) {
            super("no instrument " + idOrCode, null, false, false);
            this.idOrCode = idOrCode.length() > MAX_ID_LENGTH ? idOrCode.substring(0, MAX_ID_LENGTH) + "…" : idOrCode;
        }

        String idOrCode() {
            return idOrCode;
        }
    }
}
