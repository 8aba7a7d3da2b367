package dev.hpo.protocol;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param page which page, from 0
 * @param size the most items a page holds
 */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
