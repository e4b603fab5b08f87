package cn.dayi.marketplace.notification;

import cn.dayi.marketplace.mail.BilingualText;
import cn.dayi.marketplace.mail.BilingualText.Lang;
import cn.dayi.marketplace.time.ClockFactory;
import jakarta.inject.Singleton;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of an order notification in one language, built from the event's name and the order's
 * data, not from a list of known transitions: an event with its own text in the bundle
 * ({@code order.event.<EVENT>}) uses it, any other event says "from state → to state" with the
 * states' names ({@code order.state.<STATE>}, else the code). Times are shown in Asia/Shanghai.
 */
@Singleton
class OrderMessages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockFactory.SHANGHAI);

    /** Subject and body in one language. */
    record Text(String subject, String body) {
    }

    private final BilingualText text;

    OrderMessages(BilingualText text) {
        this.text = text;
    }

    Text render(Lang lang, OrderFacts f, OrderFacts.Event e, String link, boolean withCalendar) {
        String kind = label(lang, "order.kind.", f.kind());
        String to = label(lang, "order.state.", e.to());
        String instrument = lang == Lang.EN && f.instrumentNameEn() != null && !f.instrumentNameEn().isBlank()
                ? f.instrumentNameEn() : f.instrumentName();
        String subject = text.get(lang, "order.subject", Long.toString(f.id()), kind, to, instrument);
        List<String> lines = new ArrayList<>();
        lines.add(headline(lang, e, kind));
        lines.add("");
        lines.add(text.get(lang, "order.body.order", Long.toString(f.id()), kind));
        lines.add(text.get(lang, "order.body.instrument", instrument, f.instrumentCode()));
        lines.add(text.get(lang, "order.body.operator", f.operatorName()));
        lines.add(text.get(lang, "order.body.buyer", f.buyerOrganisationName()));
        if (f.hasWindow()) {
            lines.add(text.get(lang, "order.body.window", WHEN.format(f.start()), WHEN.format(f.end())));
        }
        lines.add(text.get(lang, "order.body.state", e.from() == null ? "—" : label(lang, "order.state.", e.from()), to));
        if (e.reason() != null && !e.reason().isBlank()) {
            lines.add(text.get(lang, "order.body.reason", e.reason()));
        }
        if (withCalendar) {
            lines.add(text.get(lang, "order.body.ics"));
        }
        if (link != null) {
            lines.add("");
            lines.add(text.get(lang, "order.body.link", link));
        }
        return new Text(subject, String.join("\n", lines));
    }

    /** One line for a calendar entry's summary: kind, order number, instrument. */
    String calendarSummary(Lang lang, OrderFacts f) {
        return text.get(lang, "order.calendar.summary", label(lang, "order.kind.", f.kind()), Long.toString(f.id()),
                f.instrumentName(), f.instrumentCode());
    }

    private String headline(Lang lang, OrderFacts.Event e, String kind) {
        return text.find(lang, "order.event." + e.event(), kind).orElseGet(() -> text.get(lang, "order.event.generic",
                e.from() == null ? "—" : label(lang, "order.state.", e.from()), label(lang, "order.state.", e.to()),
                e.event()));
    }

    private String label(Lang lang, String prefix, String code) {
        return code == null ? "" : text.find(lang, prefix + code).orElse(code);
    }

}
