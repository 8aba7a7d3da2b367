package dev.hpo.cli.study;

import dev.hpo.protocol.client.ApiClient;

/**
 * One study in the API.
 *
 * @param api the connection
 * @param id the study's id, positive
 */
record StudyResource(ApiClient api, long id) {
}
