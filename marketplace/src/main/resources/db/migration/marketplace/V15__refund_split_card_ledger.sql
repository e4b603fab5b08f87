-- Refunds that split into cash and voucher, card refunds in the ledger.
--
-- order_refund: amount_fen stays the whole refund; voucher_fen is the part given back to the buyer's
--   voucher grant (no longer claimable from the fiscal fund), amount_fen - voucher_fen the cash part that
--   went back through the payment method. card_refund_id names the Stripe refund that returned the cash
--   (UNIQUE: a card refund is recorded once). The table stays append-only (its triggers are unchanged).
ALTER TABLE order_refund
    ADD COLUMN voucher_fen BIGINT NOT NULL DEFAULT 0 COMMENT 'part of amount_fen returned to the voucher grant; the rest is cash',
    ADD COLUMN card_refund_id BIGINT NULL COMMENT 'the card_refund (Stripe) that returned the cash part, for method CARD',
    ADD CONSTRAINT uq_or_card_refund UNIQUE (card_refund_id),
    ADD CONSTRAINT ck_or_voucher CHECK (voucher_fen >= 0 AND voucher_fen <= amount_fen);

-- A card refund carries the voucher part of the same refund (restored when Stripe reports the cash part
-- SUCCEEDED, or at once when there is no cash part) and the ledger journal it posted (exactly once).
ALTER TABLE card_refund
    ADD COLUMN voucher_fen BIGINT NOT NULL DEFAULT 0 COMMENT 'voucher part of this refund, restored to the grant with the cash part',
    ADD COLUMN journal_id BIGINT NULL COMMENT 'the refund journal ORDER:<id>:CARD_REFUND:<refund_no>, posted once on SUCCEEDED',
    ADD COLUMN attention VARCHAR(500) NULL COMMENT 'set when Stripe reports a refund failed after the ledger posted it: finance must act',
    DROP CONSTRAINT ck_cr_amount,
    ADD CONSTRAINT ck_cr_amount CHECK (amount_fen >= 0 AND voucher_fen >= 0 AND amount_fen + voucher_fen > 0),
    ADD CONSTRAINT fk_cr_journal FOREIGN KEY (journal_id) REFERENCES ledger_journal (id);

-- A voucher use refunded in part: amount_fen is what the voucher still pays of the order (held, captured,
-- claimable), refunded_fen what refunds gave back to the grant; a use refunded wholly is RELEASED (REFUNDED)
-- with amount_fen 0.
ALTER TABLE voucher_use
    ADD COLUMN refunded_fen BIGINT NOT NULL DEFAULT 0 COMMENT 'given back to the grant by refunds of the order',
    DROP CONSTRAINT ck_vu_amount,
    ADD CONSTRAINT ck_vu_amount CHECK (amount_fen >= 0 AND refunded_fen >= 0 AND amount_fen + refunded_fen > 0);
