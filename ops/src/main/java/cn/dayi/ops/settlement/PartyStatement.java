package cn.dayi.ops.settlement;

import java.util.List;

/**
 * What a party's statement for a period says: the totals over the distinct orders it took part in
 * and one line per (role, instrument, operator). Money in fen (CNY), time in minutes.
 */
public record PartyStatement(long partyId, int ordersCount, long minutesUsed, long grossFen, List<Line> lines) {

    public PartyStatement {
        lines = List.copyOf(lines);
    }

    /** The role in which a party takes part in an instrument's orders. */
    public enum Role { OPERATOR, OWNER }

    /** Orders of one instrument served by one operator, seen by the party in one role. */
    public record Line(Role role, long instrumentId, long operatorId, long ownerId, int ordersCount, long minutesUsed,
                       long grossFen) {
    }
}
