package org.entente.recorder.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before any application code sees them (an encoded NUL or {@code ..} in
 * the path, an unreadable URI) get Tomcat's HTML error page by default. This replaces the host's
 * error report with a small problem document, so every error the service answers is {@code
 * application/problem+json}.
 */
@Component
@ConditionalOnClass(StandardHost.class)
public class TomcatProblemReports
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          Container parent = context.getParent();
          if (parent instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
          }
        });
  }

  /** Writes a problem document where Tomcat would write its HTML report. */
  public static class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String reason = "the request cannot be read: " + Problems.statusReason(status);
      String body =
          "{\"type\":\""
              + Problems.TYPE_PREFIX
              + "http-"
              + status
              + "\",\"title\":\""
              + Problems.statusReason(status)
              + "\",\"status\":"
              + status
              + ",\"detail\":\"request: "
              + reason
              + "\",\"errors\":[{\"field\":\"request\",\"reason\":\""
              + reason
              + "\"}]}";
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(body);
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // the client is gone or the response is committed; nothing more to say
      }
    }
  }
}
