package cn.dayi.operator.booking;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.booking.Qualifications;
import cn.dayi.marketplace.booking.Qualifications.NewQualification;
import cn.dayi.marketplace.booking.Qualifications.Qualification;
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
import java.util.List;

/**
 * The qualification register (资质/培训记录) over HTTP. Dates are ISO dates (Asia/Shanghai).
 * <ul>
 *   <li>{@code POST /api/v1/instruments/{id}/qualifications} {@code {"email", "trainedOn", "validUntil", "note"}}
 *       → 201 {@link Qualification} — the holding operator's manager or technician</li>
 *   <li>{@code GET /api/v1/operators/{operatorId}/qualifications} → the register, newest first — its staff</li>
 *   <li>{@code POST /api/v1/qualifications/{id}/revoke} {@code {"reason"}} (required) → the entry, revoked —
 *       the granting operator's manager or technician</li>
 * </ul>
 * Errors: 404 {@code INSTRUMENT_NOT_FOUND} / {@code QUALIFICATION_NOT_FOUND}, 403 {@code FORBIDDEN}, 400
 * {@code PERSON_NOT_FOUND} / {@code DATES_INVALID} / {@code REASON_REQUIRED}, 422 {@code NO_OPERATOR}, 409
 * {@code ALREADY_REVOKED}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class QualificationApiController {

    private final ActorResolver actors;
    private final Qualifications qualifications;

    public QualificationApiController(ActorResolver actors, Qualifications qualifications) {
        this.actors = actors;
        this.qualifications = qualifications;
    }

    @Post("/instruments/{id}/qualifications")
    public HttpResponse<Qualification> grant(@Nullable Authentication auth, @PathVariable String id,
                                             @Nullable @Body NewQualification body) {
        return HttpResponse.created(qualifications.grant(actors.require(auth), id, body));
    }

    @Get("/operators/{operatorId}/qualifications")
    public List<Qualification> register(@Nullable Authentication auth, @PathVariable long operatorId) {
        return qualifications.ofOperator(actors.require(auth), operatorId);
    }

    @Post("/qualifications/{id}/revoke")
    public Qualification revoke(@Nullable Authentication auth, @PathVariable long id,
                                @Nullable @Body OrderApiController.Reason body) {
        return qualifications.revoke(actors.require(auth), id, body == null ? null : body.reason());
    }
}
