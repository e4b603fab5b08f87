package cn.dayi.operator.fleet;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.entrustment.Fleet;
import cn.dayi.marketplace.entrustment.Fleet.OwnedInstrument;
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
 * {@code GET /api/v1/owners/{ownerId}/instruments} → {@code [OwnedInstrument]}: the owner's
 * instruments (at most 2,000, by code) with the operator holding each in custody, if any. The
 * owner's admins and platform admins only (403 {@code FORBIDDEN} otherwise).
 */
@Controller("/api/v1/owners/{ownerId}/instruments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OwnerInstrumentsApiController {

    private final ActorResolver actors;
    private final Fleet fleet;

    public OwnerInstrumentsApiController(ActorResolver actors, Fleet fleet) {
        this.actors = actors;
        this.fleet = fleet;
    }

    @Get
    public List<OwnedInstrument> instruments(@Nullable Authentication auth, @PathVariable long ownerId) {
        return fleet.ownedBy(actors.require(auth), ownerId);
    }
}
