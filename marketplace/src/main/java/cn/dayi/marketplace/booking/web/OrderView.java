package cn.dayi.marketplace.booking.web;

import cn.dayi.marketplace.booking.CancellationPolicy;
import cn.dayi.marketplace.booking.OrderKind;
import cn.dayi.marketplace.booking.OrderLifecycle;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.catalogue.web.pages.Language;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.PriceText;
import cn.dayi.marketplace.tariff.QuoteView;
import cn.dayi.marketplace.time.ClockFactory;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A service order as the pages show it: display strings in the page language, times in
 * Asia/Shanghai, money in yuan. Templates get these, never the raw order (they cannot format).
 *
 * @param kind          MACHINE_TIME or TESTING
 * @param state         the state name (the bundle labels it: {@code booking.state.<STATE>})
 * @param mode          who operates (machine time), null for testing orders
 * @param when          the booked window (machine time), null for testing orders
 * @param weekOf        the Monday-based week of the start (machine time), null for testing orders
 * @param holdExpires   when the hold lapses, or null
 * @param cancelTerms   the cancellation rule in words and what cancelling now costs, or null once final
 */
public record OrderView(long id, String href, String kind, String state, @Nullable String mode, String instrumentCode, String instrumentName,
                        long instrumentId, String operatorName, String buyerOrganisation, String buyerPerson, @Nullable String when,
                        @Nullable String weekOf, @Nullable String note, String total, long totalFen, List<Line> lines,
                        @Nullable String holdExpires, @Nullable String cancelTerms, @Nullable String cancelFeeNow,
                        @Nullable String cancellationFee, @Nullable String payment, List<HistoryRow> history) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A line of the kept quote. */
    public record Line(String label, String amount) {
    }

    /** One transition of the audit trail: when, event (bundle key {@code booking.event.<EVENT>}), who, why. */
    public record HistoryRow(String at, String event, @Nullable String actorName, @Nullable String reason) {
    }

    public static OrderView of(ServiceOrder o, PageText text) {
        CancellationPolicy.Terms t = o.cancellation();
        List<HistoryRow> history = o.history() == null ? List.of() : o.history().stream()
                .map(h -> new HistoryRow(time(h.at()), h.event(), h.actorName(), h.reason())).toList();
        // testing orders (送样检测) have no time slot, no operation mode and no tariff quote
        boolean slot = o.start() != null && o.end() != null;
        return new OrderView(o.id(), "/orders/" + o.id(), o.kind(), o.state().name(), o.mode() == null ? null : o.mode().name(),
                o.instrument().code(), o.instrument().name(), o.instrument().id(), o.operator().name(),
                o.buyerOrganisation().name(), o.buyerPerson().name(), slot ? window(o.start(), o.end()) : null,
                slot ? o.start().atZone(ClockFactory.SHANGHAI).toLocalDate().toString() : null, o.note(),
                PriceText.amount(o.totalFen(), text), o.totalFen(), o.quote() == null ? List.of() : lines(o.quote(), text),
                o.holdExpiresAt() == null ? null : time(o.holdExpiresAt()),
                t == null ? null : terms(t, text), t == null ? null : PriceText.amount(t.feeFenNow(), text),
                o.cancellationFeeFen() == null ? null : PriceText.amount(o.cancellationFeeFen(), text),
                o.payment() == null ? null : o.payment().reference() + " · " + PriceText.amount(o.payment().amountFen(), text)
                        + " · " + time(o.payment().recordedAt()), history);
    }

    /** The lines of a quote in the page language. */
    public static List<Line> lines(QuoteView q, PageText text) {
        return q.lines().stream().map(l -> new Line(text.language() == Language.EN ? l.labelEn() : l.labelZh(),
                PriceText.amount(l.amountFen(), text))).toList();
    }

    /** The cancellation rule in the page language, with the instant it stops being free. */
    public static String terms(CancellationPolicy.Terms t, PageText text) {
        return text.get("booking.cancel.terms", time(t.freeUntil()), t.lateFeeBp() / 100,
                CancellationPolicy.FREE_UNTIL_BEFORE_START.toHours());
    }

    /** {@code 2026-12-01 09:00–10:30} (Asia/Shanghai). */
    public static String window(Instant start, Instant end) {
        return time(start) + "–" + WeekCalendar.HM.format(end.atZone(ClockFactory.SHANGHAI));
    }

    public static String time(Instant t) {
        return TIME.format(t.atZone(ClockFactory.SHANGHAI));
    }

    /** True for a testing-service order (送样检测). */
    public boolean testing() {
        return OrderKind.TESTING.name().equals(kind);
    }

    /**
     * The commands the operator may give now on an order of its kind, lower-case with hyphens as in the
     * URLs ({@code check-in}).
     */
    public static List<String> operatorActions(ServiceOrder o) {
        return OrderLifecycle.available(OrderKind.valueOf(o.kind()), o.state(), OrderLifecycle.Party.OPERATOR).stream()
                .map(c -> c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList();
    }
}
