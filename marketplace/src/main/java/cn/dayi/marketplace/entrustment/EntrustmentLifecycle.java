package cn.dayi.marketplace.entrustment;

import static cn.dayi.marketplace.entrustment.EntrustmentState.ACTIVE;
import static cn.dayi.marketplace.entrustment.EntrustmentState.DECLINED;
import static cn.dayi.marketplace.entrustment.EntrustmentState.DRAFT;
import static cn.dayi.marketplace.entrustment.EntrustmentState.EXPIRED;
import static cn.dayi.marketplace.entrustment.EntrustmentState.PROPOSED;
import static cn.dayi.marketplace.entrustment.EntrustmentState.TERMINATED;
import static cn.dayi.marketplace.entrustment.EntrustmentState.WITHDRAWN;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one transition table of an entrustment: which command moves which state to which, who may
 * give it, which past-tense event it records, and whether a reason is required.
 */
public final class EntrustmentLifecycle {

    /** Which party gives a command. */
    public enum Party { OPERATOR, OWNER, SCHEDULER }

    /** What a party asks for. */
    public enum Command { PROPOSE, WITHDRAW, ACCEPT, DECLINE, TERMINATE, EXPIRE }

    /** One row of the table. */
    public record Transition(Command command, Set<EntrustmentState> from, EntrustmentState to, Set<Party> by,
                             String event, boolean reasonRequired) {
    }

    public static final List<Transition> TABLE = List.of(
            new Transition(Command.PROPOSE, EnumSet.of(DRAFT), PROPOSED, EnumSet.of(Party.OPERATOR), "PROPOSED", false),
            new Transition(Command.WITHDRAW, EnumSet.of(DRAFT, PROPOSED), WITHDRAWN, EnumSet.of(Party.OPERATOR), "WITHDRAWN", false),
            new Transition(Command.ACCEPT, EnumSet.of(PROPOSED), ACTIVE, EnumSet.of(Party.OWNER), "ACCEPTED", false),
            new Transition(Command.DECLINE, EnumSet.of(PROPOSED), DECLINED, EnumSet.of(Party.OWNER), "DECLINED", true),
            new Transition(Command.TERMINATE, EnumSet.of(ACTIVE), TERMINATED, EnumSet.of(Party.OWNER, Party.OPERATOR),
                    "TERMINATED", true),
            new Transition(Command.EXPIRE, EnumSet.of(ACTIVE), EXPIRED, EnumSet.of(Party.SCHEDULER), "EXPIRED", false));

    private EntrustmentLifecycle() {
    }

    public static Transition of(Command command) {
        return TABLE.stream().filter(t -> t.command() == command).findFirst().orElseThrow();
    }

    /** The transition {@code command} makes from {@code state}, if it is allowed from there. */
    public static Optional<Transition> from(EntrustmentState state, Command command) {
        Transition t = of(command);
        return t.from().contains(state) ? Optional.of(t) : Optional.empty();
    }

    /** Commands that {@code party} may give in {@code state} (for the pages' buttons). */
    public static List<Command> available(EntrustmentState state, Party party) {
        return TABLE.stream().filter(t -> t.from().contains(state) && t.by().contains(party)).map(Transition::command).toList();
    }
}
