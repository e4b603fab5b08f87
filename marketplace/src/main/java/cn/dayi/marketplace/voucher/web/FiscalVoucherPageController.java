package cn.dayi.marketplace.voucher.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.voucher.Programmes;
import cn.dayi.marketplace.voucher.VoucherClaims;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /fiscal/vouchers} — the fiscal officer's (and platform admins') overview of innovation
 * vouchers: each programme with its budget, how much is granted, held on open orders, spent and
 * lapsed, and its grants; claims waiting for a decision. Read-only: changes go through the API
 * ({@link VoucherApiController}). Money is shown in yuan, two decimals.
 */
@Controller("/fiscal")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class FiscalVoucherPageController {

    private final ActorResolver actors;
    private final Programmes programmes;
    private final VoucherClaims claims;
    private final Pages pages;

    public FiscalVoucherPageController(ActorResolver actors, Programmes programmes, VoucherClaims claims, Pages pages) {
        this.actors = actors;
        this.programmes = programmes;
        this.claims = claims;
        this.pages = pages;
    }

    /** One programme's row, as display strings. */
    public record ProgrammeRow(long id, String name, String type, String window, String budget, String granted,
                               String held, String captured, String expired, String remaining, int usedPercent,
                               List<GrantRow> grants) {
    }

    /** One grant's row. */
    public record GrantRow(String enterprise, String quota, String held, String captured, String available,
                           String validUntil, String state) {
    }

    /** One claim waiting for a decision. */
    public record ClaimRow(long id, String kind, String claimant, String programme, String period, String amount, int uses) {
    }

    @Get(value = "/vouchers", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> vouchers(HttpRequest<?> request, @Nullable Authentication auth) {
        Actor actor = actors.require(auth);
        actor.requireRole(Role.FISCAL_OFFICER, Role.PLATFORM_ADMIN);
        Map<String, Object> model = pages.model(request, pages.text(request).get("fiscal.vouchers.title"), "fiscal");
        model.put("programmes", programmes.list(actor).stream().map(p -> new ProgrammeRow(p.id(), p.name(),
                p.type().name(), p.validFrom() + " – " + p.validUntil(), yuan(p.budgetFen()), yuan(p.grantedFen()),
                yuan(p.heldFen()), yuan(p.capturedFen()), yuan(p.expiredFen()), yuan(p.remainingFen()),
                (int) (p.budgetFen() == 0 ? 0 : (p.heldFen() + p.capturedFen()) * 100 / p.budgetFen()),
                programmes.grantsOf(actor, p.id()).stream().map(g -> new GrantRow(g.enterpriseName(), yuan(g.quotaFen()),
                        yuan(g.heldFen()), yuan(g.capturedFen()), yuan(g.availableFen()), g.validUntil().toString(),
                        g.state())).toList())).toList());
        model.put("claims", claims.list(actor, "SUBMITTED").stream().map(c -> new ClaimRow(c.id(), c.kind(),
                c.claimantName(), c.programmeName(), c.period(), yuan(c.amountFen()), c.uses())).toList());
        return new ModelAndView<>("fiscal-vouchers", model);
    }

    /** Fen as yuan with thousands separators and two decimals: 123456789 → "1,234,567.89". */
    static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return sign + String.format("%,d.%02d", abs / 100, abs % 100);
    }
}
