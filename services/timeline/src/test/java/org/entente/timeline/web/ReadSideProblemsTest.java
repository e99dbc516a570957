package org.entente.timeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class ReadSideProblemsTest {

  final ReadSideProblems problems = new ReadSideProblems();

  @Test
  void noConnection_is503WithRetryAfter() {
    for (RuntimeException failure :
        new RuntimeException[] {
          new CannotGetJdbcConnectionException("pool exhausted"),
          new CannotCreateTransactionException("no connection")
        }) {
      ResponseEntity<ProblemDetail> answer = problems.database(failure);

      assertThat(answer.getStatusCode().value()).as(failure.toString()).isEqualTo(503);
      assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
          .isEqualTo(String.valueOf(ReadSideProblems.RETRY_AFTER_SECONDS));
      assertThat(answer.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(answer.getBody().getType().toString())
          .isEqualTo("urn:entente:problem:database-unavailable");
    }
  }

  @Test
  void anyOtherDatabaseError_is500Problem_withoutSqlInTheAnswer() {
    ResponseEntity<ProblemDetail> answer =
        problems.database(
            new BadSqlGrammarException("query", "select secret", new SQLException("boom")));

    assertThat(answer.getStatusCode().value()).isEqualTo(500);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(answer.getBody().getDetail()).doesNotContain("secret");
    assertThat(answer.getBody().getProperties()).containsKey("errors");
  }
}
