package cn.dayi.operator.booking;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.booking.Availability;
import cn.dayi.marketplace.booking.Availability.NewBlackout;
import cn.dayi.marketplace.booking.BankTransfer;
import cn.dayi.marketplace.booking.BookingRules;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.OrderState;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.idempotency.Idempotency;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Orders for the operator that serves them. All need a signed-in person.
 * <ul>
 *   <li>{@code GET /api/v1/operators/{operatorId}/orders?state=} — its staff (and platform admins)</li>
 *   <li>{@code POST /api/v1/orders/{id}/accept} (SUBMITTED → AWAITING_PAYMENT), {@code /reject} {@code {"reason"}}
 *       (required; slots freed), {@code /check-in} (CONFIRMED → IN_SERVICE), {@code /check-out}
 *       (→ COMPLETED), {@code /no-show} (CONFIRMED → NO_SHOW, 15 minutes after the start at the
 *       earliest; slots freed) — the operator's manager or technician</li>
 *   <li>{@code POST /api/v1/orders/{id}/bank-transfer} {@code {"amountFen", "reference"}}
 *       (AWAITING_PAYMENT → CONFIRMED) — its manager or finance staff; each reference once; takes an optional
 *       {@code Idempotency-Key} header ({@link Idempotency}: a repeat replays the first answer, 409
 *       {@code IDEMPOTENCY_KEY_IN_FLIGHT}, 422 {@code IDEMPOTENCY_KEY_REUSED}); the payment is posted to the ledger
 *       (debit bank clearing, credit the buyer's prepayment) in the same transaction</li>
 *   <li>{@code PUT /api/v1/instruments/{id}/booking-rules} {@link BookingRules} — the holding operator's manager</li>
 *   <li>{@code POST /api/v1/instruments/{id}/blackouts} {@code {"start","end","reason","note"}} → 201
 *       {@code {"id"}} — its manager or technician</li>
 * </ul>
 * Errors (problem JSON): 404 {@code ORDER_NOT_FOUND} (also another operator's order), 403
 * {@code FORBIDDEN}, 409 {@code ILLEGAL_TRANSITION} / {@code ORDER_CHANGED} / {@code NO_SHOW_TOO_EARLY} /
 * {@code PAYMENT_REFERENCE_USED}, 422 {@code AMOUNT_MISMATCH}, 400 {@code REASON_REQUIRED} /
 * {@code REFERENCE_REQUIRED} / {@code STATE_INVALID} and the rule codes of {@link Availability}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OrderApiController {

    private final ActorResolver actors;
    private final Bookings bookings;
    private final Availability availability;
    private final Idempotency idempotency;

    public OrderApiController(ActorResolver actors, Bookings bookings, Availability availability, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.actors = actors;
        this.bookings = bookings;
        this.availability = availability;
    }

    /** Why (required to reject). */
    @Serdeable
    public record Reason(@Nullable String reason) {
    }

    @Get("/operators/{operatorId}/orders")
    public List<ServiceOrder> ofOperator(@Nullable Authentication auth, @PathVariable long operatorId,
                                         @Nullable @QueryValue String state) {
        OrderState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = OrderState.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException.ValidationFailed("state", "STATE_INVALID", "Unknown state '" + state + "'; one of "
                        + List.of(OrderState.values()) + ".");
            }
        }
        return bookings.ofOperator(actors.require(auth), operatorId, s);
    }

    @Post("/orders/{id}/accept")
    public ServiceOrder accept(@Nullable Authentication auth, @PathVariable long id) {
        return bookings.command(actors.require(auth), id, Command.ACCEPT, null);
    }

    @Post("/orders/{id}/reject")
    public ServiceOrder reject(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Reason body) {
        return bookings.command(actors.require(auth), id, Command.REJECT, body == null ? null : body.reason());
    }

    @Post("/orders/{id}/check-in")
    public ServiceOrder checkIn(@Nullable Authentication auth, @PathVariable long id) {
        return bookings.command(actors.require(auth), id, Command.CHECK_IN, null);
    }

    @Post("/orders/{id}/check-out")
    public ServiceOrder checkOut(@Nullable Authentication auth, @PathVariable long id) {
        return bookings.command(actors.require(auth), id, Command.CHECK_OUT, null);
    }

    @Post("/orders/{id}/no-show")
    public ServiceOrder noShow(@Nullable Authentication auth, @PathVariable long id) {
        return bookings.command(actors.require(auth), id, Command.NO_SHOW, null);
    }

    @Post("/orders/{id}/bank-transfer")
    public HttpResponse<?> bankTransfer(@Nullable Authentication auth, @PathVariable long id,
                                        @Nullable @Header(Idempotency.HEADER) String idempotencyKey,
                                        @Nullable @Body BankTransfer body) {
        Actor actor = actors.require(auth);
        return idempotency.run(actor.personId(), idempotencyKey, Idempotency.Requirement.OPTIONAL,
                "POST /api/v1/orders/" + id + "/bank-transfer", body,
                () -> HttpResponse.ok(bookings.recordBankTransfer(actor, id, body)));
    }

    @Put("/instruments/{id}/booking-rules")
    public BookingRules setRules(@Nullable Authentication auth, @PathVariable String id, @Nullable @Body BookingRules body) {
        return availability.setRules(actors.require(auth), id, body);
    }

    @Post("/instruments/{id}/blackouts")
    public HttpResponse<Map<String, Long>> addBlackout(@Nullable Authentication auth, @PathVariable String id,
                                                       @Nullable @Body NewBlackout body) {
        return HttpResponse.created(Map.of("id", availability.addBlackout(actors.require(auth), id, body)));
    }
}
