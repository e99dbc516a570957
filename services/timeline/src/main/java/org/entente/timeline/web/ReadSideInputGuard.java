package org.entente.timeline.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses, before any read-side controller runs, path variables and query parameters no stored
 * value can match and PostgreSQL cannot even be asked about: control characters (NUL among them),
 * lone surrogates, values over {@value #MAX_LENGTH} characters. A 400 problem names the parameter
 * ({@code id} for the path's id). Formats (instants, enums, type names) are the controllers' own
 * checks, through {@link QueryParameters}.
 */
@Configuration(proxyBeanMethods = false)
public class ReadSideInputGuard implements WebMvcConfigurer, HandlerInterceptor {

  /** Longer than any id, tag or instant; long enough for a what-if member list. */
  public static final int MAX_LENGTH = 4_096;

  private static final String READ_SIDE = "org.entente.timeline";

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || !method.getBeanType().getPackageName().startsWith(READ_SIDE)) {
      return true;
    }
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
        instanceof Map<?, ?> variables) {
      for (Map.Entry<?, ?> variable : variables.entrySet()) {
        check(String.valueOf(variable.getKey()), String.valueOf(variable.getValue()));
      }
    }
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      String name = parameter.getKey();
      String bad = QueryParameters.unusable(name);
      if (bad != null) {
        throw new BadQueryParameterException(QueryParameters.printable(name), "name " + bad);
      }
      for (String value : parameter.getValue()) {
        check(name, value);
      }
    }
    return true;
  }

  private static void check(String name, String value) {
    if (value.length() > MAX_LENGTH) {
      throw new BadQueryParameterException(
          name, "at most " + MAX_LENGTH + " characters, not " + value.length());
    }
    String bad = QueryParameters.unusable(value);
    if (bad != null) {
      throw new BadQueryParameterException(name, bad);
    }
  }
}
