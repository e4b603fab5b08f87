package cn.dayi.operator.entrustment;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.entrustment.Entrustment;
import cn.dayi.marketplace.entrustment.EntrustmentLifecycle.Command;
import cn.dayi.marketplace.entrustment.Entrustments;
import cn.dayi.marketplace.entrustment.NewEntrustment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import java.util.List;

/**
 * Entrustments (托管协议), for both parties. All need a signed-in person.
 * <ul>
 *   <li>{@code GET /api/v1/organisations/{orgId}/entrustments} — where that organisation is owner or
 *       operator (its members only; an owner does not see the operator's drafts)</li>
 *   <li>{@code POST /api/v1/operators/{operatorId}/entrustments} {@link NewEntrustment} — operator
 *       manager drafts one → 201 {@link Entrustment} (state DRAFT)</li>
 *   <li>{@code GET /api/v1/entrustments/{id}} — with instruments and the audit trail</li>
 *   <li>{@code POST /api/v1/entrustments/{id}/propose|withdraw} (operator manager),
 *       {@code /accept|decline} (owner admin), {@code /terminate} (either) with {@code {"reason"}}
 *       (required to decline and terminate)</li>
 * </ul>
 * Errors (problem JSON): 404 {@code ENTRUSTMENT_NOT_FOUND} (also when it is not yours to see), 403
 * {@code FORBIDDEN}, 409 {@code ILLEGAL_TRANSITION} / {@code ENTRUSTMENT_CHANGED} / {@code CUSTODY_OVERLAP},
 * 400 {@code SPLIT_NOT_10000} / {@code NEGATIVE_SHARE} / {@code FISCAL_SHARE_WITHOUT_FISCAL_FUNDING} /
 * {@code TERM_INVALID} / {@code NO_INSTRUMENTS} / {@code REASON_REQUIRED}, 422 {@code NOT_AN_OPERATOR} /
 * {@code INSTRUMENT_NOT_OWNED} / {@code OWNER_IS_OPERATOR}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class EntrustmentApiController {

    private final ActorResolver actors;
    private final Entrustments entrustments;

    public EntrustmentApiController(ActorResolver actors, Entrustments entrustments) {
        this.actors = actors;
        this.entrustments = entrustments;
    }

    /** Why (to decline or terminate). */
    @Serdeable
    public record Reason(@Nullable String reason) {
    }

    @Get("/organisations/{orgId}/entrustments")
    public List<Entrustment> ofOrganisation(@Nullable Authentication auth, @PathVariable long orgId) {
        return entrustments.ofOrganisation(actors.require(auth), orgId);
    }

    @Post("/operators/{operatorId}/entrustments")
    public HttpResponse<Entrustment> draft(@Nullable Authentication auth, @PathVariable long operatorId,
                                           @Body NewEntrustment body) {
        return HttpResponse.created(entrustments.draft(actors.require(auth), operatorId, body));
    }

    @Get("/entrustments/{id}")
    public Entrustment get(@Nullable Authentication auth, @PathVariable long id) {
        return entrustments.get(actors.require(auth), id);
    }

    @Post("/entrustments/{id}/propose")
    public Entrustment propose(@Nullable Authentication auth, @PathVariable long id) {
        return entrustments.command(actors.require(auth), id, Command.PROPOSE, null);
    }

    @Post("/entrustments/{id}/withdraw")
    public Entrustment withdraw(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Reason body) {
        return entrustments.command(actors.require(auth), id, Command.WITHDRAW, body == null ? null : body.reason());
    }

    @Post("/entrustments/{id}/accept")
    public Entrustment accept(@Nullable Authentication auth, @PathVariable long id) {
        return entrustments.command(actors.require(auth), id, Command.ACCEPT, null);
    }

    @Post("/entrustments/{id}/decline")
    public Entrustment decline(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Reason body) {
        return entrustments.command(actors.require(auth), id, Command.DECLINE, body == null ? null : body.reason());
    }

    @Post("/entrustments/{id}/terminate")
    public Entrustment terminate(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Reason body) {
        return entrustments.command(actors.require(auth), id, Command.TERMINATE, body == null ? null : body.reason());
    }
}
