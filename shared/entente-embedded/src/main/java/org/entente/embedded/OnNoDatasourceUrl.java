package org.entente.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the user configured no database of their own and left the embedded one on. */
class OnNoDatasourceUrl extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    var env = context.getEnvironment();
    if (env.containsProperty("spring.datasource.url")) {
      return ConditionOutcome.noMatch("spring.datasource.url is set");
    }
    if (!env.getProperty("entente.embedded-postgres.enabled", Boolean.class, true)) {
      return ConditionOutcome.noMatch("entente.embedded-postgres.enabled=false");
    }
    return ConditionOutcome.match("no spring.datasource.url");
  }
}
