package dev.hpo.reliability.support;

import dev.hpo.protocol.client.Transport;
import java.io.IOException;
import java.net.URI;

/**
 * A transport that tells the ledger about every attempt: the status of each answer, and each request that got
 * none. Workers see through it what the client's retries hide: how often the API was away or busy.
 */
final class LedgerTransport implements Transport {

    private final Transport http;
    private final Ledger ledger;

    LedgerTransport(Transport http, Ledger ledger) {
        this.http = http;
        this.ledger = ledger;
    }

    @Override
    public URI base() {
        return http.base();
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        try {
            Response response = http.send(request);
            ledger.answered(response.status());
            return response;
        } catch (IOException unreachable) {
            ledger.unreachable();
            throw unreachable;
        }
    }
}
