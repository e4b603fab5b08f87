/**
 * Revenue splits (分账): apportioning an amount in fen among owner, fiscal fund, operator and
 * platform by basis-point shares so that the parts always add up to the whole.
 */
package cn.dayi.pricing.split;
