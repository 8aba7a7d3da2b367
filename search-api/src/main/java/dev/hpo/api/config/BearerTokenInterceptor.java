package dev.hpo.api.config;

import dev.hpo.api.error.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Requires a configured bearer token on every request that changes something (all writes, and the worker
 * protocol, which is all POST). Reads stay open so dashboards and status commands need no secret.
 */
class BearerTokenInterceptor implements HandlerInterceptor {

    private static final String PREFIX = "Bearer ";

    private final List<byte[]> tokens;

    BearerTokenInterceptor(List<String> tokens) {
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (tokens.isEmpty() || isRead(request.getMethod())) {
            return true;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new ApiException.Unauthorized("This request needs an 'Authorization: Bearer <token>' header.");
        }
        byte[] given = header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison, so response timing does not reveal how much of a token was right.
        boolean accepted = false;
        for (byte[] token : tokens) {
            accepted |= MessageDigest.isEqual(token, given);
        }
        if (!accepted) {
            throw new ApiException.Unauthorized("The bearer token is not accepted.");
        }
        return true;
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
