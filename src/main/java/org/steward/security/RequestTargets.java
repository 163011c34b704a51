package org.steward.security;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Does anything live at this address? Lets an anonymous visitor get 404 for an address that does not
 * exist instead of a sign-in page (issue 7, finding 9), while real staff pages still ask to sign in.
 * Consulted only for anonymous requests that need authentication.
 */
final class RequestTargets {

    private static final String[] STATIC_LOCATIONS = {"static", "public", "resources", "META-INF/resources"};

    private final ApplicationContext context;
    private volatile RequestMappingHandlerMapping controllers;

    RequestTargets(ApplicationContext context) {
        this.context = context;
    }

    boolean exists(HttpServletRequest request) {
        String path = path(request);
        if (path.startsWith("/camunda/") || path.startsWith("/engine-rest")) {
            return true; // Camunda's webapps and REST API answer for themselves once signed in
        }
        return isStaticResource(path) || hasController(request);
    }

    /** The path within the application, as the container decoded it. */
    static String path(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() ? "/" : path;
    }

    private static boolean isStaticResource(String path) {
        if (path.contains("..") || path.endsWith("/")) {
            return false;
        }
        for (String location : STATIC_LOCATIONS) {
            ClassPathResource resource = new ClassPathResource(location + path);
            if (resource.isReadable()) {
                return true;
            }
        }
        return false;
    }

    private boolean hasController(HttpServletRequest request) {
        HttpServletRequest probe = new IsolatedAttributes(request);
        try {
            ServletRequestPathUtils.parseAndCache(probe);
            return controllers().getHandler(probe) != null;
        } catch (Exception e) {
            // A path that matches with another method or media type exists; when unsure, ask to sign in.
            return true;
        }
    }

    private RequestMappingHandlerMapping controllers() {
        if (controllers == null) {
            controllers = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        }
        return controllers;
    }

    /** Keeps the attributes a handler lookup sets away from the real request. */
    private static final class IsolatedAttributes extends HttpServletRequestWrapper {
        private final Map<String, Object> attributes = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        IsolatedAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            if (removed.contains(name)) {
                return null;
            }
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            removed.remove(name);
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
            removed.add(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
            names.addAll(attributes.keySet());
            names.removeAll(removed);
            return Collections.enumeration(names);
        }
    }
}
