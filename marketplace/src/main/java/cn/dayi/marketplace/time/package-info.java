/** Time: the injected clock and the platform's default zone (Asia/Shanghai). */
package cn.dayi.marketplace.time;
