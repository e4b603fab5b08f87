package cn.dayi.ops.settlement.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.ops.settlement.StatementReviews;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Monthly settlement statements of a party (rules and errors on {@link StatementReviews}):
 * <ul>
 *   <li>{@code GET /api/v1/organisations/{partyId}/statements} → {@link StatementReviews.View} list, newest period
 *       first: orders, minutes used, gross (orders' totals, fen) and the party's share from the ledger (fen), lines per
 *       role and instrument, standing OPEN / APPROVED / DISPUTED</li>
 *   <li>{@code POST /api/v1/statements/{id}/approve} → the statement, APPROVED (final)</li>
 *   <li>{@code POST /api/v1/statements/{id}/dispute} {@code {"reason"}} → the statement, DISPUTED</li>
 * </ul>
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Settlement statements")
public class StatementApiController {

    /** A dispute's reason. */
    @Serdeable
    public record Dispute(@Nullable String reason) {
    }

    private final ActorResolver actors;
    private final StatementReviews reviews;

    public StatementApiController(ActorResolver actors, StatementReviews reviews) {
        this.actors = actors;
        this.reviews = reviews;
    }

    @Get("/organisations/{partyId}/statements")
    public List<StatementReviews.View> ofParty(@Nullable Authentication auth, @PathVariable long partyId) {
        return reviews.ofParty(actors.require(auth), partyId);
    }

    @Post("/statements/{id}/approve")
    public StatementReviews.View approve(@Nullable Authentication auth, @PathVariable long id) {
        return reviews.approve(actors.require(auth), id);
    }

    @Post("/statements/{id}/dispute")
    public StatementReviews.View dispute(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Dispute body) {
        return reviews.dispute(actors.require(auth), id, body == null ? null : body.reason());
    }
}
