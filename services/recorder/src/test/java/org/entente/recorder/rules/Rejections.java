package org.entente.recorder.rules;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matchers for rule exceptions in Axon fixtures: the right class naming the field. */
public final class Rejections {

  private Rejections() {}

  public static Matcher<RuleException> unknownReference(String field) {
    return rejection(UnknownReferenceException.class, field);
  }

  public static Matcher<RuleException> ruleViolation(String field) {
    return rejection(RuleViolationException.class, field);
  }

  public static Matcher<RuleException> wrongState(String field) {
    return rejection(WrongStateException.class, field);
  }

  public static Matcher<RuleException> rejection(
      Class<? extends RuleException> type, String field) {
    return new TypeSafeMatcher<>(RuleException.class) {
      @Override
      protected boolean matchesSafely(RuleException exception) {
        return type.equals(exception.getClass()) && field.equals(exception.field());
      }

      @Override
      public void describeTo(Description description) {
        description.appendText(type.getSimpleName() + " naming field '" + field + "'");
      }

      @Override
      protected void describeMismatchSafely(RuleException item, Description mismatch) {
        mismatch
            .appendText(item.getClass().getSimpleName() + " naming field '" + item.field())
            .appendText("' (" + item.reason() + ")");
      }
    };
  }
}
