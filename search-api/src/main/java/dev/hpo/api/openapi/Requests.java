package dev.hpo.api.openapi;

import java.util.Arrays;
import java.util.Set;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/** What a handler's request looks like, from its mapping and parameters: what decides how it can be refused. */
final class Requests {

    private static final Set<RequestMethod> READS = Set.of(RequestMethod.GET, RequestMethod.HEAD,
            RequestMethod.OPTIONS);

    private Requests() {
    }

    /** A request that changes something: the bearer token guards it. */
    static boolean isWrite(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method()).anyMatch(m -> !READS.contains(m));
    }

    /** A request with a JSON body, read (and so limited in size and media type) whenever one is sent. */
    static boolean hasBody(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
    }

    /** A request naming a study or trial in its path, which may not exist. */
    static boolean namesAResource(HandlerMethod handler) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
    }

    /** A request with any input at all (path, query or body), which may be invalid. */
    static boolean hasInput(HandlerMethod handler) {
        return hasBody(handler) || namesAResource(handler) || Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(RequestParam.class));
    }
}
