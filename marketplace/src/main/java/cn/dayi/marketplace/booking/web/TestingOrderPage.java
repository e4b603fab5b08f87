package cn.dayi.marketplace.booking.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.OrderKind;
import cn.dayi.marketplace.booking.OrderLifecycle;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.OrderState;
import cn.dayi.marketplace.booking.Reviews;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.booking.TestingOrder;
import cn.dayi.marketplace.booking.TestingOrders;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.PriceText;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * The order page of a testing-service order (送样检测): lines and quote state, samples and shipping,
 * result files with download links, the review and its reply, and the forms open to the viewer —
 * for the buyer shipping, accept / decline the quote, cancel and review; for the operator's manager and
 * technicians samples received, result upload, deliver and the reply (posted to the operator portal's
 * routes). What is open is asked of {@link OrderLifecycle} and {@link TestingOrders}, never decided here.
 */
@Singleton
public class TestingOrderPage {

    private final TestingOrders testing;
    private final Reviews reviews;

    TestingOrderPage(TestingOrders testing, Reviews reviews) {
        this.testing = testing;
        this.reviews = reviews;
    }

    /** A line as shown: unit price null while on request and not quoted. */
    public record LineView(long id, String name, int samples, boolean onRequest, @Nullable String unitPrice,
                           @Nullable String lineTotal, @Nullable String turnaround) {
    }

    /** A result file as shown, with its download link. */
    public record FileView(long id, String name, String size, String sha256, String uploadedAt, String href) {
    }

    /** The review as shown. */
    public record ReviewView(int rating, String stars, @Nullable String comment, String reviewedAt,
                             @Nullable String reply, @Nullable String repliedAt) {
    }

    /** Puts the testing order into {@code model} (view {@code testing-order}). */
    public void fill(Map<String, Object> model, Actor actor, ServiceOrder o, PageText text) {
        TestingOrder t = testing.get(actor, o.id());
        OrderKind kind = OrderKind.TESTING;
        model.put("lines", t.lines().stream().map(l -> new LineView(l.id(), l.itemName(), l.sampleCount(), l.onRequest(),
                l.unitPriceFen() == null ? null : PriceText.amount(l.unitPriceFen(), text),
                l.lineTotalFen() == null ? null : PriceText.amount(l.lineTotalFen(), text),
                l.turnaroundDays() == null ? null : text.get("price.items.turnaroundDays", l.turnaroundDays()))).toList());
        model.put("quotePending", t.quotePending());
        model.put("turnaround", t.turnaroundDays() == null ? null : text.get("price.items.turnaroundDays", t.turnaroundDays()));
        model.put("sampleDescription", t.sampleDescription());
        model.put("shipping", t.shipping());
        model.put("shippedAt", t.shipping() == null ? null : OrderView.time(t.shipping().givenAt()));
        model.put("samplesReceivedAt", t.samplesReceivedAt() == null ? null : OrderView.time(t.samplesReceivedAt()));
        model.put("results", t.results().stream().map(f -> new FileView(f.id(), f.name(), size(f.sizeBytes()), f.sha256(),
                OrderView.time(f.uploadedAt()), "/api/v1/orders/" + o.id() + "/results/" + f.id())).toList());
        Reviews.Review r = o.state() == OrderState.REVIEWED ? reviews.get(actor, o.id()) : null;
        model.put("review", r == null ? null : new ReviewView(r.rating(), "★".repeat(r.rating()) + "☆".repeat(5 - r.rating()),
                r.comment(), OrderView.time(r.reviewedAt()), r.reply(), r.repliedAt() == null ? null : OrderView.time(r.repliedAt())));

        boolean buyer = actor.hasRoleIn(o.buyerOrganisation().id(), Role.BUYER_MEMBER);
        model.put("canShip", buyer && TestingOrders.shippingOpen(o.state()));
        model.put("canAnswerQuote", buyer && OrderLifecycle.from(kind, o.state(), Command.ACCEPT_QUOTE).isPresent());
        model.put("canCancel", buyer && OrderLifecycle.from(kind, o.state(), Command.CANCEL).isPresent());
        model.put("canReview", buyer && OrderLifecycle.from(kind, o.state(), Command.REVIEW).isPresent());

        boolean handler = actor.hasRoleIn(o.operator().id(), Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN);
        List<String> actions = handler ? OrderView.operatorActions(o) : List.of();
        model.put("operatorActions", actions);
        model.put("canUpload", handler && TestingOrders.resultsOpen(o.state()));
        model.put("canReply", handler && r != null && r.reply() == null);
        model.put("operatorId", o.operator().id());
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
