package cn.dayi.operator.booking;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.Reviews;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.booking.TestingOrder;
import cn.dayi.marketplace.booking.TestingOrders;
import cn.dayi.marketplace.filestore.FileStore;
import cn.dayi.marketplace.filestore.StoredFile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.io.InputStream;

/**
 * Testing-service orders (送样检测) for the operator that serves them; the operator's manager or
 * technician. All need a signed-in person. Money is fen.
 * <ul>
 *   <li>{@code POST /api/v1/orders/{id}/quote} {@code {"lines": [{"lineId", "unitPriceFen"}], "note"}} —
 *       accept with a price per sample for every line priced on request (SUBMITTED → ACCEPTED; the buyer
 *       then accepts or declines) → {@link TestingOrder}; 400 {@code QUOTE_INCOMPLETE}, {@code QUOTE_LINE_INVALID},
 *       {@code PRICE_INVALID}; 409 {@code NOTHING_TO_QUOTE} (all fixed: use {@code /accept})</li>
 *   <li>{@code POST /api/v1/orders/{id}/samples-received} (CONFIRMED → IN_SERVICE) → {@link ServiceOrder}</li>
 *   <li>{@code POST /api/v1/orders/{id}/results?name=report.pdf} with the file's bytes as the body (any
 *       Content-Type; streamed, never held in memory) while IN_SERVICE → 201 {@link StoredFile}; 413
 *       {@code FILE_TOO_LARGE} over {@link FileStore#DEFAULT_MAX_BYTES} (100 MiB), 415 {@code FILE_TYPE_NOT_ALLOWED}
 *       / {@code FILE_TYPE_MISMATCH}, 400 {@code FILE_NAME_REQUIRED} / {@code FILE_EMPTY}, 409 {@code RESULTS_CLOSED};
 *       nothing is saved on any error</li>
 *   <li>{@code POST /api/v1/orders/{id}/deliver} (IN_SERVICE → COMPLETED; 409 {@code RESULTS_REQUIRED} without a
 *       result file) → {@link ServiceOrder}</li>
 *   <li>{@code POST /api/v1/orders/{id}/review/reply} {@code {"reply"}} — once (409 {@code ALREADY_REPLIED}) →
 *       {@link Reviews.Review}</li>
 * </ul>
 * Accepting a testing order with fixed prices only, rejecting it and recording its bank transfer use
 * the machine-time endpoints of {@link OrderApiController}; accepting one with lines on request without
 * a quote is 409 {@code QUOTE_REQUIRED}. Other codes: see {@link TestingOrders} and {@link Bookings}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TestingOrderApiController {

    private final ActorResolver actors;
    private final TestingOrders testing;
    private final Bookings bookings;
    private final Reviews reviews;

    public TestingOrderApiController(ActorResolver actors, TestingOrders testing, Bookings bookings, Reviews reviews) {
        this.actors = actors;
        this.testing = testing;
        this.bookings = bookings;
        this.reviews = reviews;
    }

    @Post("/orders/{id}/quote")
    public TestingOrder quote(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body TestingOrders.Quote body) {
        return testing.quote(actors.require(auth), id, body);
    }

    @Post("/orders/{id}/samples-received")
    public ServiceOrder samplesReceived(@Nullable Authentication auth, @PathVariable long id) {
        return bookings.command(actors.require(auth), id, Command.RECEIVE_SAMPLES, null);
    }

    @Post(value = "/orders/{id}/results", consumes = MediaType.ALL)
    public HttpResponse<StoredFile> upload(@Nullable Authentication auth, @PathVariable long id,
                                           @Nullable @QueryValue String name,
                                           @Nullable @Header("Content-Length") Long contentLength,
                                           @Nullable @Body InputStream body) {
        return HttpResponse.created(testing.addResult(actors.require(auth), id, name,
                contentLength == null ? -1 : contentLength, body == null ? InputStream.nullInputStream() : body));
    }

    @Post("/orders/{id}/deliver")
    public ServiceOrder deliver(@Nullable Authentication auth, @PathVariable long id) {
        return bookings.command(actors.require(auth), id, Command.DELIVER, null);
    }

    @Post("/orders/{id}/review/reply")
    public Reviews.Review reply(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Reviews.Reply body) {
        return reviews.reply(actors.require(auth), id, body);
    }
}
