package dev.hpo.cli.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.cli.api.Api;

/**
 * One study in the API: {@code api/studies/{id}} and what lies below it.
 *
 * @param api the connection
 * @param id the study's id, positive
 */
record StudyResource(Api api, long id) {

    /** The study itself. */
    JsonNode get() {
        return get("");
    }

    /** The resource {@code below} the study, e.g. {@code /best}. */
    JsonNode get(String below) {
        return api.get(path(below));
    }

    JsonNode post(String below) {
        return api.post(path(below));
    }

    JsonNode post(String below, String body) {
        return api.post(path(below), body);
    }

    String path(String below) {
        return "api/studies/" + id + below;
    }
}
