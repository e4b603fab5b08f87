package cn.dayi.operator.ledger;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.idempotency.Idempotency;
import cn.dayi.marketplace.ledger.Balances;
import cn.dayi.marketplace.ledger.Ledger;
import cn.dayi.marketplace.ledger.OrderMoney;
import cn.dayi.marketplace.ledger.Refunds;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Money over HTTP. Fen (CNY minor units); instants UTC (ISO-8601); a date alone means its start in
 * Asia/Shanghai. All need a signed-in person.
 * <ul>
 *   <li>{@code POST /api/v1/orders/{id}/refunds} {@code {"amountFen", "reason"}} with header
 *       {@code Idempotency-Key} (required) → 201 {@link OrderMoney}: the serving operator's finance staff or
 *       manager record a refund of part or all of an order paid by bank transfer or wholly by innovation voucher, split
 *       cash / voucher in proportion (card payments are refunded through {@code POST …/card-refunds}; see
 *       {@link Refunds}). Repeats with the same key
 *       and body replay the first answer; 409 {@code IDEMPOTENCY_KEY_IN_FLIGHT}; 422 {@code IDEMPOTENCY_KEY_REUSED};
 *       400 {@code IDEMPOTENCY_KEY_REQUIRED}, {@code AMOUNT_INVALID}, {@code REASON_REQUIRED}; 422 {@code ORDER_NOT_PAID},
 *       {@code REFUND_EXCEEDS_PAID}, {@code REFUND_METHOD_NOT_SUPPORTED}; 409 {@code VOUCHER_CLAIMED}; 404 {@code ORDER_NOT_FOUND};
 *       403 {@code FORBIDDEN}.</li>
 *   <li>{@code GET /api/v1/orders/{id}/money} → {@link OrderMoney}: paid, refunded (each refund with its reason),
 *       held, earned, refundable; the journals for operator staff and platform admins. Whoever sees the order.</li>
 *   <li>{@code GET /api/v1/ledger/parties/{party}/accounts?asOf=} → {@code {party, asOf, accounts[{accountId, type,
 *       partyId, currency, normalSide, balanceFen}]}}; {@code party} = {@code platform}, {@code fiscal-fund} or an
 *       organisation id (who may: {@link Balances}); {@code asOf} defaults to now.</li>
 *   <li>{@code GET /api/v1/ledger/accounts/{accountId}/statement?from=&to=} → {@code {account, from, to,
 *       openingBalanceFen, closingBalanceFen, lines[{entryId, journalId, businessKey, event, orderId, memo, postedAt,
 *       debitFen, creditFen, balanceFen}], truncated}} over {@code [from, to)}; defaults: this month (Asia/Shanghai)
 *       until now; at most {@link Ledger#STATEMENT_LIMIT} lines. 404 {@code ACCOUNT_NOT_FOUND} also for accounts the
 *       caller may not read; 400 {@code PERIOD_INVALID}, {@code INVALID_TIME}.</li>
 * </ul>
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class LedgerApiController {

    private final ActorResolver actors;
    private final Refunds refunds;
    private final Balances balances;
    private final Idempotency idempotency;
    private final Clock clock;

    public LedgerApiController(ActorResolver actors, Refunds refunds, Balances balances, Idempotency idempotency,
                               Clock clock) {
        this.actors = actors;
        this.refunds = refunds;
        this.balances = balances;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Post("/orders/{id}/refunds")
    public HttpResponse<?> refund(@Nullable Authentication auth, @PathVariable long id,
                                  @Nullable @Header(Idempotency.HEADER) String key, @Nullable @Body OrderMoney.NewRefund body) {
        Actor actor = actors.require(auth);
        return idempotency.run(actor.personId(), key, Idempotency.Requirement.REQUIRED, "POST /api/v1/orders/" + id + "/refunds",
                body, () -> HttpResponse.created(refunds.refund(actor, id, body)));
    }

    @Get("/orders/{id}/money")
    public OrderMoney money(@Nullable Authentication auth, @PathVariable long id) {
        return refunds.money(actors.require(auth), id);
    }

    @Get("/ledger/parties/{party}/accounts")
    public Balances.PartyAccounts accounts(@Nullable Authentication auth, @PathVariable String party,
                                           @Nullable @QueryValue String asOf) {
        Instant at = time("asOf", asOf);
        return balances.of(actors.require(auth), party, at == null ? clock.instant() : at);
    }

    @Get("/ledger/accounts/{accountId}/statement")
    public Ledger.Statement statement(@Nullable Authentication auth, @PathVariable long accountId,
                                      @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Instant f = time("from", from);
        Instant t = time("to", to);
        if (f == null) {
            f = LocalDate.now(clock.withZone(ClockFactory.SHANGHAI)).withDayOfMonth(1).atStartOfDay(ClockFactory.SHANGHAI)
                    .toInstant();
        }
        return balances.statement(actors.require(auth), accountId, f, t == null ? clock.instant().plusMillis(1) : t);
    }

    private static Instant time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(ClockFactory.SHANGHAI).toInstant();
            }
            return v.endsWith("Z") ? Instant.parse(v) : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException.ValidationFailed(field, "INVALID_TIME", "'" + value + "' is not a date (2026-12-01) "
                    + "or an ISO-8601 time (2026-12-01T01:00:00Z, 2026-12-01T09:00:00+08:00).");
        }
    }
}
