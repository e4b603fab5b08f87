package cn.dayi.marketplace.idempotency;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} mechanism of money-moving endpoints (Fineract {@code idempotency.adoc},
 * Stripe). A controller passes the header, the caller, the endpoint and the request body, and the work:
 *
 * <pre>{@code
 * @Post("/orders/{id}/refunds")
 * public HttpResponse<?> refund(Authentication auth, long id, @Header("Idempotency-Key") String key, @Body NewRefund body) {
 *     Actor actor = actors.require(auth);
 *     return idempotency.run(actor.personId(), key, Requirement.REQUIRED, "POST /api/v1/orders/" + id + "/refunds", body,
 *             () -> HttpResponse.created(refunds.refund(actor, id, body)));
 * }
 * }</pre>
 *
 * <ol>
 *   <li>No key: {@link Requirement#REQUIRED} endpoints answer 400 {@code IDEMPOTENCY_KEY_REQUIRED};
 *       {@link Requirement#OPTIONAL} ones just run the work. A key is 1–128 visible ASCII characters
 *       (400 {@code IDEMPOTENCY_KEY_INVALID}); clients use a fresh UUID per intended operation.</li>
 *   <li>The key is claimed per caller ({@code person:<id>}) by inserting an IN_FLIGHT row in its own,
 *       committed transaction; the PRIMARY KEY (caller, key) lets only one request claim it.</li>
 *   <li>A repeat finds the row: another endpoint or body (SHA-256 of endpoint + JSON body differs) →
 *       422 {@code IDEMPOTENCY_KEY_REUSED}; still IN_FLIGHT → 409 {@code IDEMPOTENCY_KEY_IN_FLIGHT}
 *       (retry later); DONE → the stored status and JSON body, with header {@code Idempotent-Replayed: true},
 *       without running the work again.</li>
 *   <li>The work succeeds → its status and JSON body are stored (DONE). It fails (an {@link ApiException}
 *       or any exception: it changed nothing, its transaction rolled back) → the row is deleted, so the
 *       same key may be retried.</li>
 * </ol>
 * A process that dies between the work's commit and storing the answer leaves the key IN_FLIGHT: repeats get
 * 409 and the client checks the resource and uses a new key. Keys are kept; housekeeping may delete rows
 * older than a retention period (e.g. 30 days).
 *
 * <p>Used by: {@code POST /api/v1/orders/{id}/bank-transfer} (optional), {@code POST /api/v1/orders/{id}/refunds}
 * (required). Card checkout and voucher redemption are meant to use it the same way.
 */
@Singleton
public class Idempotency {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** Set on replayed answers. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** Whether an endpoint insists on a key. */
    public enum Requirement { REQUIRED, OPTIONAL }

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final Jdbc jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public Idempotency(Jdbc jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private record Stored(String hash, String status, Integer responseStatus, String body) {
    }

    /**
     * Runs {@code work} at most once per ({@code personId}, {@code key}); see the class comment.
     *
     * @param endpoint e.g. {@code "POST /api/v1/orders/42/refunds"} (include path parameters)
     * @param request  the request body (hashed as JSON), may be null
     */
    public HttpResponse<?> run(long personId, String key, Requirement requirement, String endpoint, Object request,
                               Supplier<? extends HttpResponse<?>> work) {
        if (key == null || key.isEmpty()) {
            if (requirement == Requirement.REQUIRED) {
                throw new ApiException.ValidationFailed(HEADER, "IDEMPOTENCY_KEY_REQUIRED", "This request moves money: send "
                        + "an Idempotency-Key header (e.g. a fresh UUID) so that a retry cannot do it twice.");
            }
            return work.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new ApiException.ValidationFailed(HEADER, "IDEMPOTENCY_KEY_INVALID",
                    "An Idempotency-Key is 1 to 128 visible ASCII characters, e.g. a UUID.");
        }
        String caller = "person:" + personId;
        String hash = hash(endpoint, request);
        Instant now = clock.instant();
        boolean claimed;
        try {
            claimed = jdbc.write(c -> Jdbc.update(c, """
                    INSERT INTO idempotency_key (caller, idem_key, endpoint, request_hash, status, created_at)
                    VALUES (?, ?, ?, ?, 'IN_FLIGHT', ?)""", caller, key, endpoint, hash, now) == 1);
        } catch (Jdbc.DataAccessFailure e) {
            if (!e.violates("PRIMARY")) {
                throw e;
            }
            claimed = false;
        }
        if (!claimed) {
            return repeat(caller, key, hash);
        }
        HttpResponse<?> response;
        try {
            response = work.get();
        } catch (RuntimeException | Error e) {
            jdbc.write(c -> Jdbc.update(c, "DELETE FROM idempotency_key WHERE caller = ? AND idem_key = ? AND status = 'IN_FLIGHT'",
                    caller, key));
            throw e;
        }
        String body = toJson(response.getBody().orElse(null));
        jdbc.write(c -> Jdbc.update(c, """
                UPDATE idempotency_key SET status = 'DONE', response_status = ?, response_body = ?, completed_at = ?
                WHERE caller = ? AND idem_key = ?""", response.code(), body, clock.instant(), caller, key));
        return response;
    }

    private HttpResponse<?> repeat(String caller, String key, String hash) {
        Optional<Stored> stored = jdbc.read(c -> Jdbc.one(c,
                "SELECT request_hash, status, response_status, response_body FROM idempotency_key WHERE caller = ? AND idem_key = ?",
                rs -> new Stored(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class), rs.getString(4)),
                caller, key));
        if (stored.isEmpty()) { // the first request failed and released the key a moment ago
            throw inFlight();
        }
        Stored s = stored.get();
        if (!s.hash().equals(hash)) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was already used for another request (other endpoint or body); use a new key "
                            + "for a new operation.");
        }
        if (!"DONE".equals(s.status())) {
            throw inFlight();
        }
        try {
            Object body = s.body() == null ? null : json.readValue(s.body().getBytes(StandardCharsets.UTF_8), io.micronaut.json.tree.JsonNode.class);
            return HttpResponse.status(HttpStatus.valueOf(s.responseStatus())).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header(REPLAYED_HEADER, "true").body(body);
        } catch (IOException e) {
            throw new IllegalStateException("stored answer of an idempotency key is not JSON", e);
        }
    }

    private static ApiException inFlight() {
        return new ApiException.RuleViolation(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_FLIGHT",
                "A request with this Idempotency-Key is still being processed; try again in a moment to get its answer.");
    }

    private String hash(String endpoint, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(endpoint.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(toJson(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }
}
