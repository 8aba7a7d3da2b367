package dev.hpo.reliability.support;

import com.fasterxml.jackson.databind.JsonNode;

/** One HTTP answer of the API: status and parsed body (a missing node when the body is not JSON). */
public record Response(int status, String body, JsonNode json) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Fails with the whole answer when the status is not the expected one. */
    public Response expect(int expected) {
        if (status != expected) {
            throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
        }
        return this;
    }
}
