package cn.dayi.operator.booking;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.booking.Incidents;
import cn.dayi.marketplace.booking.Incidents.Description;
import cn.dayi.marketplace.booking.Incidents.Incident;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

/**
 * Incidents (故障) over HTTP: an open incident blocks the instrument's calendar from its report until
 * it is resolved (no free time, bookings refused with 422 {@code INSTRUMENT_INCIDENT}).
 * <ul>
 *   <li>{@code POST /api/v1/instruments/{id}/incidents} {@code {"description"}} → 201 {@link Incident} —
 *       the holding operator's manager or technician</li>
 *   <li>{@code GET /api/v1/instruments/{id}/incidents?open=true} → newest first — the holding operator's staff</li>
 *   <li>{@code POST /api/v1/incidents/{id}/resolve} {@code {"description"}} (what was done) → the incident, resolved</li>
 * </ul>
 * Errors: 404 {@code INSTRUMENT_NOT_FOUND} / {@code INCIDENT_NOT_FOUND}, 403 {@code FORBIDDEN}, 400
 * {@code DESCRIPTION_REQUIRED}, 422 {@code NO_OPERATOR}, 409 {@code ALREADY_RESOLVED}.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class IncidentApiController {

    private final ActorResolver actors;
    private final Incidents incidents;

    public IncidentApiController(ActorResolver actors, Incidents incidents) {
        this.actors = actors;
        this.incidents = incidents;
    }

    @Post("/instruments/{id}/incidents")
    public HttpResponse<Incident> report(@Nullable Authentication auth, @PathVariable String id,
                                         @Nullable @Body Description body) {
        return HttpResponse.created(incidents.report(actors.require(auth), id, body));
    }

    @Get("/instruments/{id}/incidents")
    public List<Incident> list(@Nullable Authentication auth, @PathVariable String id, @Nullable @QueryValue Boolean open) {
        return incidents.of(actors.require(auth), id, Boolean.TRUE.equals(open));
    }

    @Post("/incidents/{id}/resolve")
    public Incident resolve(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Description body) {
        return incidents.resolve(actors.require(auth), id, body);
    }
}
