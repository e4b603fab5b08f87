package cn.dayi.operator.booking;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Availability;
import cn.dayi.marketplace.booking.BankTransfer;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.Incidents;
import cn.dayi.marketplace.booking.OrderKind;
import cn.dayi.marketplace.booking.OrderLifecycle;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.OrderLifecycle.Transition;
import cn.dayi.marketplace.booking.Reviews;
import cn.dayi.marketplace.booking.TestingOrders;
import cn.dayi.marketplace.booking.OrderState;
import cn.dayi.marketplace.booking.Qualifications;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.booking.web.OrderView;
import cn.dayi.marketplace.booking.web.WeekCalendar;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.entrustment.Fleet;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.views.ModelAndView;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's order pages (signed in; the same services as the API decide who may do what):
 * <ul>
 *   <li>{@code GET /operator/{operatorId}/orders} — the inbox: SUBMITTED orders to accept or reject (a reason is
 *       required), orders awaiting payment with the bank-transfer form;</li>
 *   <li>{@code POST /operator/orders/{id}/{command}} (the operator commands of the order's kind: accept, reject,
 *       check-in, check-out, no-show for machine time; accept, reject, receive-samples, deliver for testing orders;
 *       anything else 404; form: reason, back) and {@code POST /operator/orders/{id}/bank-transfer} (form: amountYuan,
 *       reference, back);</li>
 *   <li>testing-service orders (送样检测): the inbox lists those under way and quotes those with items on request;
 *       {@code POST /operator/orders/{id}/quote} (form: {@code price-<lineId>} in yuan per sample, note, back),
 *       {@code POST /operator/orders/{id}/results} (multipart: file; the file store of the API, its refusals said on
 *       the order page), {@code POST /operator/orders/{id}/review-reply} (form: reply);</li>
 *   <li>{@code GET /operator/instruments/{id}/schedule?week=} — a week of bookings, blackouts and incidents with
 *       the actions open on each booking; {@code POST /operator/instruments/{id}/incidents} (form: description)
 *       reports a fault, {@code POST /operator/incidents/{id}/resolve} (form: description) resolves it;</li>
 *   <li>{@code GET /operator/{operatorId}/qualifications} — the qualification register with the grant form;
 *       {@code POST /operator/{operatorId}/qualifications} (form: instrument, email, trainedOn, validUntil, note)
 *       grants, {@code POST /operator/qualifications/{id}/revoke} (form: reason) revokes.</li>
 * </ul>
 * After an action the page comes back with what was done ({@code done}) or why not ({@code error}).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OrderPagesController {

    /** Testing orders listed in the inbox while under way (quoted, paid, being tested, delivered or reviewed). */
    private static final java.util.Set<OrderState> TESTING_UNDER_WAY = java.util.EnumSet.of(OrderState.ACCEPTED,
            OrderState.CONFIRMED, OrderState.IN_SERVICE, OrderState.COMPLETED, OrderState.REVIEWED);

    private final ActorResolver actors;
    private final Bookings bookings;
    private final Availability availability;
    private final Incidents incidents;
    private final Qualifications qualifications;
    private final WeekCalendar calendar;
    private final Fleet fleet;
    private final Organisations organisations;
    private final Pages pages;
    private final TestingOrders testing;
    private final Reviews reviews;

    public OrderPagesController(ActorResolver actors, Bookings bookings, Availability availability, Incidents incidents,
                                Qualifications qualifications, WeekCalendar calendar, Fleet fleet,
                                Organisations organisations, Pages pages, TestingOrders testing, Reviews reviews) {
        this.testing = testing;
        this.reviews = reviews;
        this.actors = actors;
        this.bookings = bookings;
        this.availability = availability;
        this.incidents = incidents;
        this.qualifications = qualifications;
        this.calendar = calendar;
        this.fleet = fleet;
        this.organisations = organisations;
        this.pages = pages;
    }

    /** Why (reject, revoke) and where to go back to. */
    @Serdeable
    public record ActionForm(@Nullable String reason, @Nullable String back) {
    }

    /** A bank transfer as typed: yuan with up to two decimals, the bank's reference. */
    @Serdeable
    public record TransferForm(@Nullable String amountYuan, @Nullable String reference, @Nullable String back) {
    }

    /** A fault or what was done about it. */
    @Serdeable
    public record IncidentForm(@Nullable String description, @Nullable String back) {
    }

    /** A qualification to grant. */
    @Serdeable
    public record GrantForm(@Nullable String instrument, @Nullable String email, @Nullable LocalDate trainedOn,
                            @Nullable LocalDate validUntil, @Nullable String note) {
    }

    /**
     * An order with the actions open to the viewer; {@code quoteLines} are the lines of a testing order
     * priced on request (面议) that the viewer may quote now, else empty.
     */
    public record Row(OrderView order, List<String> actions, boolean canTakePayment, List<QuoteLine> quoteLines) {
    }

    /** A line of a testing order waiting for the operator's price per sample. */
    public record QuoteLine(long id, String name, int samples) {
    }

    /** The operator's reply to a review. */
    @Serdeable
    public record ReplyForm(@Nullable String reply) {
    }

    /** One day of the schedule. */
    public record ScheduleDay(String weekday, String date, List<Row> bookings, List<Span> blackouts) {
    }

    /** A blackout or incident as shown: local time window, kind, note. */
    public record Span(String when, String kind, @Nullable String note) {
    }

    /** An incident as shown. */
    public record IncidentRow(long id, String reportedAt, String reportedBy, String description, boolean open,
                              @Nullable String resolvedAt, @Nullable String resolvedBy, @Nullable String resolution) {
    }

    /** A register entry as shown. */
    public record QualificationRow(long id, String instrumentCode, String instrumentName, String person, String email,
                                   String trainedOn, String validUntil, @Nullable String note, String grantedBy,
                                   boolean valid, boolean revoked, @Nullable String revokeReason) {
    }

    // ---- inbox ----

    @Get(value = "/operator/{operatorId}/orders", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> inbox(HttpRequest<?> request, @Nullable Authentication auth,
                                                   @PathVariable long operatorId, @Nullable @QueryValue String done,
                                                   @Nullable @QueryValue String error) {
        Actor actor = actors.require(auth);
        PageText text = pages.text(request);
        List<ServiceOrder> submitted = bookings.ofOperator(actor, operatorId, OrderState.SUBMITTED);
        List<ServiceOrder> unpaid = bookings.ofOperator(actor, operatorId, OrderState.AWAITING_PAYMENT);
        Map<String, Object> model = pages.model(request, text.get("booking.inbox.title"), "operator");
        model.put("operator", organisations.get(operatorId));
        model.put("submitted", rows(actor, submitted, text));
        model.put("unpaid", rows(actor, unpaid, text));
        model.put("testing", rows(actor, bookings.ofOperator(actor, operatorId, null).stream()
                .filter(o -> OrderKind.TESTING.name().equals(o.kind()) && TESTING_UNDER_WAY.contains(o.state()))
                .sorted(Comparator.comparing(ServiceOrder::id)).toList(), text));
        model.put("back", "/operator/" + operatorId + "/orders");
        model.put("done", done);
        model.put("error", error);
        return new ModelAndView<>("operator-inbox", model);
    }

    @Post(value = "/operator/orders/{id}/{command}", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> command(@Nullable Authentication auth, @PathVariable long id, @PathVariable String command,
                                   @Nullable @Body ActionForm form) {
        Actor actor = actors.require(auth);
        Command c;
        try {
            c = Command.valueOf(command.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            throw new ApiException.NotFound("NOT_FOUND", "There is no action '" + command + "'.");
        }
        // operator commands of the order's kind only; those with a form of their own (bank transfer, quote) have
        // their own routes
        OrderKind kind = OrderKind.valueOf(bookings.get(actor, id).kind()); // 404 for outsiders
        Transition row = OrderLifecycle.of(c);
        if (row.by() != OrderLifecycle.Party.OPERATOR || !row.appliesTo(kind) || c == Command.RECORD_BANK_TRANSFER
                || c == Command.QUOTE) {
            throw new ApiException.NotFound("NOT_FOUND", "There is no operator action '" + command + "' for "
                    + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + " orders.");
        }
        String back = back(form == null ? null : form.back(), id);
        try {
            bookings.command(actor, id, c, form == null ? null : form.reason());
            return redirect(back, "done", c.name());
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return redirect(back, "error", "#" + id + ": " + e.getMessage());
        }
    }

    @Post(value = "/operator/orders/{id}/bank-transfer", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> bankTransfer(@Nullable Authentication auth, @PathVariable long id, @Body TransferForm form) {
        Actor actor = actors.require(auth);
        String back = back(form.back(), id);
        try {
            bookings.recordBankTransfer(actor, id, new BankTransfer(fen(form.amountYuan()), form.reference()));
            return redirect(back, "done", Command.RECORD_BANK_TRANSFER.name());
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return redirect(back, "error", "#" + id + ": " + e.getMessage());
        }
    }

    // ---- testing-service orders (送样检测) ----

    /** The quote form: {@code price-<lineId>} in yuan per sample for every line on request, note, back. */
    @Post(value = "/operator/orders/{id}/quote", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> quote(@Nullable Authentication auth, @PathVariable long id,
                                 @Nullable @Body Map<String, Object> body) {
        Actor actor = actors.require(auth);
        Map<String, Object> form = body == null ? Map.of() : body;
        String back = back(value(form, "back"), id);
        try {
            List<TestingOrders.QuotedLine> lines = new ArrayList<>();
            for (String key : form.keySet().stream().filter(k -> k.matches("price-\\d{1,18}")).sorted().toList()) {
                lines.add(new TestingOrders.QuotedLine(Long.parseLong(key.substring("price-".length())),
                        fen(value(form, key), "unitPriceFen", "Give the price per sample in yuan, with at most two "
                                + "decimals (e.g. 1200 or 1200.50).")));
            }
            testing.quote(actor, id, new TestingOrders.Quote(lines, value(form, "note")));
            return redirect(back, "done", Command.QUOTE.name());
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return redirect(back, "error", "#" + id + ": " + e.getMessage());
        }
    }

    /** A result file (multipart part {@code file}), stored by the same file store as the API; back to the order. */
    @Post(value = "/operator/orders/{id}/results", consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> upload(@Nullable Authentication auth, @PathVariable long id,
                                  @Nullable @Part("file") CompletedFileUpload file) {
        Actor actor = actors.require(auth);
        String back = "/orders/" + id;
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            testing.addResult(actor, id, file == null ? null : file.getFilename(), file == null ? -1 : file.getSize(), in);
            return redirect(back, "done", "RESULT_UPLOADED");
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return redirect(back, "error", e.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The operator's reply to the order's review (once). */
    @Post(value = "/operator/orders/{id}/review-reply", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> reply(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body ReplyForm form) {
        Actor actor = actors.require(auth);
        String back = "/orders/" + id;
        try {
            reviews.reply(actor, id, new Reviews.Reply(form == null ? null : form.reply()));
            return redirect(back, "done", "REVIEW_REPLIED");
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return redirect(back, "error", e.getMessage());
        }
    }

    private static String value(Map<String, Object> form, String key) {
        Object v = form.get(key);
        if (v instanceof List<?> l) {
            v = l.isEmpty() ? null : l.get(0);
        }
        return v == null ? null : v.toString();
    }

    // ---- schedule and incidents ----

    @Get(value = "/operator/instruments/{id}/schedule", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> schedule(HttpRequest<?> request, @Nullable Authentication auth,
                                                      @PathVariable String id, @Nullable @QueryValue String week,
                                                      @Nullable @QueryValue String done, @Nullable @QueryValue String error) {
        Actor actor = actors.require(auth);
        ServiceOrder.Ref instrument = availability.describe(id);
        long operatorId = holder(actor, instrument);
        PageText text = pages.text(request);
        LocalDate monday = calendar.monday(week);
        Instant from = monday.atStartOfDay(ClockFactory.SHANGHAI).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(ClockFactory.SHANGHAI).toInstant();
        List<ServiceOrder> orders = bookings.ofOperator(actor, operatorId, null).stream()
                .filter(o -> o.start() != null) // machine time only: testing orders have no slot
                .filter(o -> o.instrument().id() == instrument.id() && o.start().isBefore(to) && o.end().isAfter(from))
                .filter(o -> o.state().holdsSlots() || o.state() == OrderState.NO_SHOW)
                .sorted(Comparator.comparing(ServiceOrder::start)).toList();
        List<Availability.Blackout> blackouts = availability.blackoutsOf(id, from, to);
        List<ScheduleDay> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = monday.plusDays(i);
            Instant ds = d.atStartOfDay(ClockFactory.SHANGHAI).toInstant();
            Instant de = d.plusDays(1).atStartOfDay(ClockFactory.SHANGHAI).toInstant();
            days.add(new ScheduleDay(d.getDayOfWeek().name(), d.toString().substring(5),
                    rows(actor, orders.stream().filter(o -> !o.start().isBefore(ds) && o.start().isBefore(de)).toList(), text),
                    blackouts.stream().filter(b -> b.start().isBefore(de) && b.end().isAfter(ds))
                            .map(b -> new Span(OrderView.time(b.start()) + " – " + OrderView.time(b.end()), b.reason(), b.note()))
                            .toList()));
        }
        List<IncidentRow> incidentRows = incidents.of(actor, id, false).stream().map(n -> new IncidentRow(n.id(),
                OrderView.time(n.reportedAt()), n.reportedByName(), n.description(), n.open(),
                n.resolvedAt() == null ? null : OrderView.time(n.resolvedAt()), n.resolvedByName(), n.resolution())).toList();
        String self = "/operator/instruments/" + instrument.id() + "/schedule";
        Map<String, Object> model = pages.model(request, text.get("booking.schedule.title", instrument.code()), "operator");
        model.put("instrument", instrument);
        model.put("operatorId", operatorId);
        model.put("days", days);
        model.put("weekOf", monday.toString());
        model.put("weekEnd", monday.plusDays(6).toString());
        model.put("prevHref", self + "?week=" + monday.minusWeeks(1));
        model.put("nextHref", self + "?week=" + monday.plusWeeks(1));
        model.put("incidents", incidentRows);
        model.put("openIncident", incidentRows.stream().anyMatch(IncidentRow::open));
        model.put("canReport", actor.isPlatformAdmin()
                || actor.hasRoleIn(operatorId, Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN));
        model.put("back", self + "?week=" + monday);
        model.put("done", done);
        model.put("error", error);
        return new ModelAndView<>("operator-schedule", model);
    }

    @Post(value = "/operator/instruments/{id}/incidents", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> report(@Nullable Authentication auth, @PathVariable String id, @Body IncidentForm form) {
        Actor actor = actors.require(auth);
        ServiceOrder.Ref instrument = availability.describe(id);
        String back = "/operator/instruments/" + instrument.id() + "/schedule";
        try {
            incidents.report(actor, id, new Incidents.Description(form.description()));
            return redirect(back, "done", "INCIDENT_REPORTED");
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return redirect(back, "error", e.getMessage());
        }
    }

    @Post(value = "/operator/incidents/{id}/resolve", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> resolve(@Nullable Authentication auth, @PathVariable long id, @Body IncidentForm form) {
        Actor actor = actors.require(auth);
        try {
            Incidents.Incident n = incidents.resolve(actor, id, new Incidents.Description(form.description()));
            return redirect("/operator/instruments/" + n.instrument().id() + "/schedule", "done", "INCIDENT_RESOLVED");
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return redirect(safeBack(form.back(), "/operator"), "error", e.getMessage());
        }
    }

    // ---- qualification register ----

    @Get(value = "/operator/{operatorId}/qualifications", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> register(HttpRequest<?> request, @Nullable Authentication auth,
                                                      @PathVariable long operatorId, @Nullable @QueryValue String done,
                                                      @Nullable @QueryValue String error) {
        Actor actor = actors.require(auth);
        return new ModelAndView<>("operator-qualifications", registerModel(request, actor, operatorId,
                new GrantForm(null, null, null, null, null), done, error));
    }

    @Post(value = "/operator/{operatorId}/qualifications", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> grant(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long operatorId,
                                 @Body GrantForm form) {
        Actor actor = actors.require(auth);
        if (!actor.isPlatformAdmin() && !actor.isOperatorStaff(operatorId)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only the operator's own staff keep its qualification register.");
        }
        try {
            String instrument = form.instrument() == null || form.instrument().isBlank() ? "" : form.instrument();
            if (instrument.isEmpty() || fleet.custodianOf(availability.describe(instrument).id()).orElse(-1L) != operatorId) {
                throw new ApiException.ValidationFailed("instrument", "INSTRUMENT_REQUIRED",
                        "Choose one of this operator's instruments.");
            }
            qualifications.grant(actor, instrument, new Qualifications.NewQualification(form.email(), form.trainedOn(),
                    form.validUntil(), form.note()));
            return HttpResponse.seeOther(URI.create("/operator/" + operatorId + "/qualifications?done=GRANTED"));
        } catch (ApiException e) {
            if (e instanceof ApiException.Forbidden) {
                throw e;
            }
            return HttpResponse.status(e.status()).body(new ModelAndView<>("operator-qualifications",
                    registerModel(request, actor, operatorId, form, null, e.getMessage())));
        }
    }

    @Post(value = "/operator/qualifications/{id}/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> revoke(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body ActionForm form) {
        Actor actor = actors.require(auth);
        String back = safeBack(form == null ? null : form.back(), "/operator");
        try {
            qualifications.revoke(actor, id, form == null ? null : form.reason());
            return redirect(back, "done", "REVOKED");
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return redirect(back, "error", e.getMessage());
        }
    }

    private Map<String, Object> registerModel(HttpRequest<?> request, Actor actor, long operatorId, GrantForm form,
                                              String done, String error) {
        PageText text = pages.text(request);
        List<Qualifications.Qualification> entries = qualifications.ofOperator(actor, operatorId); // 403 for outsiders
        Map<String, Object> model = pages.model(request, text.get("booking.register.title"), "operator");
        model.put("operator", organisations.get(operatorId));
        model.put("entries", entries.stream().map(q -> new QualificationRow(q.id(), q.instrument().code(),
                q.instrument().name(), q.person().name(), q.personEmail(), q.trainedOn().toString(),
                q.validUntil().toString(), q.note(), q.grantedByName(), q.valid(), q.revokedAt() != null,
                q.revokeReason())).toList());
        model.put("fleet", fleet.of(actor, operatorId));
        model.put("canGrant", actor.isPlatformAdmin()
                || actor.hasRoleIn(operatorId, Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN));
        model.put("form", form);
        model.put("back", "/operator/" + operatorId + "/qualifications");
        model.put("done", done);
        model.put("error", error);
        return model;
    }

    // ---- helpers ----

    private long holder(Actor actor, ServiceOrder.Ref instrument) {
        Long operatorId = fleet.custodianOf(instrument.id()).orElse(null);
        if (operatorId == null || !(actor.isPlatformAdmin() || actor.isOperatorStaff(operatorId))) {
            throw new ApiException.Forbidden("FORBIDDEN",
                    "Only the staff of the operator that holds this instrument see its schedule.");
        }
        return operatorId;
    }

    private List<Row> rows(Actor actor, List<ServiceOrder> orders, PageText text) {
        return orders.stream().map(o -> {
            boolean handler = actor.hasRoleIn(o.operator().id(), Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN);
            List<String> actions = handler
                    ? OrderView.operatorActions(o).stream().filter(a -> !a.equals("record-bank-transfer")).toList()
                    : List.of();
            List<QuoteLine> quoteLines = List.of();
            if (actions.contains("quote")) {
                quoteLines = testing.get(actor, o.id()).lines().stream()
                        .filter(l -> l.onRequest() && l.unitPriceFen() == null)
                        .map(l -> new QuoteLine(l.id(), l.itemName(), l.sampleCount())).toList();
            }
            return new Row(OrderView.of(o, text), actions, o.state() == OrderState.AWAITING_PAYMENT
                    && actor.hasRoleIn(o.operator().id(), Role.OPERATOR_MANAGER, Role.OPERATOR_FINANCE), quoteLines);
        }).toList();
    }

    /** Yuan as typed (at most two decimals) → fen; 400 {@code AMOUNT_INVALID} when not such a number. */
    static Long fen(@Nullable String yuan) {
        return fen(yuan, "amountYuan", "Give the amount received in yuan, with at most two decimals (e.g. 1234.50).");
    }

    /** {@link #fen(String)} for the form field {@code field}, refusing with {@code message}. */
    public static Long fen(@Nullable String yuan, String field, String message) {
        String y = yuan == null ? "" : yuan.strip().replace(",", "");
        if (!y.matches("\\d{1,12}(\\.\\d{1,2})?")) {
            throw new ApiException.ValidationFailed(field, "AMOUNT_INVALID", message);
        }
        String[] parts = y.split("\\.");
        long fen = Long.parseLong(parts[0]) * 100;
        if (parts.length == 2) {
            fen += Long.parseLong((parts[1] + "0").substring(0, 2));
        }
        return fen;
    }

    private static String back(@Nullable String back, long orderId) {
        return safeBack(back, "/orders/" + orderId);
    }

    /** Only paths of this site (no scheme, no host), so a form cannot send people elsewhere. */
    private static String safeBack(@Nullable String back, String fallback) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return fallback;
        }
        return back;
    }

    private static HttpResponse<?> redirect(String back, String key, String value) {
        String base = back.replaceAll("([?&])(done|error)=[^&#]*", "$1").replaceAll("[?&]+$", "");
        String hash = "";
        int h = base.indexOf('#');
        if (h >= 0) {
            hash = base.substring(h);
            base = base.substring(0, h);
        }
        return HttpResponse.seeOther(URI.create(base + (base.contains("?") ? "&" : "?") + key + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8) + hash));
    }
}
