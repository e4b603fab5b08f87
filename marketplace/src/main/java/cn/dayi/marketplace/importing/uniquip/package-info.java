/**
 * The UK national equipment data "uniquip" CSV layout as a catalogue format: column mapping,
 * rules for rows that are not instruments, category keywords and a small site gazetteer.
 */
package cn.dayi.marketplace.importing.uniquip;
