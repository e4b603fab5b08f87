package cn.dayi.operator.tariff.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.catalogue.CatalogueReader;
import cn.dayi.marketplace.catalogue.InstrumentDetail;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.tariff.CostFigures;
import cn.dayi.marketplace.tariff.CostPreview;
import cn.dayi.marketplace.tariff.InstrumentCosts;
import cn.dayi.marketplace.tariff.InstrumentRef;
import cn.dayi.marketplace.tariff.SavedCost;
import cn.dayi.marketplace.tariff.ServiceItem;
import cn.dayi.marketplace.tariff.ServiceItems;
import cn.dayi.marketplace.tariff.TariffAccess;
import cn.dayi.marketplace.tariff.TariffVersion;
import cn.dayi.marketplace.tariff.Tariffs;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.pricing.PricingException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's tariff editor, signed in with the session cookie ({@code /sign-in}):
 * <ul>
 *   <li>{@code GET /operator/instruments/{id}/tariff} — cost figures (yuan, %, kW, hours) with a live
 *       calculator (tariff-editor.js calls {@code POST /api/v1/instruments/{id}/cost/preview} as one types)
 *       and the "why this price" breakdown, the tariff to publish, the version history and service items.
 *       The holding operator's staff see it; only its manager (or a platform admin) may change it.</li>
 *   <li>{@code POST /operator/instruments/{id}/tariff} (form, {@link TariffForm}) — without JavaScript too:
 *       {@code action=calculate} shows the calculation (nothing saved), {@code save} saves the figures,
 *       {@code publish} publishes a new version from the saved figures; success redirects (303) back with a
 *       notice, an error shows the form again with what was typed and the reason (400/403/409/422).</li>
 *   <li>{@code POST /operator/instruments/{id}/tariff/items} — adds a service item;
 *       {@code POST …/items/{itemId}/active} ({@code active=true|false}) withdraws or offers it again.</li>
 * </ul>
 */
@Controller("/operator/instruments/{id}/tariff")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TariffEditorController {

    private final ActorResolver actors;
    private final TariffAccess access;
    private final InstrumentCosts costs;
    private final Tariffs tariffs;
    private final ServiceItems items;
    private final CatalogueReader catalogue;
    private final Pages pages;

    public TariffEditorController(ActorResolver actors, TariffAccess access, InstrumentCosts costs, Tariffs tariffs,
                                  ServiceItems items, CatalogueReader catalogue, Pages pages) {
        this.actors = actors;
        this.access = access;
        this.costs = costs;
        this.tariffs = tariffs;
        this.items = items;
        this.catalogue = catalogue;
        this.pages = pages;
    }

    /** The add-item form. */
    @Serdeable
    public record ItemForm(@Nullable String name, @Nullable String nameEn, @Nullable String priceYuan,
                           @Nullable String turnaroundDays, @Nullable String sampleRequirements) {
    }

    /** The form's text fields. */
    public record Plain(String code, String effectiveFrom) {
    }

    /** Withdraw (false) or offer again (true). */
    @Serdeable
    public record ActiveForm(@Nullable String active) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<ModelAndView<Map<String, Object>>> page(HttpRequest<?> request, @Nullable Authentication auth,
                                                                @PathVariable String id, @Nullable @QueryValue String done,
                                                                @Nullable @QueryValue String code,
                                                                @Nullable @QueryValue Integer version) {
        Actor actor = actors.require(auth);
        InstrumentRef instrument = access.instrument(id);
        PageText text = pages.text(request);
        if (!mayView(actor, instrument)) {
            return forbidden(request, instrument, text);
        }
        Optional<SavedCost> saved = costs.find(instrument.id());
        List<TariffVersion> versions = tariffs.versions(Long.toString(instrument.id()));
        TariffVersion latest = versions.stream().max(Comparator.comparing(TariffVersion::createdAt)
                .thenComparing(TariffVersion::id)).orElse(null);
        TariffForm form = TariffForm.of(saved.orElse(null),
                catalogue.instrument(Long.toString(instrument.id())).map(InstrumentDetail::originalValue)
                        .map(m -> m.fen()).orElse(null), latest, nextStart(latest));
        String notice = switch (done == null ? "" : done) {
            case "saved" -> text.get("tariff.editor.saved");
            case "item" -> text.get("tariff.editor.itemSaved");
            case "published" -> versions.stream().filter(v -> v.code().equals(code) && version != null
                    && v.version() == version).findFirst().map(v -> text.get("tariff.editor.published", v.code(),
                    v.version(), v.effectiveFrom().toString())).orElse(null);
            default -> null;
        };
        CostPreview preview = saved.isPresent() ? previewQuietly(actor, instrument, form) : null;
        return HttpResponse.ok(view(request, actor, instrument, form, preview, notice, null, Set.of(), text));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> submit(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable String id,
                                  @Body TariffForm form) {
        Actor actor = actors.require(auth);
        InstrumentRef instrument = access.instrument(id);
        PageText text = pages.text(request);
        if (!mayView(actor, instrument)) {
            return forbidden(request, instrument, text);
        }
        String ref = Long.toString(instrument.id());
        try {
            switch (form.action() == null ? "calculate" : form.action()) {
                case "save" -> {
                    costs.save(actor, ref, form.figures(), null);
                    return redirect(instrument, "done=saved");
                }
                case "publish" -> {
                    CostFigures typed = form.figures();
                    Optional<SavedCost> saved = costs.find(instrument.id());
                    if (saved.isEmpty() || !sameFigures(saved.get().inputs(), typed)) {
                        throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "COST_NOT_SAVED",
                                text.get("tariff.editor.costsFirst"));
                    }
                    TariffVersion v = tariffs.publish(actor, ref, form.tariff());
                    return redirect(instrument, "done=published&code=" + v.code() + "&version=" + v.version());
                }
                default -> {
                    CostPreview preview = costs.preview(actor, ref, previewRequest(form));
                    return HttpResponse.ok(view(request, actor, instrument, form, preview,
                            text.get("tariff.editor.calculated"), null, Set.of(), text));
                }
            }
        } catch (ApiException e) {
            Set<String> fields = Set.copyOf(e.errors().stream().map(f -> TariffForm.formField(f.field())).toList());
            return HttpResponse.status(e.status()).body(view(request, actor, instrument, form, null, null,
                    text.get("tariff.editor.error", e.getMessage()), fields, text));
        } catch (PricingException e) {
            HttpStatus status = e.code() == PricingException.Code.TARIFF_OUTSIDE_GUIDANCE
                    || e.code() == PricingException.Code.MARKUP_ORDER ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
            Set<String> fields = e.field().map(f -> Set.of(TariffForm.formField(f))).orElse(Set.of());
            return HttpResponse.status(status).body(view(request, actor, instrument, form, null, null,
                    text.get("tariff.editor.error", e.getMessage()), fields, text));
        }
    }

    @Post(uri = "/items", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> addItem(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable String id,
                                   @Body ItemForm form) {
        Actor actor = actors.require(auth);
        InstrumentRef instrument = access.instrument(id);
        PageText text = pages.text(request);
        try {
            Integer days = form.turnaroundDays() == null || form.turnaroundDays().isBlank() ? null
                    : parseDays(form.turnaroundDays());
            items.create(actor, Long.toString(instrument.id()), new ServiceItem.Body(form.name(), form.nameEn(),
                    TariffForm.hundredths("priceYuan", form.priceYuan()), form.sampleRequirements(), days, true));
            return redirect(instrument, "done=item");
        } catch (ApiException e) {
            if (e instanceof ApiException.Forbidden) {
                return forbidden(request, instrument, text);
            }
            TariffForm blank = TariffForm.of(costs.find(instrument.id()).orElse(null), null, null, tariffs.today());
            return HttpResponse.status(e.status()).body(view(request, actor, instrument, blank, null, null,
                    text.get("tariff.editor.error", e.getMessage()), Set.of(), text));
        }
    }

    @Post(uri = "/items/{itemId}/active", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> itemActive(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable String id,
                                      @PathVariable long itemId, @Body ActiveForm form) {
        Actor actor = actors.require(auth);
        InstrumentRef instrument = access.instrument(id);
        ServiceItem current = items.of(instrument.id(), false).stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new ApiException.NotFound("SERVICE_ITEM_NOT_FOUND", "No service item " + itemId + "."));
        if (!access.mayManage(actor, instrument)) {
            return forbidden(request, instrument, pages.text(request));
        }
        items.update(actor, Long.toString(instrument.id()), itemId, new ServiceItem.Body(current.name(), current.nameEn(),
                current.unitPriceFen(), current.sampleRequirements(), current.turnaroundDays(),
                "true".equals(form.active())));
        return redirect(instrument, "done=item");
    }

    private ModelAndView<Map<String, Object>> view(HttpRequest<?> request, Actor actor, InstrumentRef instrument,
                                                   TariffForm form, CostPreview preview, String notice, String error,
                                                   Set<String> invalid, PageText text) {
        Map<String, Object> model = pages.model(request, text.get("tariff.editor.title", instrument.name()), "operator");
        LocalDate today = tariffs.today();
        List<TariffVersion> versions = tariffs.versions(Long.toString(instrument.id()));
        model.put("instrument", instrument);
        var values = form.values();
        model.put("f", new Plain(values.get("code"), values.get("effectiveFrom")));
        model.put("costFields", EditorView.fields(EditorView.COST_FIELDS, values, invalid, text));
        model.put("tariffFields", EditorView.fields(EditorView.TARIFF_FIELDS, values, invalid, text));
        model.put("codeInvalid", invalid.contains("code"));
        model.put("effectiveFromInvalid", invalid.contains("effectiveFrom"));
        model.put("calc", EditorView.calc(preview, text));
        model.put("versions", EditorView.versions(versions, today, text));
        model.put("items", EditorView.items(items.of(instrument.id(), false), text));
        model.put("units", EditorView.units(form.chargeUnit() == null ? null : safeUnit(form), text));
        model.put("notice", notice);
        model.put("error", error);
        model.put("invalid", invalid);
        model.put("canManage", access.mayManage(actor, instrument));
        model.put("forbidden", false);
        model.put("previewUrl", "/api/v1/instruments/" + instrument.id() + "/cost/preview");
        return new ModelAndView<>("tariff-editor", model);
    }

    private HttpResponse<ModelAndView<Map<String, Object>>> forbidden(HttpRequest<?> request, InstrumentRef instrument,
                                                                      PageText text) {
        Map<String, Object> model = pages.model(request, text.get("tariff.editor.title", instrument.name()), "operator");
        model.put("message", text.get("tariff.editor.forbidden"));
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(HttpStatus.FORBIDDEN)
                .body(new ModelAndView<>("not-found", model));
    }

    private boolean mayView(Actor actor, InstrumentRef instrument) {
        try {
            access.requireStaff(actor, instrument);
            return true;
        } catch (ApiException.Forbidden e) {
            return false;
        }
    }

    private CostPreview previewQuietly(Actor actor, InstrumentRef instrument, TariffForm form) {
        try {
            return costs.preview(actor, Long.toString(instrument.id()), previewRequest(form));
        } catch (ApiException | PricingException e) {
            return null;
        }
    }

    private static CostPreview.Request previewRequest(TariffForm form) {
        var t = form.tariff();
        return new CostPreview.Request(form.figures(), t.chargeUnit(), t.academicMarkupBp(), t.commercialMarkupBp());
    }

    private LocalDate nextStart(TariffVersion latest) {
        LocalDate today = tariffs.today();
        return latest == null || latest.effectiveFrom().isBefore(today) ? today : latest.effectiveFrom().plusDays(1);
    }

    private static cn.dayi.pricing.tariff.ChargeUnit safeUnit(TariffForm form) {
        try {
            return form.unit();
        } catch (ApiException e) {
            return null;
        }
    }

    /** Compares typed and saved figures as the cost model sees them (defaults filled in). */
    private static boolean sameFigures(CostFigures saved, CostFigures typed) {
        try {
            var a = saved.toInputs();
            var b = typed.toInputs();
            return a.originalValueFen() == b.originalValueFen() && a.residualRateBp() == b.residualRateBp()
                    && a.usefulLifeYears() == b.usefulLifeYears() && a.annualStaffCostFen() == b.annualStaffCostFen()
                    && a.annualMaintenanceFen() == b.annualMaintenanceFen()
                    && a.powerKw().compareTo(b.powerKw()) == 0 && a.electricityFenPerKwh() == b.electricityFenPerKwh()
                    && a.annualFacilityOverheadFen() == b.annualFacilityOverheadFen()
                    && a.consumablesPerSampleFen() == b.consumablesPerSampleFen()
                    && a.samplesPerHour().compareTo(b.samplesPerHour()) == 0
                    && a.expectedAnnualHours() == b.expectedAnnualHours();
        } catch (PricingException e) {
            return false;
        }
    }

    private static Integer parseDays(String text) {
        try {
            return new BigDecimal(text.strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ApiException.ValidationFailed("turnaroundDays", "INVALID_PARAMETER",
                    "turnaroundDays must be a whole number of working days.");
        }
    }

    private static HttpResponse<?> redirect(InstrumentRef instrument, String query) {
        return HttpResponse.seeOther(URI.create(UriBuilder.of("/operator/instruments/" + instrument.id() + "/tariff")
                .build() + "?" + query));
    }
}
