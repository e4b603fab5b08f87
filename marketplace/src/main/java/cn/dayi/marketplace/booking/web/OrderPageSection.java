package cn.dayi.marketplace.booking.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import java.util.Map;

/**
 * A part of the order page ({@code /orders/{id}}, both kinds) that another feature fills, e.g. the buyer's
 * payment panel from {@code payment/web}. Booking knows nothing of those features: they implement this and the
 * page asks every one of them, so dependencies keep pointing from payment to booking.
 */
public interface OrderPageSection {

    /** Adds what this section shows of {@code order} to {@code model}, for {@code viewer} (who may see the order). */
    void fill(Map<String, Object> model, Actor viewer, ServiceOrder order, PageText text);
}
