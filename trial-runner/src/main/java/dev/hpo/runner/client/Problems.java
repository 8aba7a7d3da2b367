package dev.hpo.runner.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Turns an RFC 7807 problem answer into one readable line, field errors included. */
final class Problems {

    private Problems() {
    }

    static String describe(ObjectMapper json, int status, String body) {
        JsonNode problem;
        try {
            problem = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            problem = null;
        }
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (problem == null || !problem.isObject()) {
            return text.toString();
        }
        String detail = problem.path("detail").asText(problem.path("title").asText(""));
        if (!detail.isBlank()) {
            text.append(": ").append(detail);
        }
        for (JsonNode error : problem.path("errors")) {
            text.append("; ").append(error.path("path").asText("?")).append(": ")
                    .append(error.path("message").asText());
        }
        return text.toString();
    }
}
