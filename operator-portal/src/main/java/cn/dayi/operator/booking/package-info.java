/** Order handling for operators over HTTP: their orders, accept / reject / check-in / check-out / no-show, bank transfers, booking rules and blackouts. */
package cn.dayi.operator.booking;
