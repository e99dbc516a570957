package org.entente.standalone.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.entente.standalone.TestUsers;

/** What the operations tests send to a running service: plain HTTP, and a statement to record. */
public final class OperationsHttp {

  private static final HttpClient http = HttpClient.newHttpClient();

  private OperationsHttp() {}

  /** {@code method path} on the service at {@code port}, with a JSON body when one is given. */
  static HttpResponse<String> send(int port, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    TestUsers.authorized(request);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A valid statement by Rutte from the demo's source, under {@code id}. */
  public static String statement(String id) {
    String quote =
        "Rutte zal een nieuwe strategie moeten bedenken om de eensgezindheid te bewaren.";
    return """
        {"statementId":"%s","speakerId":"mark-rutte","targetIds":["nato"],
         "saidAt":{"at":"2025-02-13T00:00:00Z","precision":"DAY"},
         "stance":"COMMITMENT","cameoCode":"030",
         "weight":{"value":4.0,"scale":"goldstein","scaleVersion":"cameo-1.1b3"},
         "topics":["alliance-unity"],
         "original":{"language":"nl","text":"%s"},
         "citations":[{"sourceId":"nos-2025-02-13-navo-defensieministers",
           "excerpt":{"start":1854,"end":1933,"quote":"%s"},"grade":"SECOND_HAND_MEDIA"}]}
        """
        .formatted(id, quote, quote);
  }
}
