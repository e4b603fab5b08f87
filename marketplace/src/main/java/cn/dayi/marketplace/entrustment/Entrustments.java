package cn.dayi.marketplace.entrustment;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Organisations.Organisation;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.EntrustmentLifecycle.Command;
import cn.dayi.marketplace.entrustment.EntrustmentLifecycle.Party;
import cn.dayi.marketplace.entrustment.EntrustmentLifecycle.Transition;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Use cases of entrustments. Who may do what:
 * <ul>
 *   <li>an operator manager drafts, proposes and withdraws entrustments of their own operator;</li>
 *   <li>the owner admin accepts or declines a proposal to their organisation;</li>
 *   <li>either side terminates an active one, with a reason; the scheduler expires it after its term;</li>
 *   <li>members of either side (and platform admins) see it; nobody else learns that it exists (404).</li>
 * </ul>
 * Errors: 404 {@code ENTRUSTMENT_NOT_FOUND}; 403 {@code FORBIDDEN}; 409 {@code ILLEGAL_TRANSITION},
 * {@code ENTRUSTMENT_CHANGED} (someone else moved it first), {@code CUSTODY_OVERLAP}; 400
 * {@code SPLIT_NOT_10000}, {@code NEGATIVE_SHARE}, {@code FISCAL_SHARE_WITHOUT_FISCAL_FUNDING},
 * {@code TERM_INVALID}, {@code NO_INSTRUMENTS}, {@code REASON_REQUIRED}; 422 {@code NOT_AN_OPERATOR},
 * {@code INSTRUMENT_NOT_OWNED}, {@code OWNER_IS_OPERATOR}.
 */
@Singleton
public class Entrustments {

    private final Jdbc jdbc;
    private final Organisations organisations;
    private final Clock clock;

    public Entrustments(Jdbc jdbc, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Drafts an entrustment from {@code operatorId} to the owner named in {@code n}. */
    public Entrustment draft(Actor actor, long operatorId, NewEntrustment n) {
        actor.requireRoleIn(operatorId, Role.OPERATOR_MANAGER);
        Organisation operator = organisations.get(operatorId);
        if (operator.kind() != OrganisationKind.OPERATOR) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "NOT_AN_OPERATOR",
                    operator.nameZh() + " is not a service operator; only operators take instruments into custody.");
        }
        validate(n);
        Organisation owner = organisations.find(n.ownerId()).orElseThrow(() -> new ApiException.ValidationFailed(
                "ownerId", "OWNER_NOT_FOUND", "There is no organisation with id " + n.ownerId() + "."));
        if (owner.id() == operatorId) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "OWNER_IS_OPERATOR",
                    "An operator's own instruments (自营) need no entrustment.");
        }
        Instant now = clock.instant();
        long id = jdbc.write(c -> {
            Set<Long> instrumentIds = resolveOwned(c, owner, n.instruments());
            long newId = EntrustmentStore.insert(c, owner.id(), operatorId, n, actor.personId(), now);
            EntrustmentStore.addInstruments(c, newId, instrumentIds);
            EntrustmentStore.event(c, newId, "CREATED", null, EntrustmentState.DRAFT, actor.personId(), null, now);
            return newId;
        });
        return get(actor, id);
    }

    /** Gives a lifecycle command as {@code actor}; {@code reason} is required to decline or terminate. */
    public Entrustment command(Actor actor, long id, Command command, String reason) {
        Entrustment e = get(actor, id);
        Party party = partyOf(actor, e, command);
        Transition t = EntrustmentLifecycle.from(e.state(), command).orElseThrow(() -> new ApiException.RuleViolation(
                HttpStatus.CONFLICT, "ILLEGAL_TRANSITION", "An entrustment that is " + e.state() + " cannot be "
                + verb(command) + "; possible now: " + EntrustmentLifecycle.available(e.state(), party) + "."));
        if (t.reasonRequired() && (reason == null || reason.isBlank())) {
            throw new ApiException.ValidationFailed("reason", "REASON_REQUIRED",
                    "Say why the entrustment is " + verb(command) + "; the other side will read it.");
        }
        apply(e, t, actor.personId(), reason == null || reason.isBlank() ? null : reason.strip());
        return get(actor, id);
    }

    /** Expires active entrustments whose term ended before {@code today}; returns how many. Idempotent. */
    public int expireDue(LocalDate today) {
        List<Long> due = jdbc.read(c -> EntrustmentStore.due(c, today));
        int n = 0;
        for (long id : due) {
            Entrustment e = jdbc.read(c -> EntrustmentStore.find(c, id)).orElseThrow();
            try {
                apply(e, EntrustmentLifecycle.of(Command.EXPIRE), null, "term ended " + e.endsOn());
                n++;
            } catch (ApiException.RuleViolation changed) {
                // terminated concurrently: nothing to expire
            }
        }
        return n;
    }

    /** Today in the platform's zone, for the expiry job. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ClockFactory.SHANGHAI));
    }

    /** One entrustment; 404 when it does not exist or the actor is on neither side. */
    public Entrustment get(Actor actor, long id) {
        Optional<Entrustment> found = jdbc.read(c -> EntrustmentStore.find(c, id));
        if (found.isEmpty() || !canSee(actor, found.get())) {
            throw new ApiException.NotFound("ENTRUSTMENT_NOT_FOUND", "There is no entrustment " + id + " that you can see.");
        }
        return found.get();
    }

    /** Entrustments where {@code organisationId} is a party; the actor must be a member of it. */
    public List<Entrustment> ofOrganisation(Actor actor, long organisationId) {
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(organisationId, Role.OWNER_ADMIN)
                && !actor.isOperatorStaff(organisationId)) {
            throw new ApiException.Forbidden("FORBIDDEN", "You may only see the entrustments of your own organisation.");
        }
        List<Entrustment> all = jdbc.read(c -> EntrustmentStore.ofOrganisation(c, organisationId));
        // an owner does not see an operator's drafts
        return all.stream().filter(e -> canSee(actor, e)).toList();
    }

    private void apply(Entrustment e, Transition t, Long actorPersonId, String reason) {
        Instant now = clock.instant();
        jdbc.write(c -> {
            if (!EntrustmentStore.move(c, e.id(), e.state(), t.to(), now)) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "ENTRUSTMENT_CHANGED",
                        "Someone else changed this entrustment a moment ago; reload it and try again.");
            }
            if (t.to() == EntrustmentState.ACTIVE) {
                takeCustody(c, e, now);
            } else if (e.state() == EntrustmentState.ACTIVE) {
                EntrustmentStore.releaseCustody(c, e.id());
            }
            EntrustmentStore.event(c, e.id(), t.event(), e.state(), t.to(), actorPersonId, reason, now);
            return null;
        });
    }

    /**
     * The primary key of {@code instrument_custody} is the guarantee; the query before it only makes
     * the message name the instruments. Two owners accepting overlapping entrustments at the same
     * moment: one insert waits for the other's key lock and then fails.
     */
    private static void takeCustody(Connection c, Entrustment e, Instant now) throws SQLException {
        List<Long> ids = EntrustmentStore.instrumentIds(c, e.id());
        List<String> taken = EntrustmentStore.inCustody(c, ids);
        if (!taken.isEmpty()) {
            throw custodyOverlap(taken);
        }
        try {
            EntrustmentStore.takeCustody(c, e.id(), e.operator().id(), ids, now);
        } catch (SQLException ex) {
            if (ex instanceof java.sql.SQLIntegrityConstraintViolationException || "23000".equals(ex.getSQLState())) {
                throw custodyOverlap(EntrustmentStore.inCustody(c, ids));
            }
            throw ex;
        }
    }

    private static ApiException custodyOverlap(List<String> codes) {
        return new ApiException.RuleViolation(HttpStatus.CONFLICT, "CUSTODY_OVERLAP",
                "These instruments are already in the custody of an operator under another active entrustment: "
                        + String.join(", ", codes) + ". An instrument has one custodian at a time.");
    }

    private static Party partyOf(Actor actor, Entrustment e, Command command) {
        Transition t = EntrustmentLifecycle.of(command);
        if (t.by().contains(Party.OPERATOR) && actor.hasRoleIn(e.operator().id(), Role.OPERATOR_MANAGER)) {
            return Party.OPERATOR;
        }
        if (t.by().contains(Party.OWNER) && actor.hasRoleIn(e.owner().id(), Role.OWNER_ADMIN)) {
            return Party.OWNER;
        }
        List<String> who = new ArrayList<>();
        if (t.by().contains(Party.OWNER)) {
            who.add("the owner's admin");
        }
        if (t.by().contains(Party.OPERATOR)) {
            who.add("the operator's manager");
        }
        throw new ApiException.Forbidden("FORBIDDEN", "Only " + String.join(" or ", who) + " may do this.");
    }

    private static boolean canSee(Actor actor, Entrustment e) {
        if (actor.isPlatformAdmin() || actor.isOperatorStaff(e.operator().id())) {
            return true;
        }
        return e.state() != EntrustmentState.DRAFT && actor.hasRoleIn(e.owner().id(), Role.OWNER_ADMIN);
    }

    private static void validate(NewEntrustment n) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (n.ownerId() == null) {
            errors.add(new ApiException.FieldError("ownerId", "OWNER_REQUIRED", "Name the owner (ownerId)."));
        }
        if (n.instruments() == null || n.instruments().isEmpty()) {
            errors.add(new ApiException.FieldError("instruments", "NO_INSTRUMENTS",
                    "An entrustment covers at least one instrument (ids or codes)."));
        }
        if (n.startsOn() == null || n.endsOn() == null || n.endsOn().isBefore(n.startsOn())) {
            errors.add(new ApiException.FieldError("endsOn", "TERM_INVALID",
                    "The term needs a first day (startsOn) and a last day (endsOn) on or after it."));
        }
        if (n.shares() == null) {
            errors.add(new ApiException.FieldError("shares", "SPLIT_NOT_10000",
                    "Give the revenue split: ownerBp, fiscalFundBp, operatorBp, platformBp summing to 10,000."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.ValidationFailed.of(errors);
        }
        n.shares().validate(n.fiscalFunded());
    }

    private static Set<Long> resolveOwned(Connection c, Organisation owner, List<String> refs) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> notOwned = new ArrayList<>();
        for (String ref : refs) {
            String r = ref == null ? "" : ref.strip();
            boolean numeric = r.matches("\\d{1,18}");
            Optional<long[]> found = Jdbc.one(c, "SELECT id, owner_id FROM instrument WHERE " + (numeric ? "id" : "code") + " = ?",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, numeric ? (Object) Long.parseLong(r) : r);
            if (found.isEmpty() || found.get()[1] != owner.id()) {
                notOwned.add(r);
            } else {
                ids.add(found.get()[0]);
            }
        }
        if (!notOwned.isEmpty()) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "INSTRUMENT_NOT_OWNED",
                    "These instruments do not exist or are not owned by " + owner.nameZh() + ": " + String.join(", ", notOwned)
                            + ". Nothing was saved.");
        }
        return ids;
    }

    private static String verb(Command command) {
        return switch (command) {
            case PROPOSE -> "proposed";
            case WITHDRAW -> "withdrawn";
            case ACCEPT -> "accepted";
            case DECLINE -> "declined";
            case TERMINATE -> "terminated";
            case EXPIRE -> "expired";
        };
    }
}
