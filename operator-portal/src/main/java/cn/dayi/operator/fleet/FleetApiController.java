package cn.dayi.operator.fleet;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.entrustment.Fleet;
import cn.dayi.marketplace.entrustment.Fleet.FleetInstrument;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

/**
 * {@code GET /api/v1/operators/{operatorId}/fleet} → {@code [FleetInstrument]}: the instruments the
 * operator holds in custody (ENTRUSTED, with the entrustment id and the owner) and its own (OWN),
 * by code. The operator's staff and platform admins only (403 {@code FORBIDDEN} otherwise).
 */
@Controller("/api/v1/operators/{operatorId}/fleet")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class FleetApiController {

    private final ActorResolver actors;
    private final Fleet fleet;

    public FleetApiController(ActorResolver actors, Fleet fleet) {
        this.actors = actors;
        this.fleet = fleet;
    }

    @Get
    public List<FleetInstrument> fleet(@Nullable Authentication auth, @PathVariable long operatorId) {
        return fleet.of(actors.require(auth), operatorId);
    }
}
