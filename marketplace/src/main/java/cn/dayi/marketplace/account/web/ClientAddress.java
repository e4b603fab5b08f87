package cn.dayi.marketplace.account.web;

import io.micronaut.http.HttpRequest;

/** The client's address for sign-in throttling: the TCP peer (proxies are not trusted by default). */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpRequest<?> request) {
        var address = request.getRemoteAddress();
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }
}
