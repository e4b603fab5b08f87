package cn.dayi.ops;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** The back-office API's OpenAPI document, served at {@code /swagger/dayi-ops-api-1.yml}. */
@OpenAPIDefinition(info = @Info(title = "Dayi ops API", version = "1",
        description = "Back office: scheduled jobs and their run history, settlement statements (approve / dispute), "
                + "payout accounts and payouts (Stripe transfers, the bank payout file). Bearer token from "
                + "POST /api/v1/auth/token; errors are RFC 9457 problem JSON with a stable code."))
final class OpsApiDefinition {

    private OpsApiDefinition() {
    }
}
