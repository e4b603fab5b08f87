/**
 * Accounts: people, their roles in organisations (membership), Argon2id passwords, sign-in with
 * throttling, the first platform admin, and {@link cn.dayi.marketplace.account.Actor} — who is
 * asking, which every authorisation check uses.
 */
package cn.dayi.marketplace.account;
